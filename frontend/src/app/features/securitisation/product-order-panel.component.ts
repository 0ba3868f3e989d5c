import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { Asset } from '../assets/assets.models';
import { formatFen, yuanToFen } from '../loans/loan-format';
import { SecuritisationApi } from './securitisation.api';
import { LoanRepaymentRecord, OrderPaymentResult } from './securitisation.models';

/** A fresh Idempotency-Key for one payment (kept for retries of the same payment). */
const newKey = () => `order-pay-${globalThis.crypto.randomUUID()}`;

/**
 * A product order on its asset page (issue 14): its confirmation; the seller attaches the buyer's
 * signed confirmation to a draft order (uploaded document, SHA-256 shown); the pledgee bank records
 * the buyer's payments (exact fen), which repay the secured loan first — the order is released from
 * its pledge once settled.
 */
@Component({
  selector: 'app-product-order-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent],
  providers: [provideTranslocoScope('securitisation')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" data-testid="order-panel">
      <h2>{{ 'securitisation.orderPanelTitle' | transloco }}</h2>
      <app-api-error [error]="error()" />
      <p data-testid="order-confirmation" [attr.data-method]="asset().orderConfirmation?.method ?? null">
        {{ 'securitisation.confirmation' | transloco }}:
        {{ (asset().orderConfirmation ? 'securitisation.confirmedBy.' + asset().orderConfirmation!.method : 'securitisation.unconfirmed') | transloco }}
        @if (asset().orderConfirmation?.document; as d) {
          · {{ d.filename }} <span class="mono muted" title="SHA-256">{{ d.sha256 }}</span>
        }
      </p>

      @if (canAttach()) {
        <div class="block" data-testid="signed-confirmation-form">
          <h3>{{ 'securitisation.attachTitle' | transloco }}</h3>
          <p class="muted">{{ 'securitisation.attachHint' | transloco }}</p>
          <input type="file" accept="application/pdf,image/*" (change)="upload($event)" data-testid="signed-confirmation-file" />
          @if (uploaded(); as doc) {
            <p data-testid="signed-confirmation-uploaded">{{ doc.filename }} · SHA-256 <span class="mono">{{ doc.sha256 }}</span></p>
            <button matButton="filled" type="button" [disabled]="busy()" (click)="attach(doc.id)" data-testid="signed-confirmation-attach">{{ 'securitisation.attach' | transloco }}</button>
          }
        </div>
      }

      @if (canRecordPayment()) {
        <form class="block" (ngSubmit)="pay()" data-testid="order-payment-form">
          <h3>{{ 'securitisation.paymentTitle' | transloco }}</h3>
          <p class="muted">{{ 'securitisation.paymentHint' | transloco: { unpaid: fen(unpaidFen()) } }}</p>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'securitisation.paymentAmount' | transloco }}</mat-label>
              <input matInput name="amount" [(ngModel)]="amount" inputmode="decimal" data-testid="order-payment-amount" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'securitisation.paymentDate' | transloco }}</mat-label>
              <input matInput name="date" type="date" [(ngModel)]="date" data-testid="order-payment-date" />
            </mat-form-field>
            <button matButton="filled" type="submit" [disabled]="busy() || amountFen() === null || !date" data-testid="order-payment-submit">{{ 'securitisation.recordPayment' | transloco }}</button>
          </div>
        </form>
      }

      @if (result(); as r) {
        <div class="block result" data-testid="order-payment-result" [attr.data-settled]="r.settled">
          @if (repayment(); as rep) {
            <p data-testid="order-payment-applied">
              {{ 'securitisation.appliedToLoan' | transloco: { applied: fen(rep.appliedFen), unapplied: fen(rep.unappliedFen), loan: r.loan.id } }}
            </p>
            <ul class="lines">
              @for (l of rep.lines; track $index) {
                <li>{{ 'securitisation.component.' + l.component | transloco }}: {{ fen(l.amountFen) }}</li>
              }
            </ul>
          }
          <p data-testid="order-payment-loan">{{ 'securitisation.loanAfter' | transloco: { state: r.loan.state, principal: fen(r.loan.outstanding?.principalOutstandingFen ?? null) } }}</p>
          <p data-testid="order-payment-settled">
            {{ (r.settled ? 'securitisation.orderSettled' : 'securitisation.orderNotSettled') | transloco }}
            · {{ 'securitisation.encumbrance.' + r.order.encumbrance.status | transloco }}
          </p>
        </div>
      }

      @if (asset().orderPayments?.length) {
        <table class="table" data-testid="order-payments">
          <thead><tr><th>{{ 'securitisation.paymentDate' | transloco }}</th><th>{{ 'securitisation.paymentAmount' | transloco }}</th><th>{{ 'securitisation.appliedColumn' | transloco }}</th><th>{{ 'securitisation.loan' | transloco }}</th></tr></thead>
          <tbody>
            @for (p of asset().orderPayments!; track p.key) {
              <tr data-testid="order-payment-row"><td>{{ p.date }}</td><td>{{ fen(p.amountFen) }}</td><td>{{ fen(p.appliedToLoanFen) }}</td><td class="mono">{{ p.loanId }}</td></tr>
            }
          </tbody>
        </table>
      }
    </section>
  `,
  styles: `
    .panel { margin-block: 24px; }
    .block { margin-block: 12px; }
    .row { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
    .lines { margin: 0; padding-inline-start: 20px; }
    .table { inline-size: 100%; border-collapse: collapse; }
    .table th, .table td { text-align: start; padding-block: 6px; padding-inline-end: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
  `,
})
export class ProductOrderPanelComponent {
  readonly asset = input.required<Asset>();
  /** The order after a confirmation or a payment (the page shows it). */
  readonly changed = output<Asset>();
  private readonly api = inject(SecuritisationApi);
  private readonly auth = inject(AuthService);
  protected readonly fen = formatFen;
  protected readonly error = signal<unknown>(null);
  protected readonly busy = signal(false);
  protected readonly uploaded = signal<{ id: string; sha256: string; filename: string } | null>(null);
  protected readonly result = signal<OrderPaymentResult | null>(null);
  /** The loan's repayment record of the last payment (found by its key). */
  protected readonly repayment = signal<LoanRepaymentRecord | null>(null);
  protected amount = '';
  protected date = '';
  private key = newKey();

  protected readonly canAttach = computed(() => {
    const a = this.asset();
    return a.state === 'draft' && !a.orderConfirmation && this.auth.user()?.subject?.id === a.subjectId && this.auth.permissions().has('assets.register');
  });
  protected readonly canRecordPayment = computed(() => {
    const a = this.asset();
    const institutionId = this.auth.user()?.institution?.id;
    return a.encumbrance.status !== 'free' && !!institutionId && a.encumbrance.institutionId === institutionId && this.auth.permissions().has('loans.review');
  });
  protected readonly unpaidFen = computed(() => {
    const a = this.asset();
    const paid = (a.orderPayments ?? []).reduce((s, p) => s + p.amountFen, 0);
    return Number(a.details['amountFen'] ?? 0) - paid;
  });

  protected amountFen(): number | null {
    const fen = yuanToFen(this.amount);
    return fen !== null && fen > 0 ? fen : null;
  }

  protected upload(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.error.set(null);
    this.api.uploadDocument(file).subscribe({ next: (doc) => this.uploaded.set(doc), error: (e: unknown) => this.error.set(e) });
  }

  protected attach(documentId: string): void {
    this.busy.set(true);
    this.api.attachSignedConfirmation(this.asset().id, documentId).subscribe({
      next: (after) => {
        this.busy.set(false);
        this.uploaded.set(null);
        this.changed.emit(after);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(e);
      },
    });
  }

  protected pay(): void {
    const amountFen = this.amountFen();
    if (amountFen === null || !this.date) return;
    this.busy.set(true);
    this.error.set(null);
    const key = this.key;
    this.api.recordOrderPayment(this.asset().id, { amountFen, date: this.date }, key).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.repayment.set(r.loan.repayments.find((x) => x.idempotencyKey === `order-payment:${key}`) ?? null);
        this.key = newKey(); // the next payment is a new one; a failed request keeps its key for the retry
        this.amount = '';
        this.result.set(r);
        this.changed.emit(r.order);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(e);
      },
    });
  }
}
