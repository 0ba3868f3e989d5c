import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { TradingApi } from './trading.api';
import { TradeOrder } from './trading.models';

/** The pledgee bank's queue: offers of rights pledged to (or frozen at) the bank, consented to or refused with a note. */
@Component({
  selector: 'app-trading-consents-page',
  imports: [TranslocoPipe, ApiErrorComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'trading.consentsTitle' | transloco }}</h1>
      <p>{{ 'trading.consentsSubtitle' | transloco }}</p>
    </header>
    <app-api-error [error]="error()" />
    <mat-form-field class="wide"><mat-label>{{ 'trading.note' | transloco }}</mat-label><input matInput name="note" [(ngModel)]="note" data-testid="consent-note" /></mat-form-field>
    <table class="data" data-testid="consent-list">
      <thead><tr><th>{{ 'trading.market' | transloco }}</th><th>{{ 'trading.quantity' | transloco }}</th><th>{{ 'trading.price' | transloco }}</th><th>{{ 'trading.state' | transloco }}</th><th></th></tr></thead>
      <tbody>
        @for (o of orders(); track o.id) {
          <tr data-testid="consent-row" [attr.data-state]="o.state">
            <td>{{ o.priceReference }}</td><td>{{ o.quantity }}</td><td>{{ fen(o.priceFen) }}</td><td>{{ 'trading.states.' + o.state | transloco }}</td>
            <td>@if (o.state === 'AWAITING_CONSENT') {
              <button mat-flat-button type="button" (click)="decide(o, 'consent')" data-testid="consent-yes">{{ 'trading.consent' | transloco }}</button>
              <button mat-button type="button" (click)="decide(o, 'refuse')" data-testid="consent-no">{{ 'trading.refuse' | transloco }}</button>
            } @else { {{ 'trading.decisions.' + (o.consent?.decision ?? 'pending') | transloco }} }</td>
          </tr>
        } @empty { <tr><td colspan="5">{{ 'trading.none' | transloco }}</td></tr> }
      </tbody>
    </table>
  `,
  styles: `
    .wide { min-inline-size: 28em; }
    .data { inline-size: 100%; border-collapse: collapse; }
    .data th, .data td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
  `,
})
export class TradingConsentsPage implements OnInit {
  private readonly api = inject(TradingApi);
  protected readonly fen = formatFen;
  protected readonly orders = signal<TradeOrder[]>([]);
  protected readonly error = signal<unknown>(null);
  protected note = '';

  ngOnInit(): void {
    this.load();
  }

  private load(): void {
    this.api.orders().subscribe({ next: (r) => this.orders.set(r.items), error: (e: unknown) => this.error.set(e) });
  }

  protected decide(o: TradeOrder, decision: 'consent' | 'refuse'): void {
    const note = this.note.trim() || (decision === 'consent' ? '同意转让' : '不同意转让');
    this.api.consent(o.id, decision, note).subscribe({ next: () => { this.error.set(null); this.load(); }, error: (e: unknown) => this.error.set(e) });
  }
}
