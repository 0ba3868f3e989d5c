import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ALL_ROLES,
  ROLE_INSTITUTION_TYPE,
  ROLE_SUBJECT_TYPE,
  Role,
  SUBJECT_ROLES,
} from '../../../core/auth/auth.models';
import { ApiErrorComponent } from '../../../core/errors/api-error.component';
import { applyServerFieldError } from '../../../core/errors/form-errors';
import { Institution, InstitutionsApi } from '../institutions/institutions.api';
import { NewUser, Subject, UserRecord, UsersApi } from './users.api';

/** How many institutions / subjects the pickers offer (the API allows up to 200 a page). */
const PICKER_LIMIT = 200;
/** Mirrors `schemas/api/users/user.body.json`. */
const USERNAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$/;
export const PASSWORD_MIN = 10;

/** Which affiliation a set of roles needs: subject roles act for a subject, all others for an institution. */
/** Options fitting the chosen roles (e.g. only banks for bank staff); all options when nothing narrows them. */
export function optionsForRoles<T extends { type: string }>(
  options: readonly T[],
  roles: readonly Role[],
  typeOfRole: Readonly<Partial<Record<Role, string>>>,
): T[] {
  const types = new Set(roles.map((r) => typeOfRole[r]).filter((t): t is string => !!t));
  return types.size ? options.filter((o) => types.has(o.type)) : [...options];
}

export function affiliationNeeds(roles: readonly string[]): { institution: boolean; subject: boolean } {
  return {
    institution: roles.some((r) => !SUBJECT_ROLES.includes(r as Role)),
    subject: roles.some((r) => SUBJECT_ROLES.includes(r as Role)),
  };
}

@Component({
  selector: 'app-user-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    ApiErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-create.dialog.html',
})
export class UserCreateDialog {
  private readonly api = inject(UsersApi);
  private readonly institutionsApi = inject(InstitutionsApi);
  private readonly ref = inject<MatDialogRef<UserCreateDialog, UserRecord>>(MatDialogRef);

  protected readonly allRoles = ALL_ROLES;
  protected readonly passwordMin = PASSWORD_MIN;
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly institutions = signal<Institution[]>([]);
  protected readonly subjects = signal<Subject[]>([]);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.pattern(USERNAME_PATTERN)]],
    displayName: ['', [Validators.required, Validators.maxLength(80)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(256)]],
    roles: [[] as Role[], Validators.required],
    institutionId: [''],
    subjectId: [''],
  });

  private readonly roles = toSignal(this.form.controls.roles.valueChanges, { initialValue: [] });
  protected readonly needs = computed(() => affiliationNeeds(this.roles()));
  protected readonly institutionOptions = computed(() =>
    optionsForRoles(this.institutions(), this.roles(), ROLE_INSTITUTION_TYPE),
  );
  protected readonly subjectOptions = computed(() =>
    optionsForRoles(this.subjects(), this.roles(), ROLE_SUBJECT_TYPE),
  );

  constructor() {
    this.form.controls.roles.valueChanges.pipe(takeUntilDestroyed()).subscribe((roles) => {
      const needs = affiliationNeeds(roles);
      this.toggleRequired('institutionId', needs.institution);
      this.toggleRequired('subjectId', needs.subject);
    });
    this.institutionsApi.list(PICKER_LIMIT, 0).subscribe({
      next: (page) => this.institutions.set(page.items),
      error: (err: unknown) => this.error.set(err),
    });
    this.api.subjects(PICKER_LIMIT, 0).subscribe({
      next: (page) => this.subjects.set(page.items),
      error: (err: unknown) => this.error.set(err),
    });
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const v = this.form.getRawValue();
    const needs = affiliationNeeds(v.roles);
    const user: NewUser = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      password: v.password,
      roles: v.roles,
      ...(needs.institution && v.institutionId ? { institutionId: v.institutionId } : {}),
      ...(needs.subject && v.subjectId ? { subjectId: v.subjectId } : {}),
    };
    this.saving.set(true);
    this.error.set(null);
    this.api.create(user).subscribe({
      next: (created) => this.ref.close(created),
      error: (err: unknown) => {
        this.saving.set(false);
        this.error.set(err);
        applyServerFieldError(this.form, err);
      },
    });
  }

  private toggleRequired(name: 'institutionId' | 'subjectId', required: boolean): void {
    const control = this.form.controls[name];
    if (required) {
      control.setValidators(Validators.required);
    } else {
      control.clearValidators();
      control.setValue('');
    }
    control.updateValueAndValidity({ emitEvent: false });
  }
}
