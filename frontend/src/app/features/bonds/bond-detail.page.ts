import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatBp, formatFen, percentToBp, yuanToFen } from '../loans/loan-format';
import { BondsApi, saveBlob } from './bonds.api';
import { Bond, EligibleLoan, ImpactReport, TaxonomyEntry } from './bonds.models';

/**
 * One bond for its issuer (and read-only for the reviewer and the regulator): framework and projects,
 * the external review, issuance terms, the proceeds ledger with allocations and the unallocated
 * balance, and the annual impact reports. A bank's green financial bond lists its linked green loans
 * and lets the bank link more of its eligible loans (with their expected benefits) or unlink one.
 */
@Component({
  selector: 'app-bond-detail-page',
  imports: [DatePipe, MatButtonModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (bond(); as b) {
      <header class="page-header">
        <div class="page-header__text">
          <h1 data-testid="bond-title">{{ b.name }}</h1>
          <p>{{ b.issuerName }} · <span class="chip" data-testid="bond-state" [attr.data-state]="b.state">{{ 'bonds.states.' + b.state | transloco }}</span>
            @if (b.reviewerName) { · {{ 'bonds.reviewer' | transloco }} {{ b.reviewerName }} }</p>
        </div>
        <div class="page-header__actions">
          @if (b.state === 'DRAFT_FRAMEWORK' && canIssue()) {
            <a matButton="outlined" [routerLink]="['/bonds', b.id, 'edit']" data-testid="bond-edit">{{ 'bonds.edit' | transloco }}</a>
          }
          @if (b.allowedActions.includes('cancel') && canIssue()) {
            <button matButton="text" type="button" data-testid="bond-cancel" (click)="step('cancel', { reason: cancelReason })">{{ 'bonds.cancel' | transloco }}</button>
          }
        </div>
      </header>
      <app-api-error [error]="error()" />

      @if (b.state === 'DRAFT_FRAMEWORK' && canIssue()) {
        <section class="card" data-testid="bond-submit-form">
          <h2>{{ 'bonds.submitTitle' | transloco }}</h2>
          <select data-testid="bond-reviewer" [value]="reviewerId()" (change)="reviewerId.set(value($event))">
            @for (r of reviewers(); track r.id) { <option [value]="r.id">{{ r.name }}</option> }
          </select>
          <button matButton="filled" type="button" data-testid="bond-submit" [disabled]="!reviewerId()" (click)="step('submit', { reviewerInstitutionId: reviewerId() })">{{ 'bonds.submit' | transloco }}</button>
        </section>
      }
      @if (b.state === 'REVIEWED' && canIssue()) {
        <section class="card" data-testid="bond-register-form">
          <h2>{{ 'bonds.terms' | transloco }}</h2>
          <label>{{ 'bonds.amountYuan' | transloco }} <input data-testid="terms-amount" #amount /></label>
          <label>{{ 'bonds.couponPercent' | transloco }} <input data-testid="terms-coupon" #coupon /></label>
          <label>{{ 'bonds.tenorMonths' | transloco }} <input type="number" data-testid="terms-tenor" #tenor /></label>
          <label>{{ 'bonds.plannedIssueDate' | transloco }} <input type="date" data-testid="terms-date" #date /></label>
          <label>{{ 'bonds.registrationNumber' | transloco }} <input data-testid="terms-number" #number /></label>
          <button matButton="filled" type="button" data-testid="bond-register"
            (click)="step('register', { amountFen: fenOf(amount.value), couponBp: percentToBp(coupon.value), tenorMonths: +tenor.value, plannedIssueDate: date.value, registrationNumber: number.value })">{{ 'bonds.register' | transloco }}</button>
        </section>
      }
      @if (b.state === 'REGISTERED' && canIssue()) {
        <section class="card" data-testid="bond-issue-form">
          <label>{{ 'bonds.issueDate' | transloco }} <input type="date" data-testid="issue-date" #issueDate /></label>
          <button matButton="filled" type="button" data-testid="bond-issue" (click)="step('issue', { issueDate: issueDate.value })">{{ 'bonds.issue' | transloco }}</button>
        </section>
      }

      <section class="card" data-testid="bond-framework">
        <h2>{{ 'bonds.components' | transloco }}</h2>
        <dl>
          @for (c of components; track c) { <dt>{{ 'bonds.component.' + c | transloco }}</dt><dd>{{ b.framework[c] }}</dd> }
          <dt>{{ 'bonds.standardsClaimed' | transloco }}</dt>
          <dd data-testid="bond-standards-view">@for (s of b.framework.standards; track s) { <span class="chip">{{ 'bonds.standard.' + s | transloco }}</span> }</dd>
          <dt>{{ 'bonds.lookbackMonths' | transloco }}</dt><dd>{{ b.framework.lookbackMonths }}</dd>
        </dl>
        <table class="table" data-testid="bond-projects">
          <thead><tr><th>{{ 'bonds.projectName' | transloco }}</th><th>{{ 'bonds.taxonomy' | transloco }}</th><th>{{ 'bonds.prefecture' | transloco }}</th><th>{{ 'bonds.eligibility' | transloco }}</th><th>{{ 'bonds.allocated' | transloco }}</th></tr></thead>
          <tbody>
            @for (p of b.projects; track p.id) {
              <tr data-testid="bond-project-row" [attr.data-eligible]="p.eligible">
                <td>{{ p.name }}</td><td>{{ p.taxonomyCode }} {{ entry(p.taxonomyCode)?.zh }}</td><td>{{ p.prefecture }}</td>
                <td>{{ (p.eligible ? 'bonds.eligible' : 'bonds.ineligible') | transloco }} {{ p.ineligibleReason ?? '' }}</td>
                <td>{{ fen(allocatedTo(p.id)) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </section>

      @if (b.review; as r) {
        <section class="card" data-testid="bond-review">
          <h2>{{ 'bonds.externalReview' | transloco }}</h2>
          <p>{{ 'bonds.reviewTypes.' + r.type | transloco }} · {{ 'bonds.conclusions.' + r.conclusion | transloco }} · {{ r.at | date: 'yyyy-MM-dd' }}</p>
          <p>{{ r.opinion }}</p>
          <p class="muted">{{ r.document.filename }} · SHA-256 <code data-testid="bond-review-hash">{{ r.document.sha256 }}</code></p>
        </section>
      }

      @if (b.proceedsFen > 0) {
        <section class="card" data-testid="bond-ledger">
          <h2>{{ 'bonds.ledger' | transloco }}</h2>
          <dl class="figures">
            <dt>{{ 'bonds.proceeds' | transloco }}</dt><dd data-testid="ledger-proceeds">{{ fen(b.ledger.proceedsFen) }}</dd>
            <dt>{{ 'bonds.allocated' | transloco }}</dt><dd data-testid="ledger-allocated">{{ fen(b.ledger.allocatedFen) }} ({{ bp(b.ledger.allocatedShareBp) }})</dd>
            <dt>{{ 'bonds.unallocated' | transloco }}</dt><dd data-testid="ledger-unallocated">{{ fen(b.ledger.unallocatedFen) }}</dd>
            <dt>{{ 'bonds.refinancing' | transloco }}</dt><dd>{{ fen(b.ledger.refinancingFen) }}</dd>
            <dt>{{ 'bonds.temporaryPlacement' | transloco }}</dt><dd>{{ b.framework.temporaryPlacement }}</dd>
          </dl>
          <table class="table" data-testid="bond-allocations">
            <thead><tr><th>{{ 'bonds.projectName' | transloco }}</th><th>{{ 'bonds.amount' | transloco }}</th><th>{{ 'bonds.expenditureDate' | transloco }}</th><th>{{ 'bonds.state' | transloco }}</th><th>{{ 'bonds.makerChecker' | transloco }}</th></tr></thead>
            <tbody>
              @for (a of b.allocations; track a.id) {
                <tr data-testid="allocation-row" [attr.data-state]="a.state">
                  <td>{{ projectName(a.projectId) }}@if (a.refinancing) { <span class="chip">{{ 'bonds.refinancing' | transloco }}</span> }</td>
                  <td>{{ fen(a.amountFen) }}</td><td>{{ a.expenditureDate }}</td>
                  <td>{{ 'bonds.allocationStates.' + a.state | transloco }}</td><td>{{ a.maker.username }} / {{ a.checker?.username ?? '—' }}</td>
                </tr>
              }
            </tbody>
          </table>
          @if ((b.state === 'ISSUED' || b.state === 'ALLOCATING') && canIssue()) {
            <div class="row" data-testid="allocation-form">
              <select data-testid="allocation-project" #project>
                @for (p of b.projects; track p.id) { @if (p.eligible) { <option [value]="p.id">{{ p.name }}</option> } }
              </select>
              <input [placeholder]="'bonds.amountYuan' | transloco" data-testid="allocation-amount" #allocAmount />
              <input type="date" data-testid="allocation-date" #allocDate />
              <button matButton="filled" type="button" data-testid="allocation-propose"
                (click)="propose(project.value, allocAmount.value, allocDate.value)">{{ 'bonds.proposeAllocation' | transloco }}</button>
            </div>
          }
        </section>
      }

      @if (b.issuerKind === 'bank') {
        <section class="card" data-testid="bond-linked-loans">
          <h2>{{ 'bonds.linkedLoans.title' | transloco }}</h2>
          <p class="muted">{{ 'bonds.linkedLoans.intro' | transloco }}</p>
          <table class="table">
            <thead><tr><th>{{ 'bonds.linkedLoans.purpose' | transloco }}</th><th>{{ 'bonds.linkedLoans.category' | transloco }}</th><th>{{ 'bonds.linkedLoans.amount' | transloco }}</th><th>{{ 'bonds.linkedLoans.benefits' | transloco }}</th><th>{{ 'bonds.linkedLoans.linkedBy' | transloco }}</th><th></th></tr></thead>
            <tbody>
              @for (l of b.linkedLoans ?? []; track l.loanId) {
                <tr data-testid="linked-loan-row" [attr.data-loan-id]="l.loanId">
                  <td>{{ l.purpose }}</td><td>{{ l.taxonomyCode }} {{ l.category }}</td><td>{{ fen(l.amountFen) }}</td>
                  <td>@for (m of entries(l.expectedBenefits); track m[0]) { <span class="measure">{{ 'bonds.measures.' + m[0] | transloco }} {{ m[1] }}</span> }</td>
                  <td>{{ l.linkedBy.username }} · {{ l.linkedAt | date: 'yyyy-MM-dd' }}</td>
                  <td>
                    @if (canIssue() && b.allowedActions.includes('unlinkLoan')) {
                      <button matButton="text" type="button" [attr.data-testid]="'unlink-loan-' + l.loanId" (click)="unlink(l.loanId)">{{ 'bonds.linkedLoans.unlink' | transloco }}</button>
                    }
                  </td>
                </tr>
              } @empty {
                <tr><td colspan="6" class="muted">{{ 'bonds.linkedLoans.none' | transloco }}</td></tr>
              }
            </tbody>
          </table>
          @if (b.loanRollup; as r) {
            @if (r.loans) {
              <p data-testid="linked-loans-totals"><strong>{{ 'bonds.linkedLoans.totals' | transloco }}</strong>
                @for (m of entries(r.impactTotals); track m[0]) { <span class="measure">{{ 'bonds.measures.' + m[0] | transloco }} {{ m[1] }}</span> }
              </p>
              <p data-testid="linked-loans-categories">{{ 'bonds.linkedLoans.byCategory' | transloco }}:
                @for (c of r.byCategory; track c.taxonomyCode) { <span class="chip">{{ c.category }} · {{ c.loans }} · {{ fen(c.amountFen) }}</span> }
              </p>
            }
          }
          @if (canIssue() && b.allowedActions.includes('linkLoan')) {
            @if (eligibleLoans(); as loans) {
              <h3>{{ 'bonds.linkedLoans.eligibleTitle' | transloco }}</h3>
              @for (l of loans; track l.id) {
                <div class="row" data-testid="eligible-loan" [attr.data-loan-id]="l.id">
                  <strong>{{ l.purpose }}</strong> <span>{{ l.taxonomyCode }} {{ l.category }}</span> <span>{{ fen(l.amountFen) }}</span>
                  @for (m of l.measures; track m.code) {
                    <label class="inline">{{ 'bonds.measures.' + m.code | transloco }}
                      <input class="measure-input" [attr.data-testid]="'link-measure-' + l.id + '-' + m.code" (input)="setLoanMeasure(l.id, m.code, value($event))" />
                    </label>
                  }
                  <button matButton="filled" type="button" [attr.data-testid]="'link-loan-' + l.id" (click)="link(l.id)">{{ 'bonds.linkedLoans.linkThis' | transloco }}</button>
                </div>
              } @empty {
                <p class="muted" data-testid="no-eligible-loans">{{ 'bonds.linkedLoans.noEligible' | transloco }}</p>
              }
            } @else {
              <button matButton="outlined" type="button" data-testid="link-green-loan" (click)="loadEligibleLoans()">{{ 'bonds.linkedLoans.link' | transloco }}</button>
            }
          }
        </section>
      }

      <section class="card" data-testid="bond-reports">
        <h2>{{ 'bonds.impactReports' | transloco }}</h2>
        @for (r of reports(); track r.id) {
          <div class="report" data-testid="impact-report" [attr.data-state]="r.state">
            <strong>{{ r.year }}</strong> · <span class="chip">{{ 'bonds.reportStates.' + r.state | transloco }}</span>
            @for (m of totalsOf(r); track m[0]) { <span class="measure">{{ 'bonds.measures.' + m[0] | transloco }} {{ m[1] }}</span> }
            <button matButton="text" type="button" data-testid="impact-report-pdf" (click)="downloadReport(r)">PDF</button>
            @if (r.state === 'VERIFIED' && canIssue()) {
              <button matButton="filled" type="button" data-testid="impact-report-publish" (click)="publish(r.id)">{{ 'bonds.publish' | transloco }}</button>
            }
          </div>
        } @empty {
          <p class="muted">{{ 'bonds.noReports' | transloco }}</p>
        }
        @if (canIssue() && financed().length && ['ALLOCATING', 'FULLY_ALLOCATED', 'MATURED', 'DELABELLED'].includes(b.state)) {
          <div class="report-form" data-testid="impact-report-form">
            <label>{{ 'bonds.year' | transloco }} <input type="number" data-testid="report-year" [value]="reportYear()" (input)="reportYear.set(+value($event))" /></label>
            @for (p of financed(); track p.id) {
              <div class="row"><strong>{{ p.name }}</strong>
                @for (m of entry(p.taxonomyCode)?.measures ?? []; track m) {
                  <label class="inline">{{ 'bonds.measures.' + m | transloco }}
                    <input class="measure-input" [attr.data-testid]="'report-measure-' + m" (input)="setMeasure(p.id, m, value($event))" />
                  </label>
                }
              </div>
            }
            <button matButton="filled" type="button" data-testid="impact-report-draft" (click)="draftReport()">{{ 'bonds.draftReport' | transloco }}</button>
          </div>
        }
      </section>

      <section class="card">
        <h2>{{ 'bonds.history' | transloco }}</h2>
        <ol class="timeline" data-testid="bond-history">
          @for (h of b.history; track $index) { <li>{{ h.at | date: 'yyyy-MM-dd HH:mm' }} · {{ h.by?.username ?? 'system' }} · {{ 'bonds.states.' + h.to | transloco }} {{ h.reason ?? '' }}</li> }
        </ol>
      </section>
    } @else {
      <app-api-error [error]="error()" />
    }
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin-block-end: 12px; }
    .card h2 { margin-block: 0 8px; font-size: 1rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .table { inline-size: 100%; border-collapse: collapse; }
    .table th, .table td { text-align: start; padding-block: 4px; padding-inline-end: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .row, .report { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-block: 6px; }
    .measure { color: var(--mat-sys-on-surface-variant); }
    .measure-input { inline-size: 110px; }
    label.inline { display: inline-flex; gap: 4px; align-items: center; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    code { word-break: break-all; }
  `,
})
export class BondDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(BondsApi);
  protected readonly components = ['useOfProceeds', 'projectEvaluation', 'managementOfProceeds', 'reporting'] as const;
  protected readonly bond = signal<Bond | null>(null);
  protected readonly reports = signal<ImpactReport[]>([]);
  protected readonly reviewers = signal<{ id: string; name: string }[]>([]);
  protected readonly reviewerId = signal('');
  protected readonly taxonomy = signal<TaxonomyEntry[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly reportYear = signal(new Date().getUTCFullYear());
  /** A bank's green financial bond: the loans that can be linked (null until asked for) and the benefits typed per loan. */
  protected readonly eligibleLoans = signal<EligibleLoan[] | null>(null);
  private readonly loanMeasures = signal<Record<string, Record<string, number>>>({});
  private readonly measures = signal<Record<string, Record<string, number>>>({});
  protected readonly fen = formatFen;
  protected readonly bp = formatBp;
  protected readonly percentToBp = percentToBp;
  protected readonly cancelReason = '发行计划取消';
  protected readonly unlinkReason = '本行调整投放';
  private readonly auth = inject(AuthService);
  protected readonly canIssue = computed(() => this.auth.permissions().has('bonds.issue'));
  protected readonly financed = computed(() => {
    const b = this.bond();
    return b ? b.projects.filter((p) => b.ledger.byProject.some((x) => x.projectId === p.id)) : [];
  });

  ngOnInit(): void {
    this.api.taxonomy().subscribe({ next: (t) => this.taxonomy.set(t.entries), error: () => undefined });
    if (this.canIssue()) {
      this.api.reviewers().subscribe({
        next: (r) => {
          this.reviewers.set(r);
          this.reviewerId.set(r[0]?.id ?? '');
        },
        error: (e: unknown) => this.error.set(e),
      });
    }
    this.load();
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected fenOf(text: string): number | null {
    return yuanToFen(text);
  }

  protected entry(code: string): TaxonomyEntry | undefined {
    return this.taxonomy().find((e) => e.code === code);
  }

  protected projectName(id: string): string {
    return this.bond()?.projects.find((p) => p.id === id)?.name ?? id;
  }

  protected allocatedTo(projectId: string): number {
    return this.bond()?.ledger.byProject.find((p) => p.projectId === projectId)?.amountFen ?? 0;
  }

  protected entries(measures: Record<string, number>): [string, number][] {
    return Object.entries(measures);
  }

  protected loadEligibleLoans(): void {
    this.api.eligibleLoans(this.id()).subscribe({ next: (loans) => this.eligibleLoans.set(loans), error: (e: unknown) => this.error.set(e) });
  }

  protected setLoanMeasure(loanId: string, measure: string, text: string): void {
    this.loanMeasures.update((m) => ({ ...m, [loanId]: { ...(m[loanId] ?? {}), [measure]: Number(text) } }));
  }

  /** Links the loan with the benefits typed for it; the list of eligible loans is read again afterwards. */
  protected link(loanId: string): void {
    this.api.linkLoan(this.id(), { loanId, expectedBenefits: this.loanMeasures()[loanId] ?? {} }).subscribe({
      next: (b) => {
        this.error.set(null);
        this.bond.set(b);
        this.eligibleLoans.set(null);
      },
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected unlink(loanId: string): void {
    this.api.unlinkLoan(this.id(), loanId, this.unlinkReason).subscribe({ next: (b) => this.bond.set(b), error: (e: unknown) => this.error.set(e) });
  }

  protected totalsOf(r: ImpactReport): [string, number][] {
    return Object.entries(r.totals);
  }

  protected step(step: string, body: object): void {
    this.api.step(this.id(), step, body).subscribe({ next: (b) => this.bond.set(b), error: (e: unknown) => this.error.set(e) });
  }

  protected propose(projectId: string, amount: string, date: string): void {
    this.api.propose(this.id(), { projectId, amountFen: yuanToFen(amount) ?? 0, expenditureDate: date, note: '' }).subscribe({ next: (b) => this.bond.set(b), error: (e: unknown) => this.error.set(e) });
  }

  protected setMeasure(projectId: string, measure: string, text: string): void {
    this.measures.update((m) => ({ ...m, [projectId]: { ...(m[projectId] ?? {}), [measure]: Number(text) } }));
  }

  protected draftReport(): void {
    const projects = Object.entries(this.measures()).map(([projectId, measures]) => ({ projectId, measures }));
    this.api.draftReport(this.id(), { year: this.reportYear(), narrative: '', projects }).subscribe({ next: () => this.loadReports(), error: (e: unknown) => this.error.set(e) });
  }

  protected publish(reportId: string): void {
    this.api.reportStep(reportId, 'publish').subscribe({ next: () => this.loadReports(), error: (e: unknown) => this.error.set(e) });
  }

  protected downloadReport(r: ImpactReport): void {
    this.api.reportPdf(r.id).subscribe({ next: (blob) => saveBlob(blob, `impact-report-${r.year}.pdf`), error: (e: unknown) => this.error.set(e) });
  }

  private load(): void {
    this.api.get(this.id()).subscribe({ next: (b) => this.bond.set(b), error: (e: unknown) => this.error.set(e) });
    this.loadReports();
  }

  private loadReports(): void {
    this.api.reports(this.id()).subscribe({ next: (r) => this.reports.set(r), error: (e: unknown) => this.error.set(e) });
  }
}
