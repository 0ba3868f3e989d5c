import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { EcologyApi } from './ecology.api';
import { CatalogueEntry, CatalogueEntryInput, EcoRegion, MonitoringAlert } from './ecology.models';

export const ECOSYSTEMS = ['forest', 'grassland', 'wetland', 'desert', 'farmland', 'water', 'glacier'] as const;
export const PRODUCT_CATEGORIES = ['material_products', 'regulating_services', 'cultural_services'] as const;

const emptyEntry = (): CatalogueEntryInput => ({ region: '', regionLevel: 'prefecture', ecosystem: 'forest', product: '', category: 'regulating_services', indicator: '', unit: '', department: '', dataSource: '' });

/** The ecological product catalogue by region and ecosystem, the monitoring alerts, and (for catalogue keepers) a new entry. */
@Component({
  selector: 'app-catalogue-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'ecology.catalogueTitle' | transloco }}</h1>
        <p>{{ 'ecology.catalogueSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <h2>{{ 'ecology.alerts' | transloco }}</h2>
    @for (a of alerts(); track a.id) {
      <p class="alert" data-testid="monitoring-alert" [attr.data-kind]="a.kind">{{ a.region }} · {{ a.date }} · {{ 'ecology.alertKinds.' + a.kind | transloco }}：{{ a.value }}（{{ a.reference }}@if (a.dropShare) { · −{{ a.dropShare }} }）</p>
    } @empty {
      <p class="table-empty">{{ 'ecology.noAlerts' | transloco }}</p>
    }
    <table class="runs">
      <thead><tr><th>{{ 'ecology.region' | transloco }}</th><th>{{ 'ecology.ecosystem' | transloco }}</th><th>{{ 'ecology.product' | transloco }}</th><th>{{ 'ecology.indicator' | transloco }}</th><th>{{ 'ecology.department' | transloco }}</th><th>{{ 'ecology.dataSource' | transloco }}</th></tr></thead>
      <tbody>
        @for (e of entries(); track e.id) {
          <tr data-testid="catalogue-entry"><td>{{ e.region }}</td><td>{{ 'ecology.ecosystems.' + e.ecosystem | transloco }}</td><td><a [routerLink]="['/eco-catalogue', e.id]">{{ e.product }}</a></td><td>{{ e.indicator }}（{{ e.unit }}）</td><td>{{ e.department }}</td><td>{{ e.dataSource }}</td></tr>
        }
      </tbody>
    </table>
    @if (canManage) {
      <h2>{{ 'ecology.newEntry' | transloco }}</h2>
      <form class="form" (ngSubmit)="create()">
        <mat-form-field>
          <mat-label>{{ 'ecology.region' | transloco }}</mat-label>
          <select matNativeControl name="region" [(ngModel)]="draft.region" (ngModelChange)="pickRegion()" data-testid="entry-form-region" required>
            <option value=""></option>
            @for (r of regions(); track r.name) {
              <option [value]="r.name">{{ r.level === 'county' ? '— ' : '' }}{{ r.name }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'ecology.ecosystem' | transloco }}</mat-label>
          <select matNativeControl name="ecosystem" [(ngModel)]="draft.ecosystem" data-testid="entry-form-ecosystem">
            @for (k of ecosystems; track k) { <option [value]="k">{{ 'ecology.ecosystems.' + k | transloco }}</option> }
          </select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'ecology.category' | transloco }}</mat-label>
          <select matNativeControl name="category" [(ngModel)]="draft.category" data-testid="entry-form-category">
            @for (k of categories; track k) { <option [value]="k">{{ 'ecology.productCategories.' + k | transloco }}</option> }
          </select>
        </mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.product' | transloco }}</mat-label><input matInput name="product" [(ngModel)]="draft.product" data-testid="entry-form-product" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.indicator' | transloco }}</mat-label><input matInput name="indicator" [(ngModel)]="draft.indicator" data-testid="entry-form-indicator" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.unit' | transloco }}</mat-label><input matInput name="unit" [(ngModel)]="draft.unit" data-testid="entry-form-unit" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.department' | transloco }}</mat-label><input matInput name="department" [(ngModel)]="draft.department" data-testid="entry-form-department" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.dataSource' | transloco }}</mat-label><input matInput name="dataSource" [(ngModel)]="draft.dataSource" data-testid="entry-form-source" required /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.thresholdMin' | transloco }}</mat-label><input matInput name="min" [(ngModel)]="thresholdMin" data-testid="entry-form-min" /></mat-form-field>
        <mat-form-field><mat-label>{{ 'ecology.thresholdDrop' | transloco }}</mat-label><input matInput name="drop" [(ngModel)]="thresholdDrop" data-testid="entry-form-drop" /></mat-form-field>
        <button matButton="filled" type="submit" [disabled]="!draft.region || !draft.product || !draft.indicator || !draft.unit" data-testid="entry-form-submit">{{ 'ecology.createEntry' | transloco }}</button>
      </form>
    }
  `,
  styles: `
    .runs { inline-size: 100%; border-collapse: collapse; }
    .runs th, .runs td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .alert { color: var(--mat-sys-error); margin: 4px 0; }
    .form { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 4px 12px; align-items: start; }
  `,
})
export class CataloguePage implements OnInit {
  private readonly api = inject(EcologyApi);
  protected readonly canManage = inject(AuthService).permissions().has('catalogue.manage');
  protected readonly ecosystems = ECOSYSTEMS;
  protected readonly categories = PRODUCT_CATEGORIES;
  protected readonly entries = signal<CatalogueEntry[]>([]);
  protected readonly alerts = signal<MonitoringAlert[]>([]);
  protected readonly regions = signal<EcoRegion[]>([]);
  protected readonly error = signal<unknown>(null);
  protected draft: CatalogueEntryInput = emptyEntry();
  protected thresholdMin = '';
  protected thresholdDrop = '';

  ngOnInit(): void {
    this.load();
    this.api.alerts().subscribe({ next: (res) => this.alerts.set(res.items), error: (e: unknown) => this.error.set(e) });
    if (this.canManage) this.api.regions().subscribe({ next: (r) => this.regions.set(r.regions), error: (e: unknown) => this.error.set(e) });
  }

  protected pickRegion(): void {
    this.draft.regionLevel = this.regions().find((r) => r.name === this.draft.region)?.level ?? 'prefecture';
  }

  protected create(): void {
    this.error.set(null);
    const thresholds = { ...(this.thresholdMin.trim() ? { min: this.thresholdMin.trim() } : {}), ...(this.thresholdDrop.trim() ? { maxDropShare: this.thresholdDrop.trim() } : {}) };
    this.api.createEntry({ ...this.draft, ...(Object.keys(thresholds).length ? { thresholds } : {}) }).subscribe({
      next: () => { this.draft = emptyEntry(); this.thresholdMin = ''; this.thresholdDrop = ''; this.load(); },
      error: (e: unknown) => this.error.set(e),
    });
  }

  private load(): void {
    this.api.catalogue().subscribe({ next: (res) => this.entries.set(res.items), error: (e: unknown) => this.error.set(e) });
  }
}
