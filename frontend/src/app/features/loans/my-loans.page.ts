import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { forkJoin, map, of, switchMap } from 'rxjs';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatBp, formatFen } from './loan-format';
import { LoansApi } from './loans.api';
import { Bank, LoanApplication } from './loans.models';

/** The applicant's applications: each bank's state and offer, accept one offer, and the timeline. */
@Component({
  selector: 'app-my-loans-page',
  imports: [DatePipe, MatButtonModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'loans.myTitle' | transloco }}</h1>
        <p>{{ 'loans.mySubtitle' | transloco }}</p>
      </div>
      <div class="page-header__actions">
        <a matButton="filled" routerLink="/loans/apply" data-testid="loan-apply">{{ 'loans.apply' | transloco }}</a>
      </div>
    </header>
    <app-api-error [error]="error()" />
    @for (a of applications(); track a.id) {
      <article class="application" data-testid="application-card" [attr.data-state]="a.state" [attr.data-application-id]="a.id">
        <header>
          <h2>{{ fen(a.amountFen) }} · {{ a.termMonths ?? '—' }} {{ 'loans.months' | transloco }} · {{ a.purpose ?? '—' }}</h2>
          <span class="chip" data-testid="application-state" [attr.data-state]="a.state">{{ 'loans.applicationStates.' + a.state | transloco }}</span>
          @if (a.state === 'DRAFT') {
            <a matButton="text" [routerLink]="['/loans/apply', a.id]" data-testid="application-edit">{{ 'loans.continueDraft' | transloco }}</a>
          }
        </header>
        @if (a.prescreen; as p) {
          <p class="muted" data-testid="application-prescreen">
            {{ 'loans.prescreen' | transloco }}：{{ (p.eligible ? 'loans.eligible' : 'loans.notEligible') | transloco }} · {{ 'loans.maxLoan' | transloco }} {{ fen(p.maxLoanFen) }} · {{ 'loans.suggestedRate' | transloco }} {{ bp(p.suggestedAnnualRateBp) }}
          </p>
        }
        <table class="offers">
          @for (o of a.offers ?? []; track o.id) {
            <tr data-testid="loan-offer" [attr.data-state]="o.state" [attr.data-loan-id]="o.id">
              <td>{{ bankName(o.institutionId) }}</td>
              <td><span class="chip" [attr.data-state]="o.state">{{ 'loans.states.' + o.state | transloco }}</span></td>
              <td>
                @if (o.recommendation && (o.state === 'APPROVED' || o.state === 'ACCEPTED' || o.state === 'ACTIVE')) {
                  {{ fen(o.recommendation.amountFen) }} · {{ bp(o.recommendation.annualRateBp) }} · {{ o.recommendation.termMonths }} {{ 'loans.months' | transloco }}
                }
                @if (o.rejection; as r) {
                  <span class="error">{{ r.applicantMessage }}</span>
                }
              </td>
              <td class="actions">
                @if (o.state === 'APPROVED' && a.state === 'SUBMITTED') {
                  <button matButton="filled" type="button" (click)="accept(o.id)" data-testid="loan-accept">{{ 'loans.acceptOffer' | transloco }}</button>
                }
                <a matButton="text" [routerLink]="['/loans', o.id]" data-testid="loan-open">{{ 'loans.details' | transloco }}</a>
              </td>
            </tr>
          }
        </table>
        <ol class="timeline" data-testid="application-timeline">
          @for (h of a.history; track $index) {
            <li>{{ h.at | date: 'yyyy-MM-dd HH:mm' }} · {{ 'loans.applicationStates.' + h.to | transloco }}</li>
          }
        </ol>
      </article>
    } @empty {
      <p class="table-empty" data-testid="applications-empty">{{ 'loans.noApplications' | transloco }}</p>
    }
  `,
  styles: `
    .application { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin-block-end: 12px; }
    .application header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
    .application h2 { margin: 0; font-size: 1rem; }
    .offers { inline-size: 100%; border-collapse: collapse; }
    .offers td { padding-block: 4px; padding-inline-end: 12px; }
    .actions { text-align: end; }
    .error { color: var(--mat-sys-error); }
    .timeline { margin: 4px 0 0; padding-inline-start: 20px; color: var(--mat-sys-on-surface-variant); font-size: 0.85rem; }
  `,
})
export class MyLoansPage implements OnInit {
  private readonly api = inject(LoansApi);
  protected readonly applications = signal<LoanApplication[]>([]);
  protected readonly banks = signal<Bank[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected readonly bp = formatBp;

  ngOnInit(): void {
    this.api.banks().subscribe({ next: (b) => this.banks.set(b), error: (e: unknown) => this.error.set(e) });
    this.load();
  }

  protected bankName(id: string): string {
    return this.banks().find((b) => b.id === id)?.name ?? id;
  }

  protected accept(loanId: string): void {
    this.api.step(loanId, 'accept').subscribe({ next: () => this.load(), error: (e: unknown) => this.error.set(e) });
  }

  private load(): void {
    this.api.applications().pipe(
      switchMap((page) => (page.items.length ? forkJoin(page.items.map((a) => this.api.application(a.id))) : of([]))),
      map((apps) => apps),
    ).subscribe({ next: (apps) => this.applications.set(apps), error: (e: unknown) => this.error.set(e) });
  }
}
