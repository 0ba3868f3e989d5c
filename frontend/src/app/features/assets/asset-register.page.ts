import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { ASSET_FIELDS, AssetField, detailsFromForm } from './asset-fields';
import { AssetsApi } from './assets.api';
import { ASSET_TYPES, AssetType } from './assets.models';

/** Registers an asset: its type's fields, a name and the permit or certificate (uploaded first, referenced by id). */
@Component({
  selector: 'app-asset-register-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'assets.register' | transloco }}</h1>
        <p>{{ 'assets.registerSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <form class="register-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-form-field>
        <mat-label>{{ 'assets.type' | transloco }}</mat-label>
        <select matNativeControl [value]="assetType()" (change)="chooseType($any($event.target).value)" data-testid="asset-type">
          @for (type of types; track type) {
            <option [value]="type">{{ 'assets.types.' + type | transloco }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'assets.name' | transloco }}</mat-label>
        <input matInput [formControl]="form.controls.name" data-testid="asset-name" />
      </mat-form-field>
      @for (field of fields(); track field.key) {
        <mat-form-field>
          <mat-label>{{ 'assets.fields.' + field.key | transloco }}{{ field.required ? '' : ' (' + ('assets.optional' | transloco) + ')' }}</mat-label>
          @switch (field.kind) {
            @case ('select') {
              <select matNativeControl [formControl]="control(field)" [attr.data-testid]="'asset-field-' + field.key">
                @for (option of field.options; track option) {
                  <option [value]="option">{{ 'assets.options.' + option | transloco }}</option>
                }
              </select>
            }
            @case ('boolean') {
              <select matNativeControl [formControl]="control(field)" [attr.data-testid]="'asset-field-' + field.key">
                <option value="true">{{ 'assets.yes' | transloco }}</option>
                <option value="false">{{ 'assets.no' | transloco }}</option>
              </select>
            }
            @case ('json') {
              <textarea matInput rows="4" [formControl]="control(field)" [attr.data-testid]="'asset-field-' + field.key"></textarea>
            }
            @default {
              <input matInput [type]="field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text'" [formControl]="control(field)" [attr.data-testid]="'asset-field-' + field.key" />
            }
          }
          @if (field.kind === 'json') {
            <mat-hint>{{ 'assets.servicesHint' | transloco }}</mat-hint>
          }
        </mat-form-field>
      }
      <label class="document-input">
        <span>{{ 'assets.document' | transloco }}</span>
        <input type="file" accept="application/pdf,image/png,image/jpeg" (change)="chooseFile($any($event.target).files)" data-testid="asset-document" />
      </label>
      <div class="form-actions">
        <button matButton="filled" type="submit" [disabled]="saving()" data-testid="asset-save">{{ 'assets.save' | transloco }}</button>
      </div>
    </form>
  `,
  styles: `
    .register-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 0 16px; max-inline-size: 960px; }
    .document-input, .form-actions { grid-column: 1 / -1; display: flex; gap: 12px; align-items: center; margin-block: 8px; }
  `,
})
export class AssetRegisterPage {
  private readonly api = inject(AssetsApi);
  private readonly router = inject(Router);
  protected readonly types = ASSET_TYPES;
  protected readonly assetType = signal<AssetType>('forest_right');
  protected readonly fields = computed(() => ASSET_FIELDS[this.assetType()]);
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly form = new FormGroup({ name: new FormControl('', { nonNullable: true, validators: [Validators.required] }), details: new FormGroup<Record<string, FormControl<string>>>({}) });
  private file: File | null = null;

  constructor() {
    this.buildDetails();
  }

  protected chooseType(type: AssetType): void {
    this.assetType.set(type);
    this.buildDetails();
  }

  protected chooseFile(files: FileList | null): void {
    this.file = files?.item(0) ?? null;
  }

  protected control(field: AssetField): FormControl<string> {
    return this.form.controls.details.controls[field.key]!;
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    try {
      const documentIds = this.file ? [(await firstValueFrom(this.api.uploadDocument(this.file))).id] : [];
      const details = detailsFromForm(this.assetType(), this.form.controls.details.getRawValue());
      const asset = await firstValueFrom(this.api.register({ assetType: this.assetType(), name: this.form.controls.name.value, details, documentIds }));
      await this.router.navigate(['/assets', asset.id]);
    } catch (e) {
      this.error.set(e);
    } finally {
      this.saving.set(false);
    }
  }

  private buildDetails(): void {
    const group = new FormGroup<Record<string, FormControl<string>>>({});
    for (const field of this.fields()) group.addControl(field.key, new FormControl(field.options?.[0] ?? (field.kind === 'boolean' ? 'false' : ''), { nonNullable: true }));
    this.form.setControl('details', group);
  }
}
