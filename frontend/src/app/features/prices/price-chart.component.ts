import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { priceChartOptions } from './price-chart';
import { Price } from './prices.api';

/** A price series as a line chart (ngx-echarts, echarts loaded lazily). */
@Component({
  selector: 'app-price-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts class="chart" data-testid="price-chart" [options]="options()"></div>`,
  styles: `.chart { block-size: 320px; inline-size: 100%; }`,
})
export class PriceChartComponent {
  readonly prices = input.required<Price[]>();
  protected readonly options = computed(() => priceChartOptions(this.prices()));
}
