import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatBp, formatFen } from '../loans/loan-format';
import { saveBlob } from '../bonds/bonds.api';
import { balanceChart } from './statistics-chart';
import { STATISTICS_TABLES, StatisticsApi, type StatisticsTable } from './statistics.api';
import { DIMENSIONS, Dimension, GreenFinanceStatistics } from './statistics.models';

/** The regulator's dashboard: quarterly evaluation, green loans by dimension (chart and table), green bonds, CSV/PDF export. */
@Component({
  selector: 'app-statistics-page',
  imports: [MatButtonModule, TranslocoPipe, NgxEchartsDirective, ApiErrorComponent],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'statistics.title' | transloco }}</h1>
        <p>{{ 'statistics.subtitle' | transloco }}</p>
      </div>
      <div class="page-header__actions">
        <input data-testid="statistics-quarter" [value]="quarter()" (change)="setQuarter($event)" [attr.aria-label]="'statistics.quarter' | transloco" />
        <select data-testid="statistics-export-table" [value]="table()" (change)="setTable($event)" [attr.aria-label]="'statistics.exportTable' | transloco">
          @for (t of tables; track t) { <option [value]="t">{{ 'statistics.tables.' + t | transloco }}</option> }
        </select>
        <button matButton="outlined" type="button" data-testid="statistics-export-csv" (click)="download('csv')">CSV</button>
        <button matButton="outlined" type="button" data-testid="statistics-export-pdf" (click)="download('pdf')">PDF</button>
      </div>
    </header>
    <app-api-error [error]="error()" />
    @if (stats(); as s) {
      <section class="cards" data-testid="statistics-quarterly">
        <div class="figure"><span>{{ 'statistics.greenBalance' | transloco }}</span><strong data-testid="stat-green-balance">{{ fen(s.quarter.greenBalanceFen) }}</strong></div>
        <div class="figure"><span>{{ 'statistics.greenShare' | transloco }}</span><strong data-testid="stat-green-share">{{ bp(s.quarter.greenShareBp) }}</strong></div>
        <div class="figure"><span>{{ 'statistics.newGreenLoans' | transloco }}</span><strong>{{ fen(s.quarter.newGreenLoansFen) }}</strong></div>
        <div class="figure"><span>{{ 'statistics.growth' | transloco }}</span><strong data-testid="stat-growth">{{ bp(s.quarter.growthBp) }}</strong></div>
        <div class="figure"><span>{{ 'statistics.riskShare' | transloco }}</span><strong data-testid="stat-risk-share">{{ bp(s.quarter.riskShareBp) }}</strong></div>
      </section>
      <nav class="tabs">
        @for (d of dimensions; track d) {
          <button matButton="text" type="button" [attr.data-testid]="'statistics-dim-' + d" [attr.aria-pressed]="d === dimension()" (click)="dimension.set(d)">{{ 'statistics.dimensions.' + d | transloco }}</button>
        }
      </nav>
      <div echarts class="chart" data-testid="statistics-chart" [options]="chart()"></div>
      <table class="table" data-testid="statistics-table">
        <thead><tr>
          <th>{{ 'statistics.dimensions.' + dimension() | transloco }}</th><th>{{ 'statistics.loans' | transloco }}</th><th>{{ 'statistics.balance' | transloco }}</th>
          <th>{{ 'statistics.newLoans' | transloco }}</th><th>{{ 'statistics.rate' | transloco }}</th><th>{{ 'statistics.overdueRatio' | transloco }}</th><th>{{ 'statistics.defaultRatio' | transloco }}</th>
        </tr></thead>
        <tbody>
          @for (r of rows(); track r.key) {
            <tr data-testid="statistics-row" [attr.data-key]="r.key">
              <td>{{ r.label }}</td><td>{{ r.loans }}</td><td>{{ fen(r.balanceFen) }}</td><td>{{ fen(r.newLoansFen) }}</td>
              <td>{{ bp(r.weightedRateBp) }}</td><td>{{ bp(r.overdueRatioBp) }}</td><td>{{ bp(r.defaultRatioBp) }}</td>
            </tr>
          }
        </tbody>
      </table>
      @if (s.bonds; as b) {
        <section class="card" data-testid="statistics-bonds">
          <h2>{{ 'statistics.bonds' | transloco }}</h2>
          <p>{{ 'statistics.proceeds' | transloco }} {{ fen(b.proceedsFen) }} · {{ 'statistics.allocated' | transloco }} {{ fen(b.allocatedFen) }} ({{ bp(b.allocatedShareBp) }}) · {{ 'statistics.unallocated' | transloco }} {{ fen(b.unallocatedFen) }}</p>
          <p>@for (m of benefits(); track m[0]) { <span class="benefit">{{ 'statistics.measures.' + m[0] | transloco }} {{ m[1] }}</span> }</p>
        </section>
      }
      @if (s.collateral; as c) {
        <section class="card" data-testid="statistics-collateral">
          <h2>{{ 'statistics.collateral' | transloco }}</h2>
          <p>@for (r of c.pledgedByType; track r.assetType) { <span class="benefit" data-testid="pledged-type">{{ r.assetType }} · {{ r.assets }} · {{ fen(r.valueFen) }}</span> }</p>
          <p>{{ 'statistics.ltv' | transloco }}：@for (b of c.ltvDistribution; track b.band) { <span class="benefit">{{ 'statistics.ltvBands.' + b.band | transloco }} {{ b.loans }}</span> }</p>
          <p>{{ 'statistics.guaranteesOutstanding' | transloco }} {{ c.guarantees.outstanding.guarantees }} · {{ fen(c.guarantees.outstanding.amountFen) }} ·
            {{ 'statistics.compensated' | transloco }} {{ c.guarantees.compensated.guarantees }} · {{ fen(c.guarantees.compensated.amountFen) }}</p>
          @if (c.grades?.length) {
            <p>{{ 'statistics.grades' | transloco }}：@for (g of c.grades; track g.grade) { <span class="benefit">{{ g.grade }} {{ g.subjects }}</span> }</p>
          }
        </section>
      }
      @if (s.trading?.length) {
        <section class="card" data-testid="statistics-trades">
          <h2>{{ 'statistics.trades' | transloco }}</h2>
          <table class="table">
            <thead>
              <tr><th>{{ 'statistics.tradeColumns.assetType' | transloco }}</th><th>{{ 'statistics.tradeColumns.month' | transloco }}</th><th>{{ 'statistics.tradeColumns.trades' | transloco }}</th><th>{{ 'statistics.tradeColumns.quantity' | transloco }}</th><th>{{ 'statistics.tradeColumns.value' | transloco }}</th></tr>
            </thead>
            <tbody>
              @for (r of s.trading; track r.assetType + r.month) {
                <tr data-testid="statistics-trade-row"><td>{{ r.assetType }}</td><td>{{ r.month }}</td><td>{{ r.trades }}</td><td>{{ r.quantity }} {{ r.unit }}</td><td>{{ fen(r.valueFen) }}</td></tr>
              }
            </tbody>
          </table>
        </section>
      }
      <p class="muted">{{ 'statistics.asOf' | transloco }} {{ s.asOf }} · {{ s.timing.totalMs }} ms</p>
    }
  `,
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin-block-end: 12px; }
    .figure { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 8px 12px; display: grid; gap: 4px; }
    .figure span { color: var(--mat-sys-on-surface-variant); font-size: 0.85rem; }
    .tabs { display: flex; flex-wrap: wrap; gap: 4px; }
    .tabs button[aria-pressed='true'] { background: var(--mat-sys-secondary-container); }
    .chart { block-size: 320px; }
    .table { inline-size: 100%; border-collapse: collapse; }
    .table th, .table td { text-align: start; padding-block: 4px; padding-inline-end: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin-block: 12px; }
    .benefit { margin-inline-end: 16px; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class StatisticsPage implements OnInit {
  private readonly api = inject(StatisticsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly dimensions = DIMENSIONS;
  protected readonly dimension = signal<Dimension>('byCategory');
  protected readonly quarter = signal('');
  protected readonly tables = STATISTICS_TABLES;
  protected readonly table = signal<StatisticsTable>('loans');
  protected readonly stats = signal<GreenFinanceStatistics | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected readonly bp = formatBp;
  protected readonly rows = computed(() => this.stats()?.[this.dimension()] ?? []);
  protected readonly benefits = computed(() => Object.entries(this.stats()?.bonds?.publishedBenefits ?? {}));
  protected readonly chart = computed(() => balanceChart(this.rows(), {
    balance: this.transloco.translate('statistics.balance'), newLoans: this.transloco.translate('statistics.newLoans'), defaultRatio: this.transloco.translate('statistics.defaultRatio'),
  }));

  ngOnInit(): void {
    this.load();
  }

  protected setQuarter(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim().toUpperCase();
    if (/^\d{4}Q[1-4]$/.test(value)) {
      this.quarter.set(value);
      this.load();
    }
  }

  protected setTable(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as StatisticsTable;
    if (this.tables.includes(value)) this.table.set(value);
  }

  protected download(format: 'csv' | 'pdf'): void {
    const quarter = this.quarter() || undefined;
    const table = format === 'csv' ? this.table() : 'loans';
    this.api.export(format, quarter, table).subscribe({
      next: (blob) => saveBlob(blob, `green-finance-${table === 'loans' ? '' : `${table}-`}${this.stats()?.quarter.quarter ?? 'statistics'}.${format}`),
      error: (e: unknown) => this.error.set(e),
    });
  }

  private load(): void {
    this.api.get(this.quarter() || undefined).subscribe({
      next: (s) => {
        this.stats.set(s);
        if (!this.quarter()) this.quarter.set(s.quarter.quarter);
      },
      error: (e: unknown) => this.error.set(e),
    });
  }
}
