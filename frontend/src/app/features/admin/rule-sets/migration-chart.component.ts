import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

/** Grade distribution now and under the simulated version (ngx-echarts bars). */
@Component({
  selector: 'app-migration-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts class="chart" data-testid="migration-chart" [options]="options()"></div>`,
  styles: `
    .chart {
      block-size: 240px;
    }
  `,
})
export class MigrationChartComponent {
  readonly options = input.required<EChartsCoreOption>();
}
