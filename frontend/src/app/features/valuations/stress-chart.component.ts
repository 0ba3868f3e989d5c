import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { stressChartOptions } from './stress-chart';
import { PortfolioStress } from './valuations.models';

/** The portfolio under each stress scenario (ngx-echarts, echarts loaded lazily). */
@Component({
  selector: 'app-stress-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts class="chart" data-testid="stress-chart" [options]="options()"></div>`,
  styles: `.chart { block-size: 320px; inline-size: 100%; }`,
})
export class StressChartComponent {
  readonly stress = input.required<PortfolioStress>();
  readonly labels = input.required<{ value: string; loans: string; ltv: string }>();
  protected readonly options = computed(() => stressChartOptions(this.stress(), this.labels()));
}
