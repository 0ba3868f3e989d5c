import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen, yuanToFen } from '../loans/loan-format';
import { GuaranteesApi } from './guarantees.api';
import { Guarantor } from './guarantees.models';

/** A bank asks a guarantee institution to guarantee one of its green-assessed loans. */
@Component({
  selector: 'app-guarantee-request-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'guarantees.requestTitle' | transloco }}</h1>
        <p>{{ 'guarantees.requestSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    <form class="form" (ngSubmit)="submit()">
      <mat-form-field>
        <mat-label>{{ 'guarantees.loan' | transloco }}</mat-label>
        <select matNativeControl name="loan" [(ngModel)]="loanId" (ngModelChange)="pickLoan()" data-testid="guarantee-request-loan">
          <option value=""></option>
          @for (l of loans(); track l.id) {
            <option [value]="l.id">{{ l.applicantName }} · {{ fen(l.recommendation?.amountFen ?? l.amountFen) }} · {{ l.purpose }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'guarantees.guarantor' | transloco }}</mat-label>
        <select matNativeControl name="guarantor" [(ngModel)]="guarantorId" data-testid="guarantee-request-guarantor">
          @for (g of guarantors(); track g.id) {
            <option [value]="g.id">{{ g.name }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'guarantees.amountYuan' | transloco }}</mat-label>
        <input matInput name="amount" [(ngModel)]="amountYuan" data-testid="guarantee-request-amount" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'guarantees.termDays' | transloco }}</mat-label>
        <input matInput type="number" name="term" [(ngModel)]="termDays" data-testid="guarantee-request-term" />
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>{{ 'guarantees.note' | transloco }}</mat-label>
        <input matInput name="note" [(ngModel)]="note" data-testid="guarantee-request-note" />
      </mat-form-field>
      <button matButton="filled" type="submit" [disabled]="!loanId || !guarantorId" data-testid="guarantee-request-submit">{{ 'guarantees.submitRequest' | transloco }}</button>
    </form>
  `,
  styles: `
    .form { display: flex; flex-direction: column; gap: 4px; max-inline-size: 640px; }
  `,
})
export class GuaranteeRequestPage implements OnInit {
  private readonly api = inject(GuaranteesApi);
  private readonly router = inject(Router);
  protected readonly loans = signal<{ id: string; applicantName: string; amountFen: number; purpose: string; recommendation: { amountFen: number } | null; termMonths: number }[]>([]);
  protected readonly guarantors = signal<Guarantor[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected loanId = '';
  protected guarantorId = '';
  protected amountYuan = '';
  protected termDays = 365;
  protected note = '';

  ngOnInit(): void {
    this.api.bankLoans().subscribe({ next: (p) => this.loans.set(p.items), error: (e: unknown) => this.error.set(e) });
    this.api.guarantors().subscribe({
      next: (g) => {
        const direct = g.filter((x) => !x.isReguarantor);
        this.guarantors.set(direct);
        this.guarantorId = direct[0]?.id ?? '';
      },
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected pickLoan(): void {
    const loan = this.loans().find((l) => l.id === this.loanId);
    if (!loan) return;
    const fen = loan.recommendation?.amountFen ?? loan.amountFen;
    this.amountYuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    this.termDays = loan.termMonths * 30;
  }

  protected submit(): void {
    this.api.request({ loanId: this.loanId, guarantorId: this.guarantorId, amountFen: yuanToFen(this.amountYuan) ?? 0, termDays: Number(this.termDays), note: this.note }).subscribe({
      next: (g) => void this.router.navigate(['/guarantees', g.id]),
      error: (e: unknown) => this.error.set(e),
    });
  }
}
