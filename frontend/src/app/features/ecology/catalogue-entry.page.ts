import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { monitoringChartOptions } from './ecology-charts';
import { EcologyApi } from './ecology.api';
import { CatalogueEntryDetail, ImportResult, ImportRowError } from './ecology.models';

/** The row-level errors of a refused monitoring import (400 MONITORING_IMPORT_INVALID), or none. */
export function importRowErrors(e: unknown): ImportRowError[] {
  const body = e instanceof HttpErrorResponse ? (e.error as { error?: { code?: string; details?: { errors?: ImportRowError[] } } } | null) : null;
  return body?.error?.code === 'MONITORING_IMPORT_INVALID' ? (body.error.details?.errors ?? []) : [];
}

/** One catalogue entry: its monitoring series as a chart with the threshold line, alerts, and the provider's CSV import with row-level errors. */
@Component({
  selector: 'app-catalogue-entry-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, ApiErrorComponent, NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-api-error [error]="error()" />
    @if (entry(); as e) {
      <header class="page-header">
        <div class="page-header__text">
          <h1 data-testid="entry-title">{{ e.region }} · {{ e.product }}</h1>
          <p>{{ e.indicator }}（{{ e.unit }}） · {{ e.department }} · {{ e.dataSource }} · <a routerLink="/eco-catalogue">{{ 'ecology.backToCatalogue' | transloco }}</a></p>
        </div>
      </header>
      <div echarts class="chart" data-testid="monitoring-chart" [options]="options()"></div>
      @for (a of e.alerts; track a.id) {
        <p class="alert" data-testid="entry-alert">{{ a.date }} · {{ 'ecology.alertKinds.' + a.kind | transloco }}：{{ a.value }}（{{ a.reference }}@if (a.dropShare) { · −{{ a.dropShare }} }）</p>
      }
      @if (canImport) {
        <section class="import">
          <h2>{{ 'ecology.importTitle' | transloco }}</h2>
          <p class="muted">{{ 'ecology.importHint' | transloco: { unit: e.unit } }}</p>
          <input type="file" accept=".csv,text/csv" (change)="upload($event)" data-testid="monitoring-csv" [attr.aria-label]="'ecology.importTitle' | transloco" />
          @if (imported(); as r) {
            <p data-testid="import-result">{{ 'ecology.importDone' | transloco: { imported: r.imported, unchanged: r.unchanged, alerts: r.alertsRaised.length } }}</p>
          }
          @if (rowErrors().length) {
            <table class="runs" data-testid="import-errors">
              <thead><tr><th>{{ 'ecology.line' | transloco }}</th><th>{{ 'ecology.field' | transloco }}</th><th>{{ 'ecology.problem' | transloco }}</th></tr></thead>
              <tbody>
                @for (r of rowErrors(); track r.row + r.field) {
                  <tr data-testid="import-error-row"><td>{{ r.row }}</td><td>{{ r.field }}</td><td>{{ r.message }}</td></tr>
                }
              </tbody>
            </table>
          }
        </section>
      }
      <table class="runs">
        <thead><tr><th>{{ 'ecology.date' | transloco }}</th><th>{{ 'ecology.value' | transloco }}</th><th>{{ 'ecology.source' | transloco }}</th></tr></thead>
        <tbody>
          @for (o of e.series; track o.date) {
            <tr data-testid="observation"><td>{{ o.date }}</td><td>{{ o.value }} {{ o.unit }}</td><td>{{ o.source }}</td></tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    .chart { block-size: 320px; }
    .alert { color: var(--mat-sys-error); margin: 4px 0; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .import { margin-block: 16px; }
    .runs { inline-size: 100%; border-collapse: collapse; margin-block: 8px; }
    .runs th, .runs td { padding: 4px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
  `,
})
export class CatalogueEntryPage implements OnInit {
  private readonly api = inject(EcologyApi);
  private readonly transloco = inject(TranslocoService);
  readonly id = input.required<string>();
  protected readonly canImport = inject(AuthService).permissions().has('monitoring.submit');
  protected readonly entry = signal<CatalogueEntryDetail | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly rowErrors = signal<ImportRowError[]>([]);
  protected readonly imported = signal<ImportResult | null>(null);
  protected readonly options = computed(() => {
    const e = this.entry();
    return e ? monitoringChartOptions(e, { series: e.indicator, threshold: this.transloco.translate('ecology.threshold') }) : {};
  });

  ngOnInit(): void {
    this.load();
  }

  protected upload(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.error.set(null);
    this.rowErrors.set([]);
    this.imported.set(null);
    this.api.importObservations(this.id(), file).subscribe({
      next: (r) => { this.imported.set(r); this.load(); },
      error: (e: unknown) => {
        const rows = importRowErrors(e);
        if (rows.length) this.rowErrors.set(rows);
        else this.error.set(e);
      },
    });
  }

  private load(): void {
    this.api.entry(this.id()).subscribe({ next: (e) => this.entry.set(e), error: (e: unknown) => this.error.set(e) });
  }
}
