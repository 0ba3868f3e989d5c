import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { historyChartOptions } from './history-chart';
import { HistoryPoint } from './points.models';

/** Points over the last 12 months (ngx-echarts, echarts loaded lazily). */
@Component({
  selector: 'app-points-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts class="chart" data-testid="points-chart" [options]="options()"></div>`,
  styles: `
    .chart {
      block-size: 260px;
      inline-size: 100%;
    }
  `,
})
export class PointsChartComponent {
  readonly history = input.required<HistoryPoint[]>();
  readonly seriesName = input('');
  protected readonly options = computed(() => historyChartOptions(this.history(), this.seriesName()));
}
