import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, switchMap } from 'rxjs';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen, yuanToFen } from './loan-format';
import { LoansApi } from './loans.api';
import { ApplicationInput, Bank, LoanApplication, RepaymentFrequency, RepaymentMethod, TaxonomyUse } from './loans.models';

interface FreeAsset { id: string; name: string; assetType: string; certificateNumber: string; lastValuation: { valueFen: number } | null }

/** The applicant's application: amount, term, purpose, green category, verified assets, banks; save a draft, then submit. */
@Component({
  selector: 'app-loan-apply-page',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'loans.applyTitle' | transloco }}</h1>
        <p>{{ 'loans.applySubtitle' | transloco }}</p>
      </div>
      @if (draft(); as d) {
        <span class="chip" data-testid="application-state" [attr.data-state]="d.state">{{ 'loans.applicationStates.' + d.state | transloco }}</span>
      }
    </header>
    <app-api-error [error]="error()" />
    <section class="step">
      <h2>1 · {{ 'loans.stepLoan' | transloco }}</h2>
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'loans.amountYuan' | transloco }}</mat-label>
          <input matInput inputmode="decimal" [(ngModel)]="amountYuan" data-testid="loan-amount" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'loans.termMonths' | transloco }}</mat-label>
          <input matInput type="number" min="1" max="360" [(ngModel)]="termMonths" data-testid="loan-term" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'loans.repaymentMethod' | transloco }}</mat-label>
          <select matNativeControl [(ngModel)]="repaymentMethod" data-testid="loan-method">
            <option value="equal_instalment">{{ 'loans.methods.equal_instalment' | transloco }}</option>
            <option value="equal_principal">{{ 'loans.methods.equal_principal' | transloco }}</option>
          </select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'loans.frequency' | transloco }}</mat-label>
          <select matNativeControl [(ngModel)]="frequency" data-testid="loan-frequency">
            <option value="monthly">{{ 'loans.frequencies.monthly' | transloco }}</option>
            <option value="quarterly">{{ 'loans.frequencies.quarterly' | transloco }}</option>
          </select>
        </mat-form-field>
      </div>
      <mat-form-field class="wide">
        <mat-label>{{ 'loans.purpose' | transloco }}</mat-label>
        <textarea matInput rows="2" [(ngModel)]="purpose" data-testid="loan-purpose"></textarea>
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>{{ 'loans.taxonomy' | transloco }}</mat-label>
        <select matNativeControl [(ngModel)]="taxonomyCode" data-testid="loan-taxonomy">
          <option value="">—</option>
          @for (u of uses(); track u.code) {
            <option [value]="u.code">{{ lang() === 'en' ? u.category.en + ' · ' + u.en : u.category.zh + ' · ' + u.zh }}</option>
          }
        </select>
      </mat-form-field>
    </section>
    <section class="step">
      <h2>2 · {{ 'loans.stepAssets' | transloco }}</h2>
      @for (a of assets(); track a.id) {
        <mat-checkbox [checked]="assetIds().includes(a.id)" (change)="toggle(assetIds, a.id)" [attr.data-testid]="'loan-asset-' + a.id">
          {{ a.name }} <span class="mono muted">{{ a.certificateNumber }}</span> · {{ fen(a.lastValuation?.valueFen) }}
        </mat-checkbox>
      } @empty {
        <p class="muted" data-testid="loan-no-assets">{{ 'loans.noFreeAssets' | transloco }}</p>
      }
    </section>
    <section class="step">
      <h2>3 · {{ 'loans.stepDocuments' | transloco }}</h2>
      <input type="file" accept="application/pdf,image/png,image/jpeg" multiple (change)="upload($event)" data-testid="loan-document" />
      <ul class="documents" data-testid="loan-documents">
        @for (d of documents(); track d.id) {
          <li>{{ d.filename }} <span class="mono muted" title="SHA-256">{{ d.sha256.slice(0, 16) }}…</span></li>
        }
      </ul>
    </section>
    <section class="step">
      <h2>4 · {{ 'loans.stepBanks' | transloco }}</h2>
      @for (b of banks(); track b.id) {
        <mat-checkbox [checked]="bankIds().includes(b.id)" (change)="toggle(bankIds, b.id)" [attr.data-testid]="'loan-bank-' + b.id" [attr.data-bank-name]="b.name">
          {{ lang() === 'en' && b.nameEn ? b.nameEn : b.name }} · {{ b.region }}
        </mat-checkbox>
      }
    </section>
    <div class="actions">
      <button matButton="outlined" type="button" (click)="save()" data-testid="loan-save-draft">{{ 'loans.saveDraft' | transloco }}</button>
      <button matButton="filled" type="button" [disabled]="!ready()" (click)="submit()" data-testid="loan-submit">{{ 'loans.submit' | transloco }}</button>
      @if (saved()) {
        <span class="muted" data-testid="loan-draft-saved">{{ 'loans.draftSaved' | transloco }}</span>
      }
    </div>
  `,
  styles: `
    .step { margin-block-end: 16px; display: flex; flex-direction: column; gap: 4px; }
    .row { display: flex; flex-wrap: wrap; gap: 12px; }
    .wide { inline-size: min(100%, 640px); }
    .actions { display: flex; gap: 12px; align-items: center; }
  `,
})
export class LoanApplyPage implements OnInit {
  /** An existing draft to continue (route /loans/apply/:id), else a new one. */
  readonly id = input<string>();
  private readonly api = inject(LoansApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly uses = signal<TaxonomyUse[]>([]);
  protected readonly banks = signal<Bank[]>([]);
  protected readonly assets = signal<FreeAsset[]>([]);
  protected readonly assetIds = signal<string[]>([]);
  protected readonly bankIds = signal<string[]>([]);
  protected readonly documents = signal<{ id: string; filename: string; sha256: string }[]>([]);
  protected readonly draft = signal<LoanApplication | null>(null);
  protected readonly saved = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected readonly lang = signal(this.transloco.getActiveLang());
  protected amountYuan = '';
  protected termMonths: number | null = 24;
  protected purpose = '';
  protected taxonomyCode = '';
  protected repaymentMethod: RepaymentMethod = 'equal_instalment';
  protected frequency: RepaymentFrequency = 'monthly';
  protected readonly ready = computed(() => this.assetIds().length > 0 && this.bankIds().length > 0);

  ngOnInit(): void {
    this.api.taxonomy().subscribe({ next: (t) => this.uses.set(t.entries), error: (e: unknown) => this.error.set(e) });
    this.api.banks().subscribe({ next: (b) => this.banks.set(b), error: (e: unknown) => this.error.set(e) });
    this.api.freeAssets().subscribe({ next: (p) => this.assets.set(p.items), error: (e: unknown) => this.error.set(e) });
    const id = this.id();
    if (id) this.api.application(id).subscribe({ next: (a) => this.fill(a), error: (e: unknown) => this.error.set(e) });
  }

  protected toggle(list: ReturnType<typeof signal<string[]>>, id: string): void {
    list.update((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  }

  protected upload(event: Event): void {
    const files = Array.from((event.target as HTMLInputElement).files ?? []);
    for (const file of files) {
      this.api.uploadDocument(file).subscribe({
        next: (d) => this.documents.update((list) => (list.some((x) => x.id === d.id) ? list : [...list, { id: d.id, filename: d.filename, sha256: d.sha256 }])),
        error: (e: unknown) => this.error.set(e),
      });
    }
  }

  protected save(): void {
    this.persist().subscribe({ next: (a) => { this.fill(a); this.saved.set(true); }, error: (e: unknown) => this.error.set(e) });
  }

  protected submit(): void {
    this.persist().pipe(switchMap((a) => this.api.submit(a.id))).subscribe({
      next: () => void this.router.navigate(['/loans']),
      error: (e: unknown) => this.error.set(e),
    });
  }

  private persist(): Observable<LoanApplication> {
    this.error.set(null);
    const draft = this.draft();
    return draft ? this.api.updateDraft(draft.id, this.input()) : this.api.createDraft(this.input());
  }

  private input(): ApplicationInput {
    const input: ApplicationInput = { repaymentMethod: this.repaymentMethod, frequency: this.frequency, assetIds: this.assetIds(), bankIds: this.bankIds(), documentIds: this.documents().map((d) => d.id) };
    const amountFen = yuanToFen(this.amountYuan);
    if (amountFen) input.amountFen = amountFen;
    if (this.termMonths) input.termMonths = Number(this.termMonths);
    if (this.purpose.trim()) input.purpose = this.purpose.trim();
    if (this.taxonomyCode) input.taxonomyCode = this.taxonomyCode;
    return input;
  }

  private fill(a: LoanApplication): void {
    this.draft.set(a);
    this.amountYuan = a.amountFen === null ? '' : String(a.amountFen / 100);
    this.termMonths = a.termMonths;
    this.purpose = a.purpose ?? '';
    this.taxonomyCode = a.taxonomyCode ?? '';
    this.repaymentMethod = a.repaymentMethod;
    this.frequency = a.frequency;
    this.assetIds.set(a.assetIds);
    this.bankIds.set(a.bankIds);
    this.documents.set(a.documents);
  }
}
