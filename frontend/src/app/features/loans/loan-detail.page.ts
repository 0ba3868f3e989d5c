import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { saveFile } from '../valuations/save-file';
import { formatBp, formatFen, percentToBp, yuanToFen } from './loan-format';
import { LoansApi } from './loans.api';
import { DocumentRef, Instalment, Loan, LoanDetail, Outstanding, REJECTION_REASONS, Repayment } from './loans.models';

type PdfKind = 'credit-assessment' | 'approval-letter' | 'repayment-schedule';

/** One loan: the application, the pre-screen at a glance, the timeline, the steps the caller may take, schedule and repayments. */
@Component({
  selector: 'app-loan-detail-page',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-api-error [error]="error()" />
    @if (loan(); as l) {
      <header class="page-header">
        <div class="page-header__text">
          <h1 data-testid="loan-title">{{ l.applicantName }} · {{ fen(l.amountFen) }}</h1>
          <p>{{ l.bankName }} · {{ l.purpose }} · <span class="mono">{{ l.taxonomyCode }}</span></p>
        </div>
        <div class="page-header__actions">
          <span class="chip" data-testid="loan-state" [attr.data-state]="l.state">{{ 'loans.states.' + l.state | transloco }}</span>
        </div>
      </header>

      <section class="glance" data-testid="loan-glance">
        <div><span>{{ 'loans.grade' | transloco }}</span><strong>{{ l.glance.grade ?? '—' }}</strong></div>
        <div><span>{{ 'loans.collateralValue' | transloco }}</span><strong>{{ fen(l.glance.collateralValueFen) }}</strong></div>
        <div><span>{{ 'loans.maxLoan' | transloco }}</span><strong>{{ fen(l.glance.maxLoanFen) }}</strong></div>
        <div><span>LTV</span><strong>{{ bp(l.glance.ltvBp) }}</strong></div>
        <div><span>{{ 'loans.suggestedRate' | transloco }}</span><strong>{{ bp(l.glance.suggestedAnnualRateBp) }}</strong></div>
        <div><span>{{ 'loans.ageDays' | transloco }}</span><strong>{{ l.ageDays }}</strong></div>
      </section>

      @if (l.application.prescreen; as p) {
        <h2>{{ 'loans.valuations' | transloco }}
          @if (!isApplicant()) {
            <button matButton="text" type="button" (click)="rerunPrescreen(l.applicationId)" data-testid="loan-prescreen-rerun">{{ 'loans.rerunPrescreen' | transloco }}</button>
          }
        </h2>
        <ul class="plain">
          @for (v of p.valuations; track v.assetId) {
            <li>{{ v.name }}：{{ fen(v.valueFen) }} · {{ 'loans.lendingValue' | transloco }} {{ fen(v.lendingValueFen) }} · {{ 'loans.maxLoan' | transloco }} {{ fen(v.maxLoanFen) }}</li>
          }
          @for (r of p.reasons; track $index) {
            <li class="muted">{{ r.message }}</li>
          }
        </ul>
      }

      @if (l.recommendation; as r) {
        <h2>{{ 'loans.recommendation' | transloco }}</h2>
        <p data-testid="loan-recommendation">{{ fen(r.amountFen) }} · {{ bp(r.annualRateBp) }} · {{ r.termMonths }} {{ 'loans.months' | transloco }} · {{ r.conditions.join('；') }} · {{ r.notes }} （{{ r.by.username }}）</p>
      }
      @if (l.rejection; as r) {
        <p class="error" data-testid="loan-rejection">{{ r.applicantMessage }}（{{ r.reasonCodes.join(', ') }}）</p>
      }
      @for (m of l.infoRequests; track $index) {
        <p class="muted" data-testid="loan-info-message" [attr.data-kind]="m.kind">{{ (m.kind === 'request' ? 'loans.infoRequest' : 'loans.infoAnswer') | transloco }}：{{ m.message }}（{{ m.by }}）
          @for (d of m.documents ?? []; track d.id) {
            <span class="doc-chip" [title]="'SHA-256 ' + d.sha256">{{ d.filename }}</span>
          }
        </p>
      }

      <div class="actions">
        @if (can('startReview', 'loans.review')) {
          <button matButton="filled" type="button" (click)="run(api.step(l.id, 'start-review'))" data-testid="loan-start-review">{{ 'loans.startReview' | transloco }}</button>
        }
        @if (can('assessGreen', 'loans.review')) {
          <button matButton="filled" type="button" (click)="run(api.step(l.id, 'assess', { taxonomyCode: l.taxonomyCode, note: note }))" data-testid="loan-assess">{{ 'loans.assess' | transloco }}</button>
        }
        @if (can('requestInfo', 'loans.review') || can('provideInfo', 'loans.apply') || can('decline', 'loans.review') || can('undoApproval', 'loans.approve') || can('withdraw', 'loans.apply')) {
          <mat-form-field class="note">
            <mat-label>{{ 'loans.message' | transloco }}</mat-label>
            <input matInput [(ngModel)]="note" data-testid="loan-message" />
          </mat-form-field>
        }
        @if (can('requestInfo', 'loans.review')) {
          <button matButton="outlined" type="button" [disabled]="!note" (click)="run(api.step(l.id, 'request-info', { message: note }))" data-testid="loan-request-info">{{ 'loans.requestInfo' | transloco }}</button>
        }
        @if (can('provideInfo', 'loans.apply')) {
          <button matButton="filled" type="button" [disabled]="!note || uploading() > 0" (click)="provideInfo(l)" data-testid="loan-provide-info">{{ 'loans.provideInfo' | transloco }}</button>
        }
        @if (can('requestGuarantee', 'loans.review')) {
          <button matButton="outlined" type="button" (click)="run(api.step(l.id, 'request-guarantee', { reason: note || '需担保' }))" data-testid="loan-guarantee">{{ 'loans.requestGuarantee' | transloco }}</button>
        }
        @if (can('withdraw', 'loans.apply')) {
          <button matButton="outlined" type="button" (click)="run(api.step(l.id, 'withdraw', { reason: note || '—' }))" data-testid="loan-withdraw">{{ 'loans.withdraw' | transloco }}</button>
        }
        @if (can('accept', 'loans.apply')) {
          <button matButton="filled" type="button" (click)="run(api.step(l.id, 'accept'))" data-testid="loan-accept">{{ 'loans.acceptOffer' | transloco }}</button>
        }
        @if (can('disburse', 'loans.review')) {
          <button matButton="filled" type="button" (click)="run(api.step(l.id, 'disburse'))" data-testid="loan-disburse">{{ 'loans.disburse' | transloco }}</button>
        }
        @if (can('approve', 'loans.approve')) {
          <mat-form-field class="note">
            <mat-label>{{ 'loans.decisionNote' | transloco }}</mat-label>
            <input matInput [(ngModel)]="note" data-testid="loan-decision-note" />
          </mat-form-field>
          <button matButton="filled" type="button" (click)="run(api.step(l.id, 'approve', { note: note }))" data-testid="loan-approve">{{ 'loans.approve' | transloco }}</button>
        }
        @if (can('undoApproval', 'loans.approve')) {
          <button matButton="outlined" type="button" (click)="run(api.step(l.id, 'undo-approval', { reason: note || '—' }))" data-testid="loan-undo-approval">{{ 'loans.undoApproval' | transloco }}</button>
        }
        @if (can('writeOff', 'loans.approve')) {
          <button matButton="outlined" type="button" (click)="run(api.step(l.id, 'write-off', { reason: note || '—' }))" data-testid="loan-write-off">{{ 'loans.writeOff' | transloco }}</button>
        }
      </div>

      @if (can('provideInfo', 'loans.apply')) {
        <section class="info-documents" data-testid="loan-info-attachments">
          <label class="muted" for="loan-info-document">{{ 'loans.infoDocuments' | transloco }}</label>
          <input id="loan-info-document" type="file" accept="application/pdf,image/png,image/jpeg" multiple (change)="upload($event)" data-testid="loan-info-document" />
          @if (uploading() > 0) {
            <span class="muted" data-testid="loan-info-uploading">{{ 'loans.uploading' | transloco }}</span>
          }
          <ul class="plain" data-testid="loan-info-documents">
            @for (d of infoDocuments(); track d.id) {
              <li data-testid="loan-info-document-item" [attr.data-document-id]="d.id">
                {{ d.filename }} · <span class="mono muted">SHA-256 {{ d.sha256 }}</span>
                <button matButton="text" type="button" (click)="removeDocument(d.id)" data-testid="loan-info-document-remove">{{ 'loans.removeDocument' | transloco }}</button>
              </li>
            }
          </ul>
        </section>
      }

      @if (can('recommend', 'loans.review')) {
        <section class="form" data-testid="loan-recommend-form">
          <h2>{{ 'loans.recommend' | transloco }}</h2>
          <mat-form-field><mat-label>{{ 'loans.amountYuan' | transloco }}</mat-label><input matInput [(ngModel)]="recAmount" data-testid="loan-rec-amount" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'loans.ratePercent' | transloco }}</mat-label><input matInput [(ngModel)]="recRate" data-testid="loan-rec-rate" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'loans.termMonths' | transloco }}</mat-label><input matInput type="number" [(ngModel)]="recTerm" data-testid="loan-rec-term" /></mat-form-field>
          <mat-form-field class="note"><mat-label>{{ 'loans.conditions' | transloco }}</mat-label><input matInput [(ngModel)]="recConditions" data-testid="loan-rec-conditions" /></mat-form-field>
          <mat-form-field class="note"><mat-label>{{ 'loans.notes' | transloco }}</mat-label><input matInput [(ngModel)]="recNotes" data-testid="loan-rec-notes" /></mat-form-field>
          <button matButton="filled" type="button" (click)="recommend(l)" data-testid="loan-recommend">{{ 'loans.recommend' | transloco }}</button>
        </section>
      }
      @if (can('reject', 'loans.approve') || can('decline', 'loans.review')) {
        <section class="form">
          <mat-form-field>
            <mat-label>{{ 'loans.reasonCode' | transloco }}</mat-label>
            <select matNativeControl [(ngModel)]="reasonCode" data-testid="loan-reason-code">
              @for (r of reasons; track r) { <option [value]="r">{{ 'loans.reasons.' + r | transloco }}</option> }
            </select>
          </mat-form-field>
          <mat-form-field class="note"><mat-label>{{ 'loans.applicantMessage' | transloco }}</mat-label><input matInput [(ngModel)]="applicantMessage" data-testid="loan-applicant-message" /></mat-form-field>
          <button matButton="outlined" type="button" [disabled]="!applicantMessage" (click)="reject(l)" data-testid="loan-reject">{{ 'loans.reject' | transloco }}</button>
        </section>
      }

      <div class="actions">
        @if (!isApplicant()) {
          <button matButton="text" type="button" (click)="download(l.id, 'credit-assessment')" data-testid="loan-pdf-credit-assessment">{{ 'loans.pdf.credit-assessment' | transloco }}</button>
        }
        @if (l.decision?.decision === 'approved') {
          <button matButton="text" type="button" (click)="download(l.id, 'approval-letter')" data-testid="loan-pdf-approval-letter">{{ 'loans.pdf.approval-letter' | transloco }}</button>
        }
        @if (l.schedule) {
          <button matButton="text" type="button" (click)="download(l.id, 'repayment-schedule')" data-testid="loan-pdf-repayment-schedule">{{ 'loans.pdf.repayment-schedule' | transloco }}</button>
        }
      </div>

      <h2>{{ 'loans.timeline' | transloco }}</h2>
      <ol class="timeline" data-testid="loan-timeline">
        @for (h of l.history; track $index) {
          <li [attr.data-to]="h.to">{{ h.at | date: 'yyyy-MM-dd HH:mm' }} · {{ 'loans.states.' + h.to | transloco }} · {{ h.by?.username ?? ('loans.system' | transloco) }}@if (h.reason) { · {{ h.reason }} }</li>
        }
      </ol>

      @if (schedule().length) {
        <h2>{{ 'loans.schedule' | transloco }}</h2>
        @if (outstanding(); as o) {
          <p data-testid="loan-outstanding">{{ 'loans.outstanding' | transloco }} {{ fen(o.principalOutstandingFen) }} · {{ 'loans.interestAccrued' | transloco }} {{ fen(o.interestAccruedFen) }} · {{ 'loans.penalty' | transloco }} {{ fen(o.penaltyFen) }}</p>
        }
        @if (canRecord()) {
          <section class="form">
            <mat-form-field><mat-label>{{ 'loans.amountYuan' | transloco }}</mat-label><input matInput [(ngModel)]="payAmount" data-testid="loan-pay-amount" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'loans.date' | transloco }}</mat-label><input matInput type="date" [(ngModel)]="payDate" data-testid="loan-pay-date" /></mat-form-field>
            <button matButton="tonal" type="button" (click)="repay(l)" data-testid="loan-repay">{{ 'loans.recordRepayment' | transloco }}</button>
          </section>
        }
        <div class="table-card">
          <div class="table-scroll">
            <table mat-table [dataSource]="schedule()" data-testid="loan-schedule">
              <ng-container matColumnDef="number"><th mat-header-cell *matHeaderCellDef>#</th><td mat-cell *matCellDef="let i">{{ i.number }}</td></ng-container>
              <ng-container matColumnDef="due"><th mat-header-cell *matHeaderCellDef>{{ 'loans.dueDate' | transloco }}</th><td mat-cell *matCellDef="let i">{{ i.dueDate }}</td></ng-container>
              <ng-container matColumnDef="principal"><th mat-header-cell *matHeaderCellDef>{{ 'loans.principal' | transloco }}</th><td mat-cell *matCellDef="let i" class="nowrap">{{ fen(i.principalFen) }}</td></ng-container>
              <ng-container matColumnDef="interest"><th mat-header-cell *matHeaderCellDef>{{ 'loans.interest' | transloco }}</th><td mat-cell *matCellDef="let i" class="nowrap">{{ fen(i.interestFen) }}</td></ng-container>
              <ng-container matColumnDef="total"><th mat-header-cell *matHeaderCellDef>{{ 'loans.total' | transloco }}</th><td mat-cell *matCellDef="let i" class="nowrap">{{ fen(i.totalFen) }}</td></ng-container>
              <ng-container matColumnDef="closing"><th mat-header-cell *matHeaderCellDef>{{ 'loans.closingPrincipal' | transloco }}</th><td mat-cell *matCellDef="let i" class="nowrap">{{ fen(i.closingPrincipalFen) }}</td></ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let i; columns: columns" data-testid="instalment-row"></tr>
            </table>
          </div>
        </div>
        <h2>{{ 'loans.repayments' | transloco }}</h2>
        <ul class="plain" data-testid="loan-repayments">
          @for (r of repayments(); track r.seq) {
            <li>{{ r.date }} · {{ 'loans.kinds.' + r.kind | transloco }} · {{ fen(r.amountFen) }}（{{ 'loans.applied' | transloco }} {{ fen(r.appliedFen) }}）</li>
          } @empty {
            <li class="muted">{{ 'loans.noRepayments' | transloco }}</li>
          }
        </ul>
      }
    }
  `,
  styles: `
    .glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; margin-block: 12px; }
    .glance div { display: flex; flex-direction: column; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-surface-container); }
    .glance span { color: var(--mat-sys-on-surface-variant); font-size: 0.8rem; }
    .actions, .form { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-block: 12px; }
    .note { inline-size: 260px; }
    .plain { padding-inline-start: 18px; }
    .error { color: var(--mat-sys-error); }
    .timeline { padding-inline-start: 20px; }
    .info-documents { display: flex; flex-direction: column; gap: 4px; margin-block: 12px; }
    .info-documents .mono { overflow-wrap: anywhere; }
    .doc-chip { margin-inline-start: 8px; padding-inline: 8px; border-radius: 999px; background: var(--mat-sys-surface-container-high); }
  `,
})
export class LoanDetailPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly api = inject(LoansApi);
  private readonly auth = inject(AuthService);
  protected readonly loan = signal<LoanDetail | null>(null);
  protected readonly schedule = signal<Instalment[]>([]);
  protected readonly outstanding = signal<Outstanding | null>(null);
  protected readonly repayments = signal<Repayment[]>([]);
  protected readonly error = signal<unknown>(null);
  /** Documents uploaded for the answer to the bank's information request, sent with it. */
  protected readonly infoDocuments = signal<DocumentRef[]>([]);
  protected readonly uploading = signal(0);
  protected readonly fen = formatFen;
  protected readonly bp = formatBp;
  protected readonly reasons = REJECTION_REASONS;
  protected readonly columns = ['number', 'due', 'principal', 'interest', 'total', 'closing'];
  protected readonly isApplicant = computed(() => this.auth.user()?.subject?.id === this.loan()?.subjectId);
  protected readonly canRecord = computed(() => this.auth.permissions().has('loans.review') && ['ACTIVE', 'OVERDUE'].includes(this.loan()?.state ?? ''));
  protected note = '';
  protected recAmount = '';
  protected recRate = '';
  protected recTerm: number | null = null;
  protected recConditions = '';
  protected recNotes = '';
  protected reasonCode: string = REJECTION_REASONS[0];
  protected applicantMessage = '';
  protected payAmount = '';
  protected payDate = new Date().toISOString().slice(0, 10);

  ngOnInit(): void {
    this.load();
  }

  /** The step is allowed in the loan's state and the caller holds its permission. */
  protected can(action: string, permission: string): boolean {
    const loan = this.loan();
    return !!loan && loan.allowedActions.includes(action) && this.auth.permissions().has(permission);
  }

  protected run(step: Observable<Loan>): void {
    this.error.set(null);
    step.subscribe({ next: () => this.load(), error: (e: unknown) => this.error.set(e) });
  }

  /** Uploads each chosen file (stored with its SHA-256) to send with the answer. */
  protected upload(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    for (const file of files) {
      this.uploading.update((n) => n + 1);
      this.api.uploadDocument(file).subscribe({
        next: (d) => {
          this.uploading.update((n) => n - 1);
          this.infoDocuments.update((list) => (list.some((x) => x.id === d.id) ? list : [...list, { id: d.id, filename: d.filename, sha256: d.sha256 }]));
        },
        error: (e: unknown) => {
          this.uploading.update((n) => n - 1);
          this.error.set(e);
        },
      });
    }
    input.value = '';
  }

  protected removeDocument(id: string): void {
    this.infoDocuments.update((list) => list.filter((d) => d.id !== id));
  }

  /** The applicant's answer: the message and the ids of the documents uploaded for it. */
  protected provideInfo(l: LoanDetail): void {
    const documentIds = this.infoDocuments().map((d) => d.id);
    this.error.set(null);
    this.api.step(l.id, 'provide-info', { message: this.note, ...(documentIds.length ? { documentIds } : {}) }).subscribe({
      next: () => {
        this.infoDocuments.set([]);
        this.note = '';
        this.load();
      },
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected rerunPrescreen(applicationId: string): void {
    this.error.set(null);
    this.api.prescreen(applicationId).subscribe({ next: () => this.load(), error: (e: unknown) => this.error.set(e) });
  }

  protected recommend(l: LoanDetail): void {
    this.run(this.api.recommend(l.id, {
      amountFen: yuanToFen(this.recAmount) ?? 0,
      annualRateBp: percentToBp(this.recRate) ?? 0,
      termMonths: Number(this.recTerm ?? l.termMonths),
      conditions: this.recConditions.split(/[;；]/).map((c) => c.trim()).filter(Boolean),
      notes: this.recNotes,
    }));
  }

  protected reject(l: LoanDetail): void {
    const step = l.state === 'PENDING_APPROVAL' ? 'reject' : 'decline';
    this.run(this.api.reject(l.id, step, { reasonCodes: [this.reasonCode], applicantMessage: this.applicantMessage, note: this.note }));
  }

  protected repay(l: LoanDetail): void {
    this.run(this.api.repay(l.id, yuanToFen(this.payAmount) ?? 0, this.payDate));
  }

  protected download(id: string, kind: PdfKind): void {
    this.api.pdf(id, kind).subscribe({ next: (blob) => saveFile(blob, `${kind}-${id}.pdf`), error: (e: unknown) => this.error.set(e) });
  }

  private load(): void {
    this.api.loan(this.id()).subscribe({
      next: (l) => {
        this.loan.set(l);
        if (!this.recAmount) {
          this.recAmount = String((l.recommendation?.amountFen ?? l.amountFen) / 100);
          this.recRate = l.glance.suggestedAnnualRateBp === null ? '' : (l.glance.suggestedAnnualRateBp / 100).toFixed(2);
          this.recTerm = l.termMonths;
        }
        if (l.schedule) this.loadRepayments();
      },
      error: (e: unknown) => this.error.set(e),
    });
  }

  private loadRepayments(): void {
    this.api.repayments(this.id()).subscribe({
      next: (r) => {
        this.schedule.set(r.schedule?.instalments ?? []);
        this.outstanding.set(r.outstanding);
        this.repayments.set(r.repayments);
      },
      error: (e: unknown) => this.error.set(e),
    });
  }
}
