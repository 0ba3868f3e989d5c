import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { InstitutionType } from '../../../core/auth/auth.models';
import { ApiErrorComponent } from '../../../core/errors/api-error.component';
import { applyServerFieldError } from '../../../core/errors/form-errors';
import { INSTITUTION_TYPES, Institution, InstitutionsApi } from './institutions.api';

/** Unified social credit code: 18 digits or letters, sent upper-cased (`schemas/api/institutions`). */
const CREDIT_CODE_PATTERN = /^[0-9A-Za-z]{18}$/;

@Component({
  selector: 'app-institution-create-dialog',
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
  template: `
    <h2 mat-dialog-title>{{ 'institutions.create' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <app-api-error [error]="error()" />
        <mat-form-field>
          <mat-label>{{ 'fields.name' | transloco }}</mat-label>
          <input matInput formControlName="name" data-testid="institution-name" />
          @if (form.controls.name.hasError('required')) {
            <mat-error>{{ 'validation.required' | transloco }}</mat-error>
          } @else if (form.controls.name.hasError('minlength')) {
            <mat-error>{{ 'validation.minlength' | transloco: { min: 2 } }}</mat-error>
          } @else if (form.controls.name.hasError('server')) {
            <mat-error>{{ 'validation.server' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'fields.type' | transloco }}</mat-label>
          <mat-select formControlName="type" data-testid="institution-type">
            @for (type of types; track type) {
              <mat-option [value]="type">{{ 'institutionTypes.' + type | transloco }}</mat-option>
            }
          </mat-select>
          @if (form.controls.type.hasError('required')) {
            <mat-error>{{ 'validation.required' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'fields.region' | transloco }}</mat-label>
          <input matInput formControlName="region" data-testid="institution-region" />
          <mat-hint>{{ 'institutions.regionHint' | transloco }}</mat-hint>
          @if (form.controls.region.hasError('required')) {
            <mat-error>{{ 'validation.required' | transloco }}</mat-error>
          } @else if (form.controls.region.hasError('minlength')) {
            <mat-error>{{ 'validation.minlength' | transloco: { min: 2 } }}</mat-error>
          } @else if (form.controls.region.hasError('server')) {
            <mat-error>{{ 'validation.server' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'fields.code' | transloco }}</mat-label>
          <input matInput formControlName="code" class="mono" data-testid="institution-code" />
          <mat-hint>{{ 'institutions.codeHint' | transloco }}</mat-hint>
          @if (form.controls.code.hasError('required')) {
            <mat-error>{{ 'validation.required' | transloco }}</mat-error>
          } @else if (form.controls.code.hasError('pattern')) {
            <mat-error>{{ 'institutions.codeHint' | transloco }}</mat-error>
          } @else if (form.controls.code.hasError('server')) {
            <mat-error>{{ 'validation.server' | transloco }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()" data-testid="institution-save">
          {{ 'common.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class InstitutionCreateDialog {
  private readonly api = inject(InstitutionsApi);
  private readonly ref = inject<MatDialogRef<InstitutionCreateDialog, Institution>>(MatDialogRef);

  protected readonly types = INSTITUTION_TYPES;
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    type: ['' as InstitutionType | '', Validators.required],
    region: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(60)]],
    code: ['', [Validators.required, Validators.pattern(CREDIT_CODE_PATTERN)]],
  });

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.api
      .create({
        name: value.name.trim(),
        type: value.type as InstitutionType,
        region: value.region.trim(),
        code: value.code.trim().toUpperCase(),
      })
      .subscribe({
        next: (created) => this.ref.close(created),
        error: (err: unknown) => {
          this.saving.set(false);
          this.error.set(err);
          applyServerFieldError(this.form, err);
        },
      });
  }
}
