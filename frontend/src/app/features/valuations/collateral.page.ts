import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { AssetListComponent } from '../assets/asset-list.component';
import { AssetsApi } from '../assets/assets.api';
import { Asset } from '../assets/assets.models';
import { formatFen, formatRate } from '../assets/money-format';
import { saveFile } from './save-file';
import { StressChartComponent } from './stress-chart.component';
import { ValuationsApi } from './valuations.api';
import { LtvAlert, PortfolioStress } from './valuations.models';

/** A bank's collateral: pledged assets, LTV alerts and the portfolio stress test (chart, table, PDF). */
@Component({
  selector: 'app-collateral-page',
  imports: [DatePipe, MatButtonModule, MatTableModule, RouterLink, TranslocoPipe, ApiErrorComponent, AssetListComponent, StressChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'assets.collateralTitle' | transloco }}</h1>
        <p>{{ 'assets.collateralSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <h2>{{ 'assets.alerts' | transloco }}</h2>
    <div class="table-card">
      <table mat-table [dataSource]="alerts()" data-testid="alerts-table">
        <ng-container matColumnDef="raisedAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'assets.raisedAt' | transloco }}</th>
          <td mat-cell *matCellDef="let a" class="nowrap">{{ a.raisedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
        </ng-container>
        <ng-container matColumnDef="asset">
          <th mat-header-cell *matHeaderCellDef>{{ 'assets.loan' | transloco }}</th>
          <td mat-cell *matCellDef="let a"><a [routerLink]="['/assets', a.assetId]" class="mono">{{ a.loanId }}</a></td>
        </ng-container>
        <ng-container matColumnDef="ltv">
          <th mat-header-cell *matHeaderCellDef>LTV</th>
          <td mat-cell *matCellDef="let a" class="nowrap">{{ rate(a.ltv) }} / {{ rate(a.ltvThreshold) }} · {{ fen(a.outstandingFen) }} / {{ fen(a.valueFen) }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'assets.state' | transloco }}</th>
          <td mat-cell *matCellDef="let a">
            <span class="chip" [class.chip--bad]="a.status === 'open'">{{ 'assets.alertStates.' + a.status | transloco }}</span>
            @if (a.status === 'open') {
              <button matButton type="button" (click)="acknowledge(a)" data-testid="alert-acknowledge">{{ 'assets.acknowledge' | transloco }}</button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="alertColumns"></tr>
        <tr mat-row *matRowDef="let a; columns: alertColumns" data-testid="alert-row"></tr>
      </table>
      @if (!alerts().length) {
        <div class="table-empty">{{ 'assets.noAlerts' | transloco }}</div>
      }
    </div>
    <h2>{{ 'assets.pledged' | transloco }}</h2>
    <app-asset-list [assets]="assets()" />
    <header class="page-header">
      <div class="page-header__text"><h2>{{ 'assets.stressTitle' | transloco }}</h2></div>
      <div class="page-header__actions">
        <button matButton="outlined" type="button" (click)="downloadStress()" data-testid="stress-download">{{ 'assets.downloadStress' | transloco }}</button>
      </div>
    </header>
    @if (stress(); as s) {
      <app-stress-chart [stress]="s" [labels]="chartLabels()" />
      <table class="plain-table" data-testid="stress-table">
        <tr><th>{{ 'assets.scenario' | transloco }}</th><th>{{ 'assets.value' | transloco }}</th><th>{{ 'assets.outstanding' | transloco }}</th><th>LTV</th><th>{{ 'assets.breaches' | transloco }}</th></tr>
        @for (row of scenarios(); track row.id) {
          <tr [attr.data-scenario]="row.id"><td>{{ row.name }}</td><td>{{ fen(row.totals.valueFen) }}</td><td>{{ fen(row.totals.outstandingLoanFen) }}</td><td>{{ rate(row.totals.ltv) }}</td><td>{{ row.totals.breaches }}</td></tr>
        }
      </table>
    }
  `,
  styles: `.plain-table td, .plain-table th { padding: 4px 16px 4px 0; text-align: start; }`,
})
export class CollateralPage implements OnInit {
  private readonly assetsApi = inject(AssetsApi);
  private readonly api = inject(ValuationsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly assets = signal<Asset[]>([]);
  protected readonly alerts = signal<LtvAlert[]>([]);
  protected readonly stress = signal<PortfolioStress | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly alertColumns = ['raisedAt', 'asset', 'ltv', 'status'];
  protected readonly fen = formatFen;
  protected readonly rate = formatRate;
  protected readonly scenarios = computed(() => {
    const s = this.stress();
    return s ? [s.baseline, ...s.scenarios] : [];
  });
  protected readonly chartLabels = computed(() => ({
    value: this.transloco.translate('assets.value'), loans: this.transloco.translate('assets.outstanding'), ltv: 'LTV',
  }));

  ngOnInit(): void {
    const fail = (e: unknown) => this.error.set(e);
    this.assetsApi.list().subscribe({ next: (p) => this.assets.set(p.items), error: fail });
    this.api.alerts().subscribe({ next: (p) => this.alerts.set(p.items), error: fail });
    this.api.stress().subscribe({ next: (s) => this.stress.set(s), error: fail });
  }

  protected acknowledge(alert: LtvAlert): void {
    this.api.acknowledge(alert.id).subscribe({
      next: (updated) => this.alerts.update((list) => list.map((a) => (a.id === updated.id ? updated : a))),
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected downloadStress(): void {
    this.api.stressReport().subscribe({ next: (blob) => saveFile(blob, `stress-${this.stress()?.valuationDate ?? ''}.pdf`), error: (e: unknown) => this.error.set(e) });
  }
}
