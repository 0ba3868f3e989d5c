import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { SecuritisationApi } from './securitisation.api';
import { ProductOrder } from './securitisation.models';

/** The buyer's side of product-order pledges: orders naming the caller's subject or institution as buyer, confirmed here. */
@Component({
  selector: 'app-product-orders-page',
  imports: [MatButtonModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'securitisation.ordersTitle' | transloco }}</h1>
        <p>{{ 'securitisation.ordersSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <table class="table" data-testid="orders-table">
      <thead>
        <tr><th>{{ 'securitisation.orderNumber' | transloco }}</th><th>{{ 'securitisation.product' | transloco }}</th><th>{{ 'securitisation.amount' | transloco }}</th><th>{{ 'securitisation.paymentDate' | transloco }}</th><th>{{ 'securitisation.confirmation' | transloco }}</th><th></th></tr>
      </thead>
      <tbody>
        @for (o of orders(); track o.id) {
          <tr data-testid="order-row" [attr.data-confirmed]="!!o.orderConfirmation">
            <td>{{ o.details.orderNumber }}</td>
            <td>{{ o.details.product }}</td>
            <td>{{ fen(o.details.amountFen) }}</td>
            <td>{{ o.details.paymentDate }}</td>
            <td>{{ (o.orderConfirmation ? 'securitisation.confirmedBy.' + o.orderConfirmation.method : 'securitisation.unconfirmed') | transloco }}</td>
            <td>
              @if (!o.orderConfirmation) {
                <button matButton="filled" type="button" data-testid="order-confirm" (click)="confirm(o)">{{ 'securitisation.confirm' | transloco }}</button>
              }
            </td>
          </tr>
        } @empty {
          <tr><td colspan="6" class="table-empty" data-testid="orders-empty">{{ 'securitisation.noOrders' | transloco }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .table { inline-size: 100%; border-collapse: collapse; }
    .table th, .table td { text-align: start; padding-block: 6px; padding-inline-end: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
  `,
})
export class ProductOrdersPage implements OnInit {
  private readonly api = inject(SecuritisationApi);
  protected readonly orders = signal<ProductOrder[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;

  ngOnInit(): void {
    this.load();
  }

  private load(): void {
    this.api.ordersAsBuyer().subscribe({ next: (p) => this.orders.set(p.items), error: (e: unknown) => this.error.set(e) });
  }

  protected confirm(order: ProductOrder): void {
    this.api.confirmOrder(order.id).subscribe({
      next: (after) => this.orders.update((list) => list.map((o) => (o.id === after.id ? after : o))),
      error: (e: unknown) => this.error.set(e),
    });
  }
}
