import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { GuaranteesApi } from './guarantees.api';
import { Portfolio } from './guarantees.models';
import { portfolioChartOptions } from './portfolio-chart';

/** The guarantor's portfolio: outstanding vs the capacity limit, the average fee vs the < 1 % target, amounts by state, largest obligors. */
@Component({
  selector: 'app-guarantee-portfolio-page',
  imports: [TranslocoPipe, ApiErrorComponent, NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'guarantees.portfolioTitle' | transloco }}</h1>
        <p>{{ 'guarantees.portfolioSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    @if (portfolio(); as p) {
      <section class="glance" data-testid="guarantee-portfolio">
        <div><span>{{ 'guarantees.netAssets' | transloco }}</span><strong>{{ fen(p.netAssetsFen) }}</strong></div>
        <div><span>{{ 'guarantees.outstanding' | transloco }}</span><strong data-testid="portfolio-outstanding">{{ fen(p.outstandingFen) }}</strong></div>
        <div><span>{{ 'guarantees.capacityLimit' | transloco }} ({{ p.capacityMultiple }}×)</span><strong data-testid="portfolio-limit">{{ fen(p.capacityLimitFen) }}</strong></div>
        <div><span>{{ 'guarantees.obligorLimit' | transloco }}</span><strong>{{ fen(p.obligorLimitFen) }}</strong></div>
        <div [class.late]="!p.averageFee.belowTarget"><span>{{ 'guarantees.averageFee' | transloco }}</span>
          <strong data-testid="portfolio-average-fee" [attr.data-below-target]="p.averageFee.belowTarget">{{ p.averageFee.averageAnnualRateBp }} bp / {{ 'guarantees.target' | transloco }} &lt; {{ p.averageFee.targetBp }} bp</strong></div>
        <div><span>{{ 'guarantees.feesCharged' | transloco }}</span><strong>{{ fen(p.feesChargedFen) }}</strong></div>
        <div><span>{{ 'guarantees.compensation' | transloco }}</span><strong>{{ fen(p.compensatedFen) }}</strong></div>
        <div><span>{{ 'guarantees.recovered' | transloco }}</span><strong>{{ fen(p.recoveredFen) }}</strong></div>
      </section>
      <div echarts class="chart" data-testid="portfolio-chart" [options]="options()"></div>
      <h2>{{ 'guarantees.largestObligors' | transloco }}</h2>
      <ul class="plain">
        @for (o of p.largestObligors; track o.subjectId) {
          <li>{{ o.name }}：{{ fen(o.amountFen) }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .glance { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; margin-block: 12px; }
    .glance div { display: flex; flex-direction: column; }
    .glance span { color: var(--mat-sys-on-surface-variant); font-size: 12px; }
    .late strong { color: var(--mat-sys-error); }
    .chart { block-size: 300px; inline-size: 100%; }
  `,
})
export class GuaranteePortfolioPage implements OnInit {
  private readonly api = inject(GuaranteesApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly portfolio = signal<Portfolio | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected readonly options = computed(() => {
    const p = this.portfolio();
    if (!p) return {};
    const t = (key: string) => this.transloco.translate(`guarantees.${key}`);
    return portfolioChartOptions(p, { capacity: t('capacity'), byState: t('byState'), state: (s) => t(`states.${s}`) });
  });

  ngOnInit(): void {
    this.api.portfolio().subscribe({ next: (p) => this.portfolio.set(p), error: (e: unknown) => this.error.set(e) });
  }
}
