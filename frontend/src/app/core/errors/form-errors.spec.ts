import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { applyServerFieldError, fieldName } from './form-errors';

const apiError = (field?: string) =>
  new HttpErrorResponse({
    status: 409,
    error: { error: { code: 'DUPLICATE', message: 'exists', ...(field ? { field } : {}) } },
  });

describe('form errors', () => {
  it('reads plain, pointer and dotted field names', () => {
    expect(fieldName('code')).toBe('code');
    expect(fieldName('/code')).toBe('code');
    expect(fieldName('/roles/0')).toBe('roles');
    expect(fieldName('body.username')).toBe('username');
  });

  it('marks the blamed control', () => {
    const form = new FormGroup({ code: new FormControl('x'), name: new FormControl('y') });
    const control = applyServerFieldError(form, apiError('/code'));
    expect(control).toBe(form.controls.code);
    expect(form.controls.code.hasError('server')).toBe(true);
    expect(form.controls.name.valid).toBe(true);
  });

  it('leaves the form alone when no control matches', () => {
    const form = new FormGroup({ name: new FormControl('y') });
    expect(applyServerFieldError(form, apiError('other'))).toBeNull();
    expect(applyServerFieldError(form, apiError())).toBeNull();
    expect(form.valid).toBe(true);
  });
});
