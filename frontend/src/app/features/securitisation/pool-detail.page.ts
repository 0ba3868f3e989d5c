import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { saveBlob } from '../bonds/bonds.api';
import { formatBp, formatFen } from '../loans/loan-format';
import { SecuritisationApi } from './securitisation.api';
import { Pool, Projection, Tranche } from './securitisation.models';

const ECOLOGICAL = ['drought', 'carbon_price_fall', 'forest_fire'] as const;

/**
 * One pool: eligibility report, statistics, structure and projections, review, issue and servicer
 * reports. The actions shown are those the API allows the caller (allowedActions).
 */
@Component({
  selector: 'app-pool-detail-page',
  imports: [MatButtonModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-api-error [error]="error()" />
    @if (pool(); as p) {
      <header class="page-header">
        <div class="page-header__text">
          <h1 data-testid="pool-title">{{ p.name }}</h1>
          <p><span class="chip" data-testid="pool-state" [attr.data-state]="p.state">{{ 'securitisation.states.' + p.state | transloco }}</span> · {{ 'securitisation.configVersion' | transloco }} {{ p.configVersion }}</p>
        </div>
      </header>

      @if (can('select')) {
        <section class="card" data-testid="select-form">
          <h2>{{ 'securitisation.criteria' | transloco }}</h2>
          <div class="grid">
            <label>{{ 'securitisation.maxLtvPercent' | transloco }} <input class="input" type="number" data-testid="criteria-max-ltv" [value]="maxLtv()" (input)="maxLtv.set($any($event.target).value)" /></label>
            <label>{{ 'securitisation.minSeasoning' | transloco }} <input class="input" type="number" data-testid="criteria-seasoning" [value]="seasoning()" (input)="seasoning.set($any($event.target).value)" /></label>
            <label>{{ 'securitisation.maxBorrowerPercent' | transloco }} <input class="input" type="number" data-testid="criteria-borrower" [value]="borrower()" (input)="borrower.set($any($event.target).value)" /></label>
            <label>{{ 'securitisation.assetTypes' | transloco }} <input class="input" data-testid="criteria-asset-types" [value]="assetTypes()" (input)="assetTypes.set($any($event.target).value)" placeholder="water_right,product_order" /></label>
          </div>
          <button matButton="filled" type="button" data-testid="pool-select" (click)="select()">{{ 'securitisation.select' | transloco }}</button>
        </section>
      }

      @if (p.eligibility; as e) {
        <section class="card" data-testid="eligibility">
          <h2>{{ 'securitisation.eligibility' | transloco }}</h2>
          <p>{{ 'securitisation.eligibilitySummary' | transloco: { candidates: e.candidates, included: e.included.length, excluded: e.excluded.length, asOf: e.asOf } }}</p>
          <table class="table">
            <thead><tr><th>{{ 'securitisation.loan' | transloco }}</th><th>{{ 'securitisation.failures' | transloco }}</th></tr></thead>
            <tbody>
              @for (x of e.excluded; track x.loanId) {
                <tr data-testid="excluded-row">
                  <td>{{ x.loanId }}</td>
                  <td>@for (f of x.failures; track f.criterion) { <div>{{ 'securitisation.criterion.' + f.criterion | transloco }}：{{ f.reason }}</div> }</td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      }

      @if (p.statistics; as s) {
        <section class="card" data-testid="statistics">
          <h2>{{ 'securitisation.statistics' | transloco }}</h2>
          <dl class="facts">
            <dt>{{ 'securitisation.balance' | transloco }}</dt><dd data-testid="stat-balance">{{ fen(s.balanceFen) }}</dd>
            <dt>{{ 'securitisation.loans' | transloco }}</dt><dd>{{ s.count }}</dd>
            <dt>{{ 'securitisation.waRate' | transloco }}</dt><dd data-testid="stat-rate">{{ percent(s.weightedAverageRate) }}</dd>
            <dt>{{ 'securitisation.waRemaining' | transloco }}</dt><dd>{{ s.weightedAverageRemainingMonths }}</dd>
            <dt>{{ 'securitisation.waSeasoning' | transloco }}</dt><dd>{{ s.weightedAverageSeasoningMonths }}</dd>
            <dt>{{ 'securitisation.poolLtv' | transloco }}</dt><dd>{{ s.poolLtv === null ? '—' : percent(s.poolLtv) }}</dd>
            <dt>{{ 'securitisation.largestBorrower' | transloco }}</dt><dd>{{ bp(s.largestBorrowerShareBp) }}</dd>
          </dl>
          <div class="grid">
            @for (group of [['ltv', s.ltvDistribution], ['grades', s.grades], ['greenCategories', s.greenCategories], ['prefectures', s.prefectures]]; track group[0]) {
              <table class="table">
                <thead><tr><th>{{ 'securitisation.dist.' + group[0] | transloco }}</th><th>{{ 'securitisation.share' | transloco }}</th></tr></thead>
                <tbody>@for (r of $any(group[1]); track r.key) { <tr><td>{{ r.key }}</td><td>{{ bp(r.shareBp) }}</td></tr> }</tbody>
              </table>
            }
          </div>
        </section>
      }

      @if (can('structure')) {
        <section class="card" data-testid="structure-form">
          <h2>{{ 'securitisation.structureTitle' | transloco }}</h2>
          <div class="grid">
            <label>{{ 'securitisation.seniorPercent' | transloco }} <input class="input" type="number" data-testid="senior-percent" [value]="seniorPercent()" (input)="seniorPercent.set($any($event.target).value)" /></label>
            <label>{{ 'securitisation.mezzaninePercent' | transloco }} <input class="input" type="number" data-testid="mezzanine-percent" [value]="mezzaninePercent()" (input)="mezzaninePercent.set($any($event.target).value)" /></label>
            <label>{{ 'securitisation.reviewer' | transloco }}
              <select class="input" data-testid="structure-reviewer" (change)="reviewerId.set($any($event.target).value)">
                <option value="">—</option>
                @for (r of reviewers(); track r.id) { <option [value]="r.id">{{ r.name }}</option> }
              </select>
            </label>
          </div>
          <p>{{ 'securitisation.structureHint' | transloco }}</p>
          <button matButton="filled" type="button" data-testid="pool-structure" [disabled]="!reviewerId()" (click)="structure()">{{ 'securitisation.saveStructure' | transloco }}</button>
        </section>
      }

      @if (p.structure; as st) {
        <section class="card" data-testid="structure">
          <h2>{{ 'securitisation.tranches' | transloco }}</h2>
          <table class="table">
            <thead><tr><th>{{ 'securitisation.tranche' | transloco }}</th><th>{{ 'securitisation.class' | transloco }}</th><th>{{ 'securitisation.size' | transloco }}</th><th>{{ 'securitisation.coupon' | transloco }}</th><th>{{ 'securitisation.outstanding' | transloco }}</th></tr></thead>
            <tbody>
              @for (t of st.tranches; track t.name) {
                <tr data-testid="tranche-row"><td>{{ t.name }}</td><td>{{ 'securitisation.classes.' + t.class | transloco }}</td><td>{{ fen(t.sizeFen) }}</td><td>{{ percent(t.couponRate) }}</td><td>{{ fen(p.trancheBalances[t.name]) }}</td></tr>
              }
            </tbody>
          </table>
          @if (p.redemption; as r) {
            <p data-testid="pool-redemption">{{ 'securitisation.redeemedOn' | transloco: { date: r.at.slice(0, 10) } }}
              @if (r.totalLossFen > 0) {
                {{ 'securitisation.holderLosses' | transloco }}
                @for (t of st.tranches; track t.name) {
                  @if (r.lossesFen[t.name]) { <span class="loss" data-testid="pool-redemption-loss">{{ t.name }} {{ fen(r.lossesFen[t.name]!) }}</span> }
                }
                · {{ 'securitisation.totalLoss' | transloco }} {{ fen(r.totalLossFen) }}
              } @else {
                {{ 'securitisation.noHolderLoss' | transloco }}
              }
            </p>
          }
          <div class="row">
            @for (e of ecological; track e) {
              <label><input type="checkbox" [attr.data-testid]="'eco-' + e" [checked]="chosen().includes(e)" (change)="toggle(e)" /> {{ 'securitisation.eco.' + e | transloco }}</label>
            }
            <button matButton="outlined" type="button" data-testid="pool-project" (click)="project()">{{ 'securitisation.project' | transloco }}</button>
          </div>
          @if (projections().length) {
            <table class="table" data-testid="projections">
              <thead><tr><th>{{ 'securitisation.scenario' | transloco }}</th><th>{{ 'securitisation.tranche' | transloco }}</th><th>{{ 'securitisation.wal' | transloco }}</th><th>{{ 'securitisation.loss' | transloco }}</th><th>{{ 'securitisation.paidInFull' | transloco }}</th></tr></thead>
              <tbody>
                @for (pr of projections(); track $index) {
                  @for (t of pr.tranches; track t.name) {
                    <tr data-testid="projection-row" [attr.data-paid]="t.paidInFull">
                      <td>{{ pr.scenario.name }}</td><td>{{ t.name }}</td><td>{{ t.walYears ?? '—' }}</td><td>{{ fen(t.lossFen) }}</td>
                      <td>{{ (t.paidInFull ? 'securitisation.yes' : 'securitisation.no') | transloco }}</td>
                    </tr>
                  }
                }
              </tbody>
            </table>
          }
        </section>
      }

      @if (can('review')) {
        <section class="card" data-testid="review-form">
          <h2>{{ 'securitisation.reviewTitle' | transloco }}</h2>
          <textarea class="input" rows="3" data-testid="review-opinion" [value]="opinion()" (input)="opinion.set($any($event.target).value)"></textarea>
          <input type="file" data-testid="review-document" (change)="file.set($any($event.target).files?.[0] ?? null)" />
          <button matButton="filled" type="button" data-testid="pool-review" [disabled]="!opinion().trim() || !file()" (click)="review()">{{ 'securitisation.submitReview' | transloco }}</button>
        </section>
      }
      @if (p.review; as r) {
        <section class="card" data-testid="review"><h2>{{ 'securitisation.reviewTitle' | transloco }}</h2><p>{{ r.opinion }}</p><p class="mono">{{ r.document.filename }} · SHA-256 {{ r.document.sha256 }}</p></section>
      }
      @if (can('issue')) {
        <section class="card row">
          <input class="input" type="date" data-testid="issue-date" [value]="issueDate()" (input)="issueDate.set($any($event.target).value)" />
          <button matButton="filled" type="button" data-testid="pool-issue" [disabled]="!issueDate()" (click)="step('issue', { issueDate: issueDate() })">{{ 'securitisation.issue' | transloco }}</button>
        </section>
      }
      @if (can('report')) {
        <section class="card row">
          <input class="input" type="month" data-testid="report-period" [value]="period()" (input)="period.set($any($event.target).value)" />
          <button matButton="filled" type="button" data-testid="pool-report" [disabled]="!period()" (click)="report()">{{ 'securitisation.recordReport' | transloco }}</button>
        </section>
      }
      @if (p.servicerReports.length) {
        <section class="card" data-testid="reports">
          <h2>{{ 'securitisation.reports' | transloco }}</h2>
          <table class="table">
            <thead><tr><th>{{ 'securitisation.period' | transloco }}</th><th>{{ 'securitisation.collections' | transloco }}</th><th>{{ 'securitisation.defaults' | transloco }}</th><th>{{ 'securitisation.recoveries' | transloco }}</th><th></th></tr></thead>
            <tbody>
              @for (r of p.servicerReports; track r.period) {
                <tr data-testid="report-row" [attr.data-period]="r.period">
                  <td>{{ r.period }}</td><td>{{ fen(r.collections.totalFen) }}</td><td>{{ fen(r.defaultsFen) }}</td><td>{{ fen(r.recoveriesFen) }}</td>
                  <td><button matButton="text" type="button" data-testid="report-pdf" (click)="download(r.period, 'pdf')">PDF</button><button matButton="text" type="button" data-testid="report-csv" (click)="download(r.period, 'csv')">CSV</button></td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      }
      @if (can('redeem') || can('cancel')) {
        <section class="card row">
          @if (can('redeem')) { <button matButton="outlined" type="button" data-testid="pool-redeem" (click)="step('redeem', {})">{{ 'securitisation.redeem' | transloco }}</button> }
          @if (can('cancel')) { <button matButton="outlined" type="button" data-testid="pool-cancel" (click)="step('cancel', { reason: 'cancelled by the originator' })">{{ 'securitisation.cancel' | transloco }}</button> }
        </section>
      }
    }
  `,
  styles: `
    .card { padding-block: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
    .row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .input { padding: 6px; display: block; }
    .table { inline-size: 100%; border-collapse: collapse; }
    .table th, .table td { text-align: start; padding-block: 4px; padding-inline-end: 12px; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    .mono { font-family: monospace; overflow-wrap: anywhere; }
  `,
})
export class PoolDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(SecuritisationApi);
  protected readonly pool = signal<Pool | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly projections = signal<Projection[]>([]);
  protected readonly reviewers = signal<{ id: string; name: string }[]>([]);
  protected readonly maxLtv = signal('70');
  protected readonly seasoning = signal('3');
  protected readonly borrower = signal('');
  protected readonly assetTypes = signal('');
  protected readonly seniorPercent = signal('80');
  protected readonly mezzaninePercent = signal('10');
  protected readonly reviewerId = signal('');
  protected readonly opinion = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly issueDate = signal('');
  protected readonly period = signal('');
  protected readonly chosen = signal<string[]>([]);
  protected readonly ecological = ECOLOGICAL;
  protected readonly fen = formatFen;
  protected readonly bp = formatBp;
  private readonly allowed = computed(() => new Set(this.pool()?.allowedActions ?? []));

  ngOnInit(): void {
    this.api.get(this.id()).subscribe({
      next: (p) => {
        this.pool.set(p);
        if (p.allowedActions?.includes('structure')) this.api.reviewers().subscribe({ next: (r) => this.reviewers.set(r), error: (e: unknown) => this.error.set(e) });
      },
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected can(action: string): boolean {
    return this.allowed().has(action);
  }

  /** A decimal rate as a percentage with two decimals (display only). */
  protected percent(rate: number): string {
    return `${(rate * 100).toFixed(2)}%`;
  }

  /** The criteria typed in percent and months, as the API takes them (decimals; blanks left out). */
  protected criteria(): Record<string, unknown> {
    const c: Record<string, unknown> = {};
    if (this.maxLtv() !== '') c['maxLtv'] = Number(this.maxLtv()) / 100;
    if (this.seasoning() !== '') c['minSeasoningMonths'] = Number(this.seasoning());
    if (this.borrower() !== '') c['maxBorrowerShare'] = Number(this.borrower()) / 100;
    const types = this.assetTypes().split(',').map((t) => t.trim()).filter(Boolean);
    if (types.length) c['assetTypes'] = types;
    return c;
  }

  /** Senior and mezzanine as shares of the pool balance (whole fen, rounded down); the subordinated tranche takes the rest. */
  protected tranches(): Tranche[] {
    const balance = this.pool()?.statistics?.balanceFen ?? 0;
    const senior = Math.floor((balance * Number(this.seniorPercent())) / 100);
    const mezzanine = Math.floor((balance * Number(this.mezzaninePercent())) / 100);
    return [
      { name: 'A', class: 'senior', sizeFen: senior, couponRate: 0.028 },
      { name: 'B', class: 'mezzanine', sizeFen: mezzanine, couponRate: 0.045 },
      { name: 'C', class: 'subordinated', sizeFen: balance - senior - mezzanine, couponRate: 0 },
    ];
  }

  protected select(): void {
    this.api.select(this.id(), this.criteria()).subscribe({ next: (p) => this.reload(p), error: (e: unknown) => this.error.set(e) });
  }

  protected structure(): void {
    this.api.structure(this.id(), { tranches: this.tranches(), feeRate: 0.002, reserve: { initialFen: 0, targetFen: 0 }, reviewerInstitutionId: this.reviewerId() })
      .subscribe({ next: (p) => this.reload(p), error: (e: unknown) => this.error.set(e) });
  }

  protected toggle(e: string): void {
    this.chosen.update((list) => (list.includes(e) ? list.filter((x) => x !== e) : [...list, e]));
  }

  protected project(): void {
    this.api.project(this.id(), this.chosen()).subscribe({ next: (r) => this.projections.set(r.projections), error: (e: unknown) => this.error.set(e) });
  }

  protected review(): void {
    const file = this.file();
    if (!file) return;
    this.api.uploadDocument(file).subscribe({
      next: (doc) => this.step('review', { type: 'second_party_opinion', opinion: this.opinion().trim(), conclusion: 'aligned', documentId: doc.id }),
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected step(step: string, body: object): void {
    this.api.step(this.id(), step, body).subscribe({ next: (p) => this.reload(p), error: (e: unknown) => this.error.set(e) });
  }

  protected report(): void {
    this.api.report(this.id(), this.period()).subscribe({ next: () => this.ngOnInit(), error: (e: unknown) => this.error.set(e) });
  }

  protected download(period: string, kind: 'pdf' | 'csv'): void {
    this.api.reportFile(this.id(), period, kind).subscribe({ next: (b) => saveBlob(b, `servicer-report-${period}.${kind}`), error: (e: unknown) => this.error.set(e) });
  }

  private reload(p: Pool): void {
    this.error.set(null);
    this.api.get(p.id).subscribe({ next: (fresh) => this.pool.set(fresh), error: (e: unknown) => this.error.set(e) });
  }
}
