import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { EvidenceUploadComponent, UploadedDocument } from '../traceability/evidence-upload.component';
import { yuanToFen } from '../trading/trading.models';
import { DamageCase, DamageCasesApi } from './damage-cases.api';

const damageTypes = ['water_pollution', 'soil_pollution', 'air_pollution', 'vegetation_destruction', 'wetland_damage', 'groundwater_over_abstraction', 'wildlife_habitat'];

/**
 * The authority's damage compensation cases: open a case against a registered subject, then for the
 * selected case the step its state allows (assessment, agreement or judgment with one payment, a
 * payment, restoration progress, submission), and the second officer's review. A responsible
 * enterprise or organisation reads its own cases, a bank those of its applicants, without actions.
 */
@Component({
  selector: 'app-damage-cases-page',
  imports: [TranslocoPipe, ApiErrorComponent, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, EvidenceUploadComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'damage.title' | transloco }}</h1>
      <p>{{ 'damage.subtitle' | transloco }}</p>
      @if (!canManage()) { <p data-testid="damage-reader-note">{{ (isBank() ? 'damage.readerBank' : 'damage.readerSubject') | transloco }}</p> }
    </header>
    <app-api-error [error]="error()" />
    <table class="data" data-testid="damage-list">
      <thead><tr><th>{{ 'damage.caseNumber' | transloco }}</th><th>{{ 'damage.responsible' | transloco }}</th><th>{{ 'damage.type' | transloco }}</th><th>{{ 'damage.state' | transloco }}</th><th>{{ 'damage.paid' | transloco }}</th><th>{{ 'damage.restoration' | transloco }}</th></tr></thead>
      <tbody>
        @for (c of cases(); track c.id) {
          <tr data-testid="damage-row" [attr.data-state]="c.state" [class.selected]="c.id === selectedId()" (click)="selectedId.set(c.id)">
            <td>{{ c.caseNumber }}</td><td>{{ c.responsibleName }}</td><td>{{ 'damage.types.' + c.damageType | transloco }}</td><td>{{ 'damage.states.' + c.state | transloco }}</td>
            <td>{{ fen(c.paidFen) }} / {{ fen(c.totalDueFen) }}</td><td>{{ c.restoration.progressPct }} %</td>
          </tr>
        } @empty { <tr><td colspan="6">{{ 'damage.none' | transloco }}</td></tr> }
      </tbody>
    </table>

    @if (selected(); as c) {
      <section class="detail" data-testid="damage-detail">
        <h2>{{ c.caseNumber }} · {{ 'damage.states.' + c.state | transloco }}</h2>
        <p>{{ c.site }}（{{ c.region }}）— {{ c.description }}</p>
        @if (c.pointsEvent?.stored) { <p data-testid="damage-points">{{ 'damage.reportedToPoints' | transloco }}</p> }
        @if (c.creditRepairEvidence) { <p data-testid="damage-repair-evidence">{{ 'damage.repairEvidence' | transloco }}</p> }
        @if (canManage()) {
        <form class="form" (ngSubmit)="act(c)">
          @if (has(c, 'assess')) {
            <mat-form-field><mat-label>{{ 'damage.damageYuan' | transloco }}</mat-label><input matInput name="d" [(ngModel)]="f.damage" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'damage.restorationYuan' | transloco }}</mat-label><input matInput name="r" [(ngModel)]="f.restorationCost" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'damage.assessor' | transloco }}</mat-label><input matInput name="a" [(ngModel)]="f.text" /></mat-form-field>
          } @else if (has(c, 'resolve')) {
            <mat-form-field><mat-label>{{ 'damage.resolutionKind' | transloco }}</mat-label>
              <mat-select name="k" [(ngModel)]="f.kind"><mat-option value="agreement">{{ 'damage.agreement' | transloco }}</mat-option><mat-option value="judgment">{{ 'damage.judgment' | transloco }}</mat-option></mat-select></mat-form-field>
            <mat-form-field><mat-label>{{ 'damage.reference' | transloco }}</mat-label><input matInput name="ref" [(ngModel)]="f.text" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'damage.date' | transloco }}</mat-label><input matInput type="date" name="dt" [(ngModel)]="f.date" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'damage.amountYuan' | transloco }}</mat-label><input matInput name="am" [(ngModel)]="f.amount" /></mat-form-field>
          } @else if (has(c, 'recordPayment')) {
            <mat-form-field><mat-label>{{ 'damage.amountYuan' | transloco }}</mat-label><input matInput name="am" [(ngModel)]="f.amount" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'damage.date' | transloco }}</mat-label><input matInput type="date" name="dt" [(ngModel)]="f.date" /></mat-form-field>
            <mat-form-field><mat-label>{{ 'damage.reference' | transloco }}</mat-label><input matInput name="ref" [(ngModel)]="f.text" /></mat-form-field>
          } @else if (has(c, 'close')) {
            <mat-form-field class="wide"><mat-label>{{ 'damage.note' | transloco }}</mat-label><input matInput name="note" [(ngModel)]="f.text" /></mat-form-field>
          }
          @if (has(c, 'assess') || has(c, 'resolve')) {
            <app-evidence-upload testId="damage-evidence" [label]="'damage.evidence' | transloco" [removeLabel]="'damage.removeDocument' | transloco" [(documents)]="documents" (failed)="error.set($event)" />
          }
          @if (has(c, 'assess') || has(c, 'resolve') || has(c, 'recordPayment')) {
            <button mat-flat-button type="submit" data-testid="damage-act">{{ 'damage.actions.' + firstAction(c) | transloco }}</button>
          }
        </form>
        @if (has(c, 'updateRestoration')) {
          <form class="form" (ngSubmit)="restore(c)">
            <mat-form-field><mat-label>{{ 'damage.progress' | transloco }}</mat-label><input matInput type="number" name="p" [(ngModel)]="f.progress" /></mat-form-field>
            <mat-form-field class="wide"><mat-label>{{ 'damage.note' | transloco }}</mat-label><input matInput name="rn" [(ngModel)]="f.note" /></mat-form-field>
            <app-evidence-upload testId="restoration-evidence" [label]="'damage.evidence' | transloco" [removeLabel]="'damage.removeDocument' | transloco" [(documents)]="documents" (failed)="error.set($event)" />
            <button mat-stroked-button type="submit" data-testid="damage-restoration">{{ 'damage.actions.updateRestoration' | transloco }}</button>
            <button mat-flat-button type="button" (click)="submit(c)" data-testid="damage-submit">{{ 'damage.actions.submitForReview' | transloco }}</button>
          </form>
        }
        }
        @if (has(c, 'close') && canReview()) {
          <button mat-flat-button type="button" (click)="review(c, 'close')" data-testid="damage-close">{{ 'damage.actions.close' | transloco }}</button>
          <button mat-button type="button" (click)="review(c, 'return')" data-testid="damage-return">{{ 'damage.actions.returnForWork' | transloco }}</button>
        }
      </section>
    }

    @if (canManage()) {
      <section>
        <h2>{{ 'damage.open' | transloco }}</h2>
        <form class="form" (ngSubmit)="open()" data-testid="damage-open-form">
          <mat-form-field><mat-label>{{ 'damage.caseNumber' | transloco }}</mat-label><input matInput name="no" [(ngModel)]="o.caseNumber" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'damage.responsible' | transloco }}</mat-label>
            <mat-select name="s" [(ngModel)]="o.responsibleSubjectId">@for (s of subjects(); track s.id) { <mat-option [value]="s.id">{{ s.name }}</mat-option> }</mat-select></mat-form-field>
          <mat-form-field><mat-label>{{ 'damage.type' | transloco }}</mat-label>
            <mat-select name="t" [(ngModel)]="o.damageType">@for (t of types; track t) { <mat-option [value]="t">{{ 'damage.types.' + t | transloco }}</mat-option> }</mat-select></mat-form-field>
          <mat-form-field><mat-label>{{ 'damage.site' | transloco }}</mat-label><input matInput name="site" [(ngModel)]="o.site" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'damage.region' | transloco }}</mat-label><input matInput name="region" [(ngModel)]="o.region" /></mat-form-field>
          <mat-form-field><mat-label>{{ 'damage.occurredOn' | transloco }}</mat-label><input matInput type="date" name="on" [(ngModel)]="o.occurredOn" /></mat-form-field>
          <mat-form-field class="wide"><mat-label>{{ 'damage.description' | transloco }}</mat-label><input matInput name="desc" [(ngModel)]="o.description" /></mat-form-field>
          <button mat-flat-button type="submit" data-testid="damage-open">{{ 'damage.open' | transloco }}</button>
        </form>
      </section>
    }
  `,
  styles: `
    section { margin-block: 24px; }
    .data { inline-size: 100%; border-collapse: collapse; }
    .data th, .data td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .data tr { cursor: pointer; }
    .data tr.selected { background: var(--mat-sys-secondary-container); }
    .form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: baseline; }
    .wide { min-inline-size: 24em; }
  `,
})
export class DamageCasesPage implements OnInit {
  private readonly api = inject(DamageCasesApi);
  private readonly auth = inject(AuthService);
  protected readonly fen = formatFen;
  protected readonly types = damageTypes;
  protected readonly cases = signal<DamageCase[]>([]);
  protected readonly subjects = signal<{ id: string; name: string }[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => this.cases().find((c) => c.id === this.selectedId()) ?? null);
  protected readonly error = signal<unknown>(null);
  protected readonly canManage = computed(() => this.auth.permissions().has('damage.manage'));
  protected readonly canReview = computed(() => this.auth.permissions().has('damage.review'));
  /** Bank staff read the cases of their applicants; a responsible party reads its own (both without actions). */
  protected readonly isBank = computed(() => this.auth.permissions().has('loans.review') || this.auth.permissions().has('loans.approve'));
  /** Evidence of the step being recorded (assessment report, agreement or judgment, restoration photos). */
  protected readonly documents = signal<UploadedDocument[]>([]);
  protected f = { damage: '', restorationCost: '', amount: '', text: '', date: '', kind: 'agreement', progress: 0, note: '' };
  protected o = { caseNumber: '', responsibleSubjectId: '', damageType: 'water_pollution', site: '', region: '', occurredOn: '', description: '' };

  ngOnInit(): void {
    this.load();
    if (this.canManage()) this.api.subjects().subscribe({ next: (s) => this.subjects.set(s), error: (e: unknown) => this.error.set(e) });
  }

  private load(): void {
    this.api.list().subscribe({ next: (r) => this.cases.set(r.items), error: (e: unknown) => this.error.set(e) });
  }

  private readonly done = { next: (c: DamageCase) => { this.error.set(null); this.documents.set([]); this.selectedId.set(c.id); this.load(); }, error: (e: unknown) => this.error.set(e) };
  private readonly documentIds = (): string[] => this.documents().map((d) => d.id);

  protected has(c: DamageCase, action: string): boolean {
    return c.allowedActions.includes(action);
  }

  protected firstAction(c: DamageCase): string {
    return ['assess', 'resolve', 'recordPayment'].find((a) => this.has(c, a)) ?? '';
  }

  protected act(c: DamageCase): void {
    if (this.has(c, 'assess')) {
      this.api.act(c.id, 'assess', { damageFen: yuanToFen(this.f.damage) ?? 0, restorationCostFen: yuanToFen(this.f.restorationCost) ?? 0, assessor: this.f.text, documentIds: this.documentIds() }).subscribe(this.done);
    } else if (this.has(c, 'resolve')) {
      this.api.act(c.id, 'resolve', { kind: this.f.kind, reference: this.f.text, date: this.f.date, paymentPlan: [{ dueDate: this.f.date, amountFen: yuanToFen(this.f.amount) ?? 0 }], documentIds: this.documentIds() }).subscribe(this.done);
    } else if (this.has(c, 'recordPayment')) {
      this.api.act(c.id, 'payments', { amountFen: yuanToFen(this.f.amount) ?? 0, paidOn: this.f.date, reference: this.f.text }).subscribe(this.done);
    }
  }

  protected restore(c: DamageCase): void {
    this.api.act(c.id, 'restoration', { progressPct: Number(this.f.progress), note: this.f.note, documentIds: this.documentIds() }).subscribe(this.done);
  }

  protected submit(c: DamageCase): void {
    this.api.act(c.id, 'submit', {}).subscribe(this.done);
  }

  protected review(c: DamageCase, decision: 'close' | 'return'): void {
    this.api.act(c.id, 'review', { decision, note: this.f.text || (decision === 'close' ? '同意结案' : '退回补充') }).subscribe(this.done);
  }

  protected open(): void {
    this.api.open({ ...this.o }).subscribe(this.done);
  }
}
