import { KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen, formatRate } from '../assets/money-format';
import { saveFile } from './save-file';
import { ValuationsApi } from './valuations.api';
import { Valuation } from './valuations.models';

/** A stored valuation: value and range, lending value and maximum loan, method, inputs and prices; the PDF report. */
@Component({
  selector: 'app-valuation-page',
  imports: [KeyValuePipe, MatButtonModule, MatIconModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-api-error [error]="error()" />
    @if (valuation(); as v) {
      <header class="page-header">
        <div class="page-header__text">
          <h1>{{ 'assets.valuationTitle' | transloco }}</h1>
          <p>
            <a [routerLink]="['/assets', v.assetId]">{{ 'assets.backToAsset' | transloco }}</a> ·
            {{ 'assets.purposes.' + v.purpose | transloco }} · {{ v.valuationDate }} · {{ 'assets.configVersion' | transloco }} {{ v.configVersion }} · {{ v.engineVersion }}
          </p>
        </div>
        <div class="page-header__actions">
          <button matButton="filled" type="button" (click)="download(v)" data-testid="valuation-report-download">{{ 'assets.downloadReport' | transloco }}</button>
        </div>
      </header>
      <section class="figures">
        <div><span class="muted">{{ 'assets.value' | transloco }}</span><strong data-testid="valuation-value">{{ fen(v.result.valueFen) }}</strong></div>
        <div><span class="muted">{{ 'assets.range' | transloco }}</span><strong>{{ fen(v.result.range.lowFen) }} – {{ fen(v.result.range.highFen) }}</strong></div>
        <div><span class="muted">{{ 'assets.lendingValue' | transloco }}</span><strong>{{ fen(v.result.lendingValueFen) }}</strong></div>
        <div><span class="muted">{{ 'assets.maxLoan' | transloco }}</span><strong data-testid="valuation-max-loan">{{ fen(v.result.maxLoanFen) }}</strong></div>
        <div><span class="muted">{{ 'assets.confidence' | transloco }}</span><strong>{{ 'assets.grades.' + v.result.confidence.grade | transloco }}</strong></div>
        <div><span class="muted">{{ 'assets.haircut' | transloco }}</span><strong>{{ rate(v.result.haircut.total) }} · {{ 'assets.pledgeRate' | transloco }} {{ rate(v.result.pledgeRate) }}</strong></div>
      </section>
      <h2>{{ 'assets.method' | transloco }}</h2>
      <p class="mono">{{ v.result.method }}</p>
      <p>{{ v.result.methodReason }}</p>
      <h2>{{ 'assets.inputs' | transloco }}</h2>
      <table class="plain-table">
        @for (entry of v.result.inputs | keyvalue; track entry.key) {
          <tr><td class="mono">{{ entry.key }}</td><td>{{ show(entry.value.value) }} {{ entry.value.unit }}</td><td class="muted">{{ 'assets.sources.' + entry.value.source | transloco }} {{ entry.value.configPath ?? '' }}</td></tr>
        }
        @for (p of v.priceSources; track p.role) {
          <tr><td class="mono">{{ p.reference }}</td><td>{{ fen(p.priceFen) }} ({{ p.unit }}) {{ p.date }}</td><td class="muted">{{ p.source }}</td></tr>
        }
      </table>
      @if (v.result.warnings.length) {
        <h2>{{ 'assets.warnings' | transloco }}</h2>
        <ul>
          @for (w of v.result.warnings; track w.code) {
            <li>{{ w.message }}</li>
          }
        </ul>
      }
    }
  `,
  styles: `
    .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 16px; margin-block: 16px; }
    .figures div { display: flex; flex-direction: column; gap: 4px; padding: 12px; border-radius: 12px; background: var(--mat-sys-surface-container); }
    .plain-table td { padding: 4px 12px 4px 0; vertical-align: top; }
  `,
})
export class ValuationPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(ValuationsApi);
  protected readonly valuation = signal<Valuation | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected readonly rate = formatRate;

  ngOnInit(): void {
    this.api.get(this.id()).subscribe({ next: (v) => this.valuation.set(v), error: (e: unknown) => this.error.set(e) });
  }

  protected show(value: unknown): string {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  protected download(v: Valuation): void {
    this.api.report(v.id).subscribe({ next: (blob) => saveFile(blob, `valuation-${v.valuationDate}-${v.id}.pdf`), error: (e: unknown) => this.error.set(e) });
  }
}
