import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatBp, formatFen } from './loan-format';
import { LoansApi } from './loans.api';
import { LoanSummary, QUEUE_STATES } from './loans.models';

/** A bank's loans, oldest state first: SLA age, the applicant's grade, collateral value, maximum loan and LTV at a glance. */
@Component({
  selector: 'app-loan-queue',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatTableModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="filters">
      <mat-form-field>
        <mat-label>{{ 'loans.state' | transloco }}</mat-label>
        <select matNativeControl [(ngModel)]="state" (ngModelChange)="load()" data-testid="loan-state-filter">
          <option value="">{{ 'loans.allStates' | transloco }}</option>
          @for (s of states; track s) {
            <option [value]="s">{{ 'loans.states.' + s | transloco }}</option>
          }
        </select>
      </mat-form-field>
    </div>
    <app-api-error [error]="error()" />
    <div class="table-card">
      <div class="table-scroll">
        <table mat-table [dataSource]="loans()" data-testid="loan-queue-table">
          <ng-container matColumnDef="applicant">
            <th mat-header-cell *matHeaderCellDef>{{ 'loans.applicant' | transloco }}</th>
            <td mat-cell *matCellDef="let l"><a [routerLink]="['/loans', l.id]" data-testid="loan-open">{{ l.applicantName }}</a></td>
          </ng-container>
          <ng-container matColumnDef="amount">
            <th mat-header-cell *matHeaderCellDef>{{ 'loans.amount' | transloco }}</th>
            <td mat-cell *matCellDef="let l" class="nowrap">{{ fen(l.recommendation?.amountFen ?? l.amountFen) }}</td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef>{{ 'loans.state' | transloco }}</th>
            <td mat-cell *matCellDef="let l"><span class="chip" [attr.data-state]="l.state">{{ 'loans.states.' + l.state | transloco }}</span></td>
          </ng-container>
          <ng-container matColumnDef="age">
            <th mat-header-cell *matHeaderCellDef>{{ 'loans.ageDays' | transloco }}</th>
            <td mat-cell *matCellDef="let l" [class.late]="l.ageDays > slaDays" data-testid="loan-age">{{ l.ageDays }}</td>
          </ng-container>
          <ng-container matColumnDef="grade">
            <th mat-header-cell *matHeaderCellDef>{{ 'loans.grade' | transloco }}</th>
            <td mat-cell *matCellDef="let l">{{ l.glance.grade ?? '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="collateral">
            <th mat-header-cell *matHeaderCellDef>{{ 'loans.collateralValue' | transloco }}</th>
            <td mat-cell *matCellDef="let l" class="nowrap">{{ fen(l.glance.collateralValueFen) }}</td>
          </ng-container>
          <ng-container matColumnDef="maxLoan">
            <th mat-header-cell *matHeaderCellDef>{{ 'loans.maxLoan' | transloco }}</th>
            <td mat-cell *matCellDef="let l" class="nowrap">{{ fen(l.glance.maxLoanFen) }}</td>
          </ng-container>
          <ng-container matColumnDef="ltv">
            <th mat-header-cell *matHeaderCellDef>LTV</th>
            <td mat-cell *matCellDef="let l" data-testid="loan-ltv">{{ bp(l.glance.ltvBp) }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let l; columns: columns" data-testid="loan-row" [attr.data-loan-id]="l.id" [attr.data-state]="l.state"></tr>
        </table>
      </div>
      @if (!loans().length) {
        <div class="table-empty">{{ 'loans.emptyQueue' | transloco }}</div>
      }
    </div>
  `,
  styles: `
    .filters { display: flex; gap: 12px; }
    .late { color: var(--mat-sys-error); font-weight: 600; }
  `,
})
export class LoanQueueComponent implements OnInit {
  /** The state shown first ('' = all). */
  readonly initialState = input<string>('');
  private readonly api = inject(LoansApi);
  protected readonly loans = signal<LoanSummary[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly states = QUEUE_STATES;
  protected readonly columns = ['applicant', 'amount', 'state', 'age', 'grade', 'collateral', 'maxLoan', 'ltv'];
  protected readonly fen = formatFen;
  protected readonly bp = formatBp;
  /** Days in one state after which the age is shown as late. */
  protected readonly slaDays = 5;
  protected state = '';

  ngOnInit(): void {
    this.state = this.initialState();
    this.load();
  }

  load(): void {
    this.api.loans({ state: this.state || undefined }).subscribe({ next: (page) => this.loans.set(page.items), error: (e: unknown) => this.error.set(e) });
  }
}
