import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { EcologyApi } from './ecology.api';
import { CatalogueEntry, MonitoringAlert } from './ecology.models';

/** The ecological product catalogue by region and ecosystem, and the monitoring alerts. */
@Component({
  selector: 'app-catalogue-page',
  imports: [TranslocoPipe, ApiErrorComponent],
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
          <tr data-testid="catalogue-entry"><td>{{ e.region }}</td><td>{{ 'ecology.ecosystems.' + e.ecosystem | transloco }}</td><td>{{ e.product }}</td><td>{{ e.indicator }}（{{ e.unit }}）</td><td>{{ e.department }}</td><td>{{ e.dataSource }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .runs { inline-size: 100%; border-collapse: collapse; }
    .runs th, .runs td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .alert { color: var(--mat-sys-error); margin: 4px 0; }
  `,
})
export class CataloguePage implements OnInit {
  private readonly api = inject(EcologyApi);
  protected readonly entries = signal<CatalogueEntry[]>([]);
  protected readonly alerts = signal<MonitoringAlert[]>([]);
  protected readonly error = signal<unknown>(null);

  ngOnInit(): void {
    this.api.catalogue().subscribe({ next: (res) => this.entries.set(res.items), error: (e: unknown) => this.error.set(e) });
    this.api.alerts().subscribe({ next: (res) => this.alerts.set(res.items), error: (e: unknown) => this.error.set(e) });
  }
}
