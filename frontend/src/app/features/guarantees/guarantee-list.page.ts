import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatBp, formatFen } from '../loans/loan-format';
import { GuaranteesApi } from './guarantees.api';
import { GUARANTEE_STATES, Guarantee } from './guarantees.models';

/**
 * Guarantees the caller sees, oldest state first: the guarantor's queue (SLA ages, grade, loan and
 * fee at a glance), the committee's view (opens on COMMITTEE_REVIEW), the claims ledger, or a bank's requests.
 */
@Component({
  selector: 'app-guarantee-list-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'guarantees.views.' + view() + '.title' | transloco }}</h1>
        <p>{{ 'guarantees.views.' + view() + '.subtitle' | transloco }}</p>
      </div>
      @if (view() === 'requests') {
        <div class="page-header__actions">
          <a matButton="filled" routerLink="/guarantees/request" data-testid="guarantee-new-request">{{ 'guarantees.newRequest' | transloco }}</a>
        </div>
      }
    </header>
    <div class="filters">
      <mat-form-field>
        <mat-label>{{ 'guarantees.state' | transloco }}</mat-label>
        <select matNativeControl [(ngModel)]="state" (ngModelChange)="load()" data-testid="guarantee-state-filter">
          <option value="">{{ 'guarantees.allStates' | transloco }}</option>
          @for (s of states; track s) {
            <option [value]="s">{{ 'guarantees.states.' + s | transloco }}</option>
          }
        </select>
      </mat-form-field>
    </div>
    <app-api-error [error]="error()" />
    <div class="table-card">
      <div class="table-scroll">
        <table mat-table [dataSource]="items()" data-testid="guarantee-table">
          <ng-container matColumnDef="applicant">
            <th mat-header-cell *matHeaderCellDef>{{ 'guarantees.applicant' | transloco }}</th>
            <td mat-cell *matCellDef="let g"><a [routerLink]="['/guarantees', g.id]" data-testid="guarantee-open">{{ g.loan.applicantName }}</a></td>
          </ng-container>
          <ng-container matColumnDef="bank">
            <th mat-header-cell *matHeaderCellDef>{{ 'guarantees.bank' | transloco }}</th>
            <td mat-cell *matCellDef="let g">{{ g.loan.bankName }}</td>
          </ng-container>
          <ng-container matColumnDef="amount">
            <th mat-header-cell *matHeaderCellDef>{{ 'guarantees.amount' | transloco }}</th>
            <td mat-cell *matCellDef="let g" class="nowrap">{{ fen(g.amountFen) }}</td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef>{{ 'guarantees.state' | transloco }}</th>
            <td mat-cell *matCellDef="let g"><span class="chip" [attr.data-state]="g.state">{{ 'guarantees.states.' + g.state | transloco }}</span>
              @for (o of g.overdue ?? []; track o) { <span class="chip chip--warn" data-testid="guarantee-row-overdue" [attr.data-overdue]="o">{{ 'guarantees.overdue.' + o | transloco }}</span> }
            </td>
          </ng-container>
          <ng-container matColumnDef="age">
            <th mat-header-cell *matHeaderCellDef>{{ 'guarantees.ageDays' | transloco }}</th>
            <td mat-cell *matCellDef="let g" [class.late]="g.ageDays > slaDays" data-testid="guarantee-age">{{ g.ageDays }}</td>
          </ng-container>
          <ng-container matColumnDef="grade">
            <th mat-header-cell *matHeaderCellDef>{{ 'guarantees.grade' | transloco }}</th>
            <td mat-cell *matCellDef="let g">{{ g.loan.grade ?? '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="fee">
            <th mat-header-cell *matHeaderCellDef>{{ 'guarantees.feeRate' | transloco }}</th>
            <td mat-cell *matCellDef="let g" data-testid="guarantee-fee">{{ bp(g.recommendation?.annualFeeRateBp) }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let g; columns: columns" data-testid="guarantee-row" [attr.data-guarantee-id]="g.id" [attr.data-state]="g.state"></tr>
        </table>
      </div>
      @if (!items().length) {
        <div class="table-empty">{{ 'guarantees.empty' | transloco }}</div>
      }
    </div>
  `,
  styles: `
    .filters { display: flex; gap: 12px; }
    .late { color: var(--mat-sys-error); font-weight: 600; }
    .chip--warn { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); margin-inline-start: 6px; }
  `,
})
export class GuaranteeListPage implements OnInit {
  /** Which view (route data): queue, committee, claims or requests. */
  readonly view = input<'queue' | 'committee' | 'claims' | 'requests'>('queue');
  /** The state(s) shown first (route data), comma-separated. */
  readonly initialState = input<string>('');
  private readonly api = inject(GuaranteesApi);
  protected readonly auth = inject(AuthService);
  protected readonly items = signal<Guarantee[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly states = GUARANTEE_STATES;
  protected readonly columns = ['applicant', 'bank', 'amount', 'state', 'age', 'grade', 'fee'];
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
    this.api.list(this.state || undefined).subscribe({ next: (page) => this.items.set(page.items), error: (e: unknown) => this.error.set(e) });
  }
}
