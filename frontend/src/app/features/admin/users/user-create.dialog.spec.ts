import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { ROLE_INSTITUTION_TYPE, ROLE_SUBJECT_TYPE } from '../../../core/auth/auth.models';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { provideTranslocoTesting } from '../../../../testing/transloco-testing';
import { UserCreateDialog, affiliationNeeds, optionsForRoles } from './user-create.dialog';

describe('user affiliation rules', () => {
  it('asks for a subject for subject roles and an institution otherwise', () => {
    expect(affiliationNeeds(['citizen'])).toEqual({ institution: false, subject: true });
    expect(affiliationNeeds(['bond_issuer'])).toEqual({ institution: false, subject: true });
    expect(affiliationNeeds(['bank_officer', 'bank_approver'])).toEqual({ institution: true, subject: false });
    expect(affiliationNeeds([])).toEqual({ institution: false, subject: false });
  });

  it('narrows the pickers to fitting types', () => {
    const institutions = [
      { id: '1', type: 'bank' },
      { id: '2', type: 'regulator' },
      { id: '3', type: 'guarantee_institution' },
    ];
    expect(optionsForRoles(institutions, ['bank_officer'], ROLE_INSTITUTION_TYPE).map((i) => i.id)).toEqual(['1']);
    expect(optionsForRoles(institutions, [], ROLE_INSTITUTION_TYPE)).toHaveLength(3);
    const subjects = [
      { id: 'a', type: 'individual' },
      { id: 'b', type: 'enterprise' },
    ];
    expect(optionsForRoles(subjects, ['bond_issuer'], ROLE_SUBJECT_TYPE).map((s) => s.id)).toEqual(['b']);
  });
});

describe('UserCreateDialog', () => {
  it('creates a bank officer in the chosen bank', async () => {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslocoTesting('en'),
        provideAppIcons(),
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(UserCreateDialog);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/institutions').flush({
      items: [{ id: 'b'.repeat(24), name: '昆仑银行', type: 'bank', region: '克拉玛依', code: 'X', createdAt: '' }],
      total: 1,
    });
    http.expectOne((r) => r.url === '/api/subjects').flush({ items: [], total: 0 });

    const form = (fixture.componentInstance as unknown as { form: import('@angular/forms').FormGroup }).form;
    form.patchValue({
      username: 'officer.kl',
      displayName: '客户经理',
      password: 'long-enough-pw',
      roles: ['bank_officer'],
    });
    await fixture.whenStable();
    // Institution is now required.
    expect(form.get('institutionId')!.hasError('required')).toBe(true);
    form.patchValue({ institutionId: 'b'.repeat(24) });
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="user-save"]')!.click();
    await fixture.whenStable();

    const req = http.expectOne('/api/users');
    expect(req.request.body).toEqual({
      username: 'officer.kl',
      displayName: '客户经理',
      password: 'long-enough-pw',
      roles: ['bank_officer'],
      institutionId: 'b'.repeat(24),
    });
    req.flush({ id: 'u9', username: 'officer.kl' }, { status: 201, statusText: 'Created' });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 'u9' }));
    http.verify();
  });
});
