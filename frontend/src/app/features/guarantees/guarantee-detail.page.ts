import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { forkJoin } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatBp, formatFen, percentToBp, yuanToFen } from '../loans/loan-format';
import { saveFile } from '../valuations/save-file';
import { GuaranteesApi } from './guarantees.api';
import { CounterGuaranteeAsset, Guarantee, STEP_PERMISSION } from './guarantees.models';

/** One guarantee: loan and pledge summary, the recommendation with fee cap and capacity figures, the committee's decision, the letter, and the claims/compensation/recovery ledger, with the steps the caller may take. */
@Component({
  selector: 'app-guarantee-detail-page',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-api-error [error]="error()" />
    @if (g(); as g) {
      <header class="page-header">
        <div class="page-header__text">
          <h1 data-testid="guarantee-title">{{ g.loan.applicantName }} · {{ fen(g.amountFen) }}</h1>
          <p>{{ g.loan.bankName }} → {{ g.guarantorName }} · {{ g.loan.purpose }}</p>
        </div>
        <div class="page-header__actions">
          <span class="chip" data-testid="guarantee-state" [attr.data-state]="g.state">{{ 'guarantees.states.' + g.state | transloco }}</span>
          @for (o of g.overdue ?? []; track o) {
            <span class="chip chip--warn" data-testid="guarantee-overdue" [attr.data-overdue]="o">{{ 'guarantees.overdue.' + o | transloco }}</span>
          }
        </div>
      </header>

      <section class="glance" data-testid="guarantee-glance">
        <div><span>{{ 'guarantees.loanAmount' | transloco }}</span><strong>{{ fen(g.loan.amountFen) }}</strong></div>
        <div><span>{{ 'guarantees.term' | transloco }}</span><strong>{{ g.termDays }} {{ 'guarantees.days' | transloco }}</strong></div>
        <div><span>{{ 'guarantees.grade' | transloco }}</span><strong>{{ g.loan.grade ?? '—' }}</strong></div>
        <div><span>{{ 'guarantees.collateralValue' | transloco }}</span><strong>{{ fen(g.loan.collateralValueFen) }}</strong></div>
        <div><span>{{ 'guarantees.pledges' | transloco }}</span><strong>{{ g.loan.assetIds.length }}</strong></div>
        <div><span>{{ 'guarantees.ageDays' | transloco }}</span><strong>{{ g.ageDays }}</strong></div>
      </section>

      @if (g.recommendation; as r) {
        <h2>{{ 'guarantees.recommendation' | transloco }}</h2>
        <section class="glance" data-testid="guarantee-recommendation">
          <div><span>{{ 'guarantees.feeRate' | transloco }}</span><strong data-testid="guarantee-fee-rate">{{ bp(r.annualFeeRateBp) }}</strong></div>
          <div><span>{{ 'guarantees.feeCap' | transloco }}</span><strong>{{ bp(r.feeCap.capAnnualRateBp) }}</strong></div>
          <div><span>{{ 'guarantees.fee' | transloco }}</span><strong>{{ fen(r.feeFen) }}</strong></div>
          <div><span>{{ 'guarantees.gradeDiscount' | transloco }}</span><strong>{{ r.gradeDiscountBp }} bp</strong></div>
          <div><span>{{ 'guarantees.capacity' | transloco }}</span><strong>{{ fen(r.capacity.outstandingAfterFen) }} / {{ fen(r.capacity.outstandingLimitFen) }}</strong></div>
          <div><span>{{ 'guarantees.obligorLimit' | transloco }}</span><strong>{{ fen(r.capacity.obligorAfterFen) }} / {{ fen(r.capacity.obligorLimitFen) }}</strong></div>
          <div><span>{{ 'guarantees.shares' | transloco }}</span><strong>{{ r.riskShares.originalGuarantorBp / 100 }}/{{ r.riskShares.reguarantorBp / 100 }}/{{ r.riskShares.bankBp / 100 }}/{{ r.riskShares.localGovernmentBp / 100 }}</strong></div>
        </section>
        <p>{{ r.findings }} <span class="muted">— {{ r.by.username }}</span></p>
      }
      @if (g.decision; as d) {
        <p data-testid="guarantee-decision">{{ 'guarantees.decision' | transloco }}：{{ d.decision }} · {{ d.by.username }} · {{ d.note }}</p>
      }
      @if (g.letter; as l) {
        <p data-testid="guarantee-letter">{{ 'guarantees.letter' | transloco }} {{ l.number }} · {{ l.startDate }} – {{ l.endDate }} · {{ 'guarantees.fee' | transloco }} {{ fen(l.feeFen) }}
          <button matButton="text" type="button" (click)="download(g.id, 'letter')" data-testid="guarantee-letter-pdf">{{ 'guarantees.downloadLetter' | transloco }}</button>
        </p>
      }
      @if (g.compensation; as c) {
        <h2>{{ 'guarantees.ledger' | transloco }}</h2>
        <table class="ledger" data-testid="guarantee-ledger">
          <thead><tr><th></th><th>{{ 'guarantees.amount' | transloco }}</th><th>{{ 'guarantees.parties.originalGuarantor' | transloco }}</th><th>{{ 'guarantees.parties.reguarantor' | transloco }}</th><th>{{ 'guarantees.parties.bank' | transloco }}</th><th>{{ 'guarantees.parties.localGovernment' | transloco }}</th></tr></thead>
          <tbody>
            <tr data-testid="guarantee-compensation"><td>{{ 'guarantees.compensation' | transloco }}</td><td>{{ fen(c.amountFen) }}</td><td>{{ fen(c.split.originalGuarantor) }}</td><td>{{ fen(c.split.reguarantor) }}</td><td>{{ fen(c.split.bank) }}</td><td>{{ fen(c.split.localGovernment) }}</td></tr>
            @for (r of g.recoveries; track r.seq) {
              <tr data-testid="guarantee-recovery"><td>{{ 'guarantees.recovery' | transloco }} #{{ r.seq }}</td><td>{{ fen(r.amountFen) }}</td><td>{{ fen(r.split.originalGuarantor) }}</td><td>{{ fen(r.split.reguarantor) }}</td><td>{{ fen(r.split.bank) }}</td><td>{{ fen(r.split.localGovernment) }}</td></tr>
            }
          </tbody>
        </table>
        <p>{{ 'guarantees.paidToBank' | transloco }} {{ fen(c.paidToBankFen) }} · {{ 'guarantees.recovered' | transloco }} {{ fen(g.recoveredFen) }}
          <button matButton="text" type="button" (click)="download(g.id, 'compensation-notice')" data-testid="guarantee-notice-pdf">{{ 'guarantees.downloadNotice' | transloco }}</button>
        </p>
      }

      @if (g.reguaranteeClaim; as rc) {
        <section class="reguarantee" data-testid="guarantee-reguarantee">
          <h2>{{ 'guarantees.reguarantee.title' | transloco }}</h2>
          <p>{{ 'guarantees.reguarantee.share' | transloco }} <strong data-testid="guarantee-reguarantee-share">{{ fen(rc.amountFen) }}</strong>
            · {{ 'guarantees.parties.localGovernment' | transloco }} {{ fen(rc.localGovernmentFen) }}
            @if (rc.payBy) { · {{ 'guarantees.reguarantee.payBy' | transloco }} {{ rc.payBy }} }
          </p>
          <p data-testid="guarantee-reguarantee-status">
            @if (rc.paidAt) {
              {{ 'guarantees.reguarantee.paid' | transloco }} {{ fen(rc.paidFen ?? 0) }} · {{ rc.paidBy?.username }}
            } @else if (rc.acknowledgedAt) {
              {{ 'guarantees.reguarantee.acknowledged' | transloco }} · {{ rc.acknowledgedBy?.username }}
            } @else {
              {{ 'guarantees.reguarantee.waiting' | transloco }}
            }
          </p>
          @if (isReguarantor(g) && !rc.paidAt) {
            <div class="actions">
              @if (!rc.acknowledgedAt) {
                <button matButton="filled" type="button" (click)="reguarantee(g.id, 'acknowledge', rc.amountFen)" data-testid="guarantee-reguarantee-acknowledge">{{ 'guarantees.reguarantee.acknowledge' | transloco }}</button>
              } @else {
                <button matButton="filled" type="button" (click)="reguarantee(g.id, 'pay', rc.amountFen)" data-testid="guarantee-reguarantee-pay">{{ 'guarantees.reguarantee.pay' | transloco }} {{ fen(rc.amountFen) }}</button>
              }
            </div>
          }
        </section>
      }

      <section class="actions" data-testid="guarantee-actions">
        @for (a of actions(); track a) {
          @switch (a) {
            @case ('recommend') {
              <form class="step" (ngSubmit)="recommend(g.id)">
                <mat-form-field><mat-label>{{ 'guarantees.proposedFee' | transloco }}</mat-label><input matInput name="fee" [(ngModel)]="feePercent" data-testid="guarantee-fee-input" /></mat-form-field>
                <mat-form-field><mat-label>{{ 'guarantees.shares' | transloco }}</mat-label><input matInput name="shares" [(ngModel)]="shares" data-testid="guarantee-shares-input" /></mat-form-field>
                <mat-form-field class="wide"><mat-label>{{ 'guarantees.findings' | transloco }}</mat-label><textarea matInput name="findings" [(ngModel)]="text" data-testid="guarantee-findings"></textarea></mat-form-field>
                <button matButton="filled" type="submit" data-testid="guarantee-recommend">{{ 'guarantees.actions.recommend' | transloco }}</button>
              </form>
            }
            @case ('issueLetter') {
              <form class="step" (ngSubmit)="issueLetter(g.id)">
                <label>{{ 'guarantees.counterKind.label' | transloco }}
                  <select name="cgk" data-testid="guarantee-counter-kind" [value]="counterKind()" (change)="chooseCounterKind(g.id, $any($event.target).value)">
                    <option value="other_security">{{ 'guarantees.counterKind.other_security' | transloco }}</option>
                    <option value="ecological_assets">{{ 'guarantees.counterKind.ecological_assets' | transloco }}</option>
                  </select>
                </label>
                <mat-form-field class="wide"><mat-label>{{ 'guarantees.counterGuarantee' | transloco }}</mat-label><input matInput name="cg" [(ngModel)]="text" data-testid="guarantee-counter-description" /></mat-form-field>
                @if (counterKind() === 'ecological_assets') {
                  <fieldset class="wide counter-assets" data-testid="guarantee-counter-assets">
                    <legend>{{ 'guarantees.counterKind.assets' | transloco }}</legend>
                    @for (a of counterAssets(); track a.id) {
                      <label class="counter-asset">
                        <input type="checkbox" [attr.data-testid]="'guarantee-counter-asset-' + a.id" [checked]="pickedAssets().includes(a.id)" (change)="toggleCounterAsset(a.id)" />
                        {{ a.name }} · {{ a.certificateNumber }} · {{ a.valueFen === null ? '—' : fen(a.valueFen) }}
                      </label>
                    } @empty {
                      <p class="muted" data-testid="guarantee-counter-assets-empty">{{ 'guarantees.counterKind.none' | transloco }}</p>
                    }
                    <p data-testid="guarantee-counter-assets-value">{{ 'guarantees.counterValue' | transloco }} {{ fen(pickedValueFen()) }}</p>
                  </fieldset>
                } @else {
                  <mat-form-field><mat-label>{{ 'guarantees.counterValue' | transloco }}</mat-label><input matInput name="cgv" [(ngModel)]="amountYuan" data-testid="guarantee-counter-value" /></mat-form-field>
                }
                <button matButton="filled" type="submit" data-testid="guarantee-issueLetter">{{ 'guarantees.actions.issueLetter' | transloco }}</button>
              </form>
            }
            @case ('submitClaim') {
              <form class="step" (ngSubmit)="claim(g.id)">
                <mat-form-field><mat-label>{{ 'guarantees.claimAmount' | transloco }}</mat-label><input matInput name="claim" [(ngModel)]="amountYuan" data-testid="guarantee-claim-amount" /></mat-form-field>
                @for (d of claimDocs; track d) {
                  <label>{{ 'guarantees.documents.' + d | transloco }} <input type="file" (change)="pick(d, $event)" [attr.data-testid]="'guarantee-claim-' + d" /></label>
                }
                <button matButton="filled" type="submit" data-testid="guarantee-submitClaim">{{ 'guarantees.actions.submitClaim' | transloco }}</button>
              </form>
            }
            @default {
              <button matButton="outlined" type="button" (click)="simple(g.id, a)" [attr.data-testid]="'guarantee-' + a">{{ 'guarantees.actions.' + a | transloco }}</button>
            }
          }
        }
        @if (g.state === 'RECOVERING' && can('guarantees.review')) {
          <form class="step" (ngSubmit)="recovery(g.id)">
            <mat-form-field><mat-label>{{ 'guarantees.recoveryAmount' | transloco }}</mat-label><input matInput name="rec" [(ngModel)]="amountYuan" data-testid="guarantee-recovery-amount" /></mat-form-field>
            <button matButton="filled" type="submit" data-testid="guarantee-record-recovery">{{ 'guarantees.recordRecovery' | transloco }}</button>
          </form>
        }
        @if (needsNote()) {
          <mat-form-field class="wide"><mat-label>{{ 'guarantees.note' | transloco }}</mat-label><input matInput name="note" [(ngModel)]="note" data-testid="guarantee-note" /></mat-form-field>
        }
      </section>

      <h2>{{ 'guarantees.timeline' | transloco }}</h2>
      <ol class="timeline" data-testid="guarantee-timeline">
        @for (h of g.history; track $index) {
          <li>{{ h.at | date: 'yyyy-MM-dd HH:mm' }} · {{ 'guarantees.states.' + h.to | transloco }} · {{ h.by?.username ?? 'system' }} @if (h.reason) { · {{ h.reason }} }</li>
        }
      </ol>
    }
  `,
  styles: `
    .glance { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; margin-block: 12px; }
    .glance div { display: flex; flex-direction: column; }
    .glance span { color: var(--mat-sys-on-surface-variant); font-size: 12px; }
    .actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-block: 16px; }
    .step { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; inline-size: 100%; }
    .wide { flex: 1 1 320px; }
    .ledger { border-collapse: collapse; }
    .ledger td, .ledger th { padding: 4px 8px; text-align: end; border-block-end: 1px solid var(--mat-sys-outline-variant); }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .counter-assets { display: flex; flex-direction: column; gap: 4px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; }
    .chip--warn { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); margin-inline-start: 8px; }
  `,
})
export class GuaranteeDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(GuaranteesApi);
  private readonly auth = inject(AuthService);
  protected readonly g = signal<Guarantee | null>(null);
  protected readonly error = signal<unknown>(null);
  /** The issue-letter form: other security, or the obligor's verified free ecological assets pledged all-or-none. */
  protected readonly counterKind = signal<'other_security' | 'ecological_assets'>('other_security');
  protected readonly counterAssets = signal<CounterGuaranteeAsset[]>([]);
  protected readonly pickedAssets = signal<string[]>([]);
  protected readonly fen = formatFen;
  protected readonly bp = formatBp;
  protected readonly claimDocs = ['overdueProof', 'contract', 'collectionRecord'] as const;
  protected feePercent = '1.00';
  protected shares = '40/30/20/10';
  protected text = '';
  protected note = '';
  protected amountYuan = '';
  private readonly files: Partial<Record<(typeof this.claimDocs)[number], File>> = {};

  ngOnInit(): void {
    this.reload();
  }

  protected can(permission: string): boolean {
    return this.auth.permissions().has(permission as never);
  }

  /** The caller works for the re-guarantor the claim was filed with. */
  protected isReguarantor(g: Guarantee): boolean {
    const institution = (this.auth.user() as { institution?: { id: string } | null } | null)?.institution;
    return !!institution && institution.id === g.reguarantorId && this.can('guarantees.review');
  }

  /** The re-guarantor acknowledges the claim, then pays exactly its share. */
  protected reguarantee(id: string, step: 'acknowledge' | 'pay', shareFen: number): void {
    const note = this.note || '—';
    this.api.step(id, `reguarantee-${step}`, step === 'pay' ? { amountFen: shareFen, note } : { note }).subscribe(this.done);
  }

  /** The steps the guarantee allows that the caller's permissions cover. */
  protected actions(): string[] {
    return (this.g()?.allowedActions ?? []).filter((a) => STEP_PERMISSION[a] && this.can(STEP_PERMISSION[a]));
  }

  protected needsNote(): boolean {
    return this.actions().some((a) => !['recommend', 'issueLetter', 'submitClaim', 'startDueDiligence', 'confirmDisbursement', 'release'].includes(a));
  }

  private reload(): void {
    this.api.get(this.id()).subscribe({ next: (g) => this.g.set(g), error: (e: unknown) => this.error.set(e) });
  }

  private done = {
    next: (g: Guarantee) => {
      this.error.set(null);
      this.g.set(g);
    },
    error: (e: unknown) => this.error.set(e),
  };

  protected simple(id: string, action: string): void {
    const path = action.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const note = this.note || '—';
    const bodies: Record<string, object> = {
      startDueDiligence: {}, confirmDisbursement: {}, release: {}, approve: { note }, reject: { reason: note }, decline: { reason: note },
      requestCounterGuarantee: { reason: note }, compensate: { note }, claimReguarantee: { note }, startRecovery: { note }, close: { note }, writeOff: { note },
    };
    const paths: Record<string, string> = { claimReguarantee: 'reguarantee-claim' };
    this.api.step(id, paths[action] ?? path, bodies[action] ?? {}).subscribe(this.done);
  }

  protected recommend(id: string): void {
    const [o, r, b, l] = this.shares.split('/').map((s) => Number(s.trim()) * 100);
    this.api.step(id, 'recommend', {
      proposedFeeRateBp: percentToBp(this.feePercent) ?? 0, findings: this.text || '—', conditions: [],
      riskShares: { originalGuarantorBp: o ?? 0, reguarantorBp: r ?? 0, bankBp: b ?? 0, localGovernmentBp: l ?? 0 },
    }).subscribe(this.done);
  }

  protected chooseCounterKind(id: string, kind: 'other_security' | 'ecological_assets'): void {
    this.counterKind.set(kind);
    if (kind === 'ecological_assets') {
      this.api.counterGuaranteeAssets(id).subscribe({ next: (assets) => this.counterAssets.set(assets), error: (e: unknown) => this.error.set(e) });
    }
  }

  protected toggleCounterAsset(assetId: string): void {
    this.pickedAssets.update((ids) => (ids.includes(assetId) ? ids.filter((x) => x !== assetId) : [...ids, assetId]));
  }

  /** The picked assets' last valuations, in fen. */
  protected pickedValueFen(): number {
    return this.counterAssets().filter((a) => this.pickedAssets().includes(a.id)).reduce((sum, a) => sum + (a.valueFen ?? 0), 0);
  }

  protected issueLetter(id: string): void {
    const counterGuarantee = this.counterKind() === 'ecological_assets'
      ? { kind: 'ecological_assets', description: this.text || '生态资产质押反担保', assetIds: this.counterAssets().map((a) => a.id).filter((a) => this.pickedAssets().includes(a)), valueFen: this.pickedValueFen() }
      : { kind: 'other_security', description: this.text || '—', valueFen: yuanToFen(this.amountYuan) ?? 0 };
    this.api.step(id, 'issue-letter', { counterGuarantee }).subscribe(this.done);
  }

  protected pick(kind: (typeof this.claimDocs)[number], event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.files[kind] = file;
  }

  protected claim(id: string): void {
    const [a, b, c] = this.claimDocs.map((d) => this.files[d]);
    if (!a || !b || !c) return;
    forkJoin([this.api.uploadDocument(a), this.api.uploadDocument(b), this.api.uploadDocument(c)]).subscribe({
      next: ([p, k, r]) => this.api.step(id, 'claim', { amountFen: yuanToFen(this.amountYuan) ?? 0, overdueProofDocumentId: p.id, contractDocumentId: k.id, collectionRecordDocumentId: r.id }).subscribe(this.done),
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected recovery(id: string): void {
    this.api.step(id, 'recoveries', { amountFen: yuanToFen(this.amountYuan) ?? 0, note: this.note || '—' }).subscribe(this.done);
  }

  protected download(id: string, kind: 'letter' | 'compensation-notice'): void {
    this.api.pdf(id, kind).subscribe({ next: (blob) => saveFile(blob, `guarantee-${kind}-${id}.pdf`), error: (e: unknown) => this.error.set(e) });
  }
}
