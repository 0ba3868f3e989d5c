import { AbstractControl, FormGroup } from '@angular/forms';
import { toApiError } from './api-error';

/**
 * The control name an API `field` refers to. The API may name a field plainly (`code`), as a JSON
 * pointer (`/code`, `/roles/0`) or as a dotted path (`body.code`); the last named segment wins.
 */
export function fieldName(field: string): string {
  const segments = field.split(/[./[\]]+/).filter((s) => s !== '' && !/^\d+$/.test(s));
  return segments[segments.length - 1] ?? field;
}

/**
 * Marks the form control the API blamed (`error.field`) with `{server: true}`, so the field shows
 * as invalid next to the readable message. Returns the control, or null when no control matched.
 */
export function applyServerFieldError(form: FormGroup, err: unknown): AbstractControl | null {
  const { field } = toApiError(err);
  if (!field) return null;
  const control = form.get(fieldName(field));
  if (!control) return null;
  control.setErrors({ ...(control.errors ?? {}), server: true });
  control.markAsTouched();
  return control;
}
