import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { TradingApi } from './trading.api';
import { Book, Market, Trade, TradeOrder, yuanToFen } from './trading.models';

/**
 * Rights trading for a participant: a market's book by price level, placing an offer of one of its
 * verified rights (a pledged one waits for the bank's consent) or a bid, its orders and trades.
 * Orders match at once on the server by price then time, in whole minimum lots.
 */
@Component({
  selector: 'app-trading-page',
  imports: [TranslocoPipe, ApiErrorComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'trading.title' | transloco }}</h1>
      <p>{{ 'trading.subtitle' | transloco }}</p>
    </header>
    <app-api-error [error]="error()" />
    @if (message(); as m) { <p class="notice" data-testid="trading-message">{{ m }}</p> }

    <section>
      <h2>{{ 'trading.book' | transloco }}</h2>
      <form class="form" (ngSubmit)="loadBook()">
        <mat-form-field><mat-label>{{ 'trading.assetType' | transloco }}</mat-label>
          <mat-select name="assetType" [(ngModel)]="market.assetType">@for (m of markets(); track m.assetType) { <mat-option [value]="m.assetType">{{ 'trading.types.' + m.assetType | transloco }}（{{ m.unit }}，{{ 'trading.lot' | transloco }} {{ m.lot }}）</mat-option> }</mat-select></mat-form-field>
        <mat-form-field class="wide"><mat-label>{{ 'trading.priceReference' | transloco }}</mat-label><input matInput name="ref" [(ngModel)]="market.priceReference" data-testid="trading-reference" /></mat-form-field>
        <button mat-stroked-button type="submit" data-testid="trading-show-book">{{ 'trading.showBook' | transloco }}</button>
      </form>
      @if (book(); as b) {
        <div class="book" data-testid="trading-book">
          <table class="data"><caption>{{ 'trading.asks' | transloco }}</caption>
            <tbody>@for (l of b.asks; track l.priceFen) { <tr data-testid="book-ask"><td>{{ fen(l.priceFen) }}</td><td>{{ l.quantity }}</td></tr> } @empty { <tr><td>—</td></tr> }</tbody></table>
          <table class="data"><caption>{{ 'trading.bids' | transloco }}</caption>
            <tbody>@for (l of b.bids; track l.priceFen) { <tr data-testid="book-bid"><td>{{ fen(l.priceFen) }}</td><td>{{ l.quantity }}</td></tr> } @empty { <tr><td>—</td></tr> }</tbody></table>
        </div>
      }
    </section>

    <section class="forms">
      <form class="form" (ngSubmit)="placeBid()" data-testid="bid-form">
        <h3>{{ 'trading.placeBid' | transloco }}</h3>
        <mat-form-field><mat-label>{{ 'trading.quantity' | transloco }}</mat-label><input matInput type="number" name="bq" [(ngModel)]="bidForm.quantity" /></mat-form-field>
        <mat-form-field><mat-label>{{ 'trading.priceYuan' | transloco }}</mat-label><input matInput name="bp" [(ngModel)]="bidForm.price" /></mat-form-field>
        <button mat-flat-button type="submit" data-testid="bid-submit">{{ 'trading.submitBid' | transloco }}</button>
      </form>
      <form class="form" (ngSubmit)="placeOffer()" data-testid="offer-form">
        <h3>{{ 'trading.placeOffer' | transloco }}</h3>
        <mat-form-field class="wide"><mat-label>{{ 'trading.asset' | transloco }}</mat-label>
          <mat-select name="asset" [(ngModel)]="offerForm.assetId">@for (a of assets(); track a.id) { <mat-option [value]="a.id">{{ a.name }}@if (a.encumbrance.status !== 'free') { （{{ 'trading.pledged' | transloco }}） }</mat-option> }</mat-select></mat-form-field>
        <mat-form-field><mat-label>{{ 'trading.kind' | transloco }}</mat-label>
          <mat-select name="kind" [(ngModel)]="offerForm.kind"><mat-option value="sale">{{ 'trading.sale' | transloco }}</mat-option><mat-option value="lease">{{ 'trading.lease' | transloco }}</mat-option></mat-select></mat-form-field>
        @if (offerForm.kind === 'lease') {
          <mat-form-field><mat-label>{{ 'trading.leaseFrom' | transloco }}</mat-label><input matInput type="date" name="lf" [(ngModel)]="offerForm.from" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'trading.leaseTo' | transloco }}</mat-label><input matInput type="date" name="lt" [(ngModel)]="offerForm.to" /></mat-form-field>
        }
        <mat-form-field><mat-label>{{ 'trading.quantity' | transloco }}</mat-label><input matInput type="number" name="oq" [(ngModel)]="offerForm.quantity" /></mat-form-field>
        <mat-form-field><mat-label>{{ 'trading.priceYuan' | transloco }}</mat-label><input matInput name="op" [(ngModel)]="offerForm.price" /></mat-form-field>
        <button mat-flat-button type="submit" data-testid="offer-submit">{{ 'trading.submitOffer' | transloco }}</button>
      </form>
    </section>

    <section>
      <h2>{{ 'trading.myOrders' | transloco }}</h2>
      <table class="data" data-testid="order-list">
        <thead><tr><th>{{ 'trading.side' | transloco }}</th><th>{{ 'trading.market' | transloco }}</th><th>{{ 'trading.price' | transloco }}</th><th>{{ 'trading.quantity' | transloco }}</th><th>{{ 'trading.remaining' | transloco }}</th><th>{{ 'trading.state' | transloco }}</th><th></th></tr></thead>
        <tbody>
          @for (o of orders(); track o.id) {
            <tr data-testid="order-row" [attr.data-state]="o.state">
              <td>{{ 'trading.sides.' + o.side | transloco }}</td><td>{{ o.priceReference }}</td><td>{{ fen(o.priceFen) }}</td><td>{{ o.quantity }}</td><td>{{ o.remaining }}</td><td>{{ 'trading.states.' + o.state | transloco }}</td>
              <td>@if (o.state === 'OPEN' || o.state === 'AWAITING_CONSENT') { <button mat-button type="button" (click)="cancel(o)" data-testid="order-cancel">{{ 'trading.cancel' | transloco }}</button> }</td>
            </tr>
          } @empty { <tr><td colspan="7">{{ 'trading.none' | transloco }}</td></tr> }
        </tbody>
      </table>
      <h2>{{ 'trading.myTrades' | transloco }}</h2>
      <table class="data" data-testid="trade-list">
        <thead><tr><th>{{ 'trading.market' | transloco }}</th><th>{{ 'trading.quantity' | transloco }}</th><th>{{ 'trading.price' | transloco }}</th><th>{{ 'trading.value' | transloco }}</th><th>{{ 'trading.state' | transloco }}</th></tr></thead>
        <tbody>
          @for (t of trades(); track t.id) {
            <tr data-testid="trade-row"><td>{{ t.market }}</td><td>{{ t.quantity }}</td><td>{{ fen(t.priceFen) }}</td><td>{{ fen(t.valueFen) }}</td><td>{{ 'trading.tradeStates.' + t.state | transloco }}</td></tr>
          } @empty { <tr><td colspan="5">{{ 'trading.none' | transloco }}</td></tr> }
        </tbody>
      </table>
    </section>
  `,
  styles: `
    section { margin-block-end: 28px; }
    .form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: baseline; }
    .form h3 { inline-size: 100%; margin: 0; }
    .wide { min-inline-size: 20em; }
    .book { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    .data { inline-size: 100%; border-collapse: collapse; }
    .data th, .data td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .notice { padding: 8px 12px; background: var(--mat-sys-primary-container); border-radius: 8px; }
  `,
})
export class TradingPage implements OnInit {
  private readonly api = inject(TradingApi);
  protected readonly fen = formatFen;
  protected readonly markets = signal<Market[]>([]);
  protected readonly book = signal<Book | null>(null);
  protected readonly orders = signal<TradeOrder[]>([]);
  protected readonly trades = signal<Trade[]>([]);
  protected readonly assets = signal<{ id: string; name: string; assetType: string; priceReference: string | null; encumbrance: { status: string } }[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly message = signal<string | null>(null);
  protected market = { assetType: 'water_right', priceReference: 'water_lease:塔里木河' };
  protected bidForm = { quantity: 1_000, price: '' };
  protected offerForm = { assetId: '', kind: 'sale' as 'sale' | 'lease', from: '', to: '', quantity: 1_000, price: '' };

  ngOnInit(): void {
    this.api.markets().subscribe({ next: (m) => this.markets.set(m), error: (e: unknown) => this.error.set(e) });
    this.api.myAssets().subscribe({ next: (r) => this.assets.set(r.items.filter((a) => a.priceReference && a.assetType !== 'gep_site')), error: () => this.assets.set([]) });
    this.refresh();
  }

  protected refresh(): void {
    this.api.orders().subscribe({ next: (r) => this.orders.set(r.items), error: (e: unknown) => this.error.set(e) });
    this.api.trades().subscribe({ next: (r) => this.trades.set(r.items), error: (e: unknown) => this.error.set(e) });
    this.loadBook();
  }

  protected loadBook(): void {
    if (!this.market.priceReference) return;
    this.api.book(this.market.assetType, this.market.priceReference.trim()).subscribe({ next: (b) => this.book.set(b), error: (e: unknown) => this.error.set(e) });
  }

  private placed = { next: (p: { order: TradeOrder; trades: Trade[] }) => { this.error.set(null); this.message.set(`${p.order.state} · ${p.trades.length}`); this.refresh(); }, error: (e: unknown) => this.error.set(e) };

  protected placeBid(): void {
    const priceFen = yuanToFen(this.bidForm.price);
    if (priceFen === null) return;
    this.api.bid({ assetType: this.market.assetType, priceReference: this.market.priceReference.trim(), quantity: Number(this.bidForm.quantity), priceFen }).subscribe(this.placed);
  }

  protected placeOffer(): void {
    const priceFen = yuanToFen(this.offerForm.price);
    if (priceFen === null || !this.offerForm.assetId) return;
    const lease = this.offerForm.kind === 'lease' ? { leasePeriod: { from: this.offerForm.from, to: this.offerForm.to } } : {};
    this.api.offer({ assetId: this.offerForm.assetId, kind: this.offerForm.kind, quantity: Number(this.offerForm.quantity), priceFen, ...lease }).subscribe(this.placed);
  }

  protected cancel(o: TradeOrder): void {
    this.api.cancel(o.id).subscribe({ next: () => this.refresh(), error: (e: unknown) => this.error.set(e) });
  }
}
