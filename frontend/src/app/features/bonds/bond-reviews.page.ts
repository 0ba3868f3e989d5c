import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { BondsApi } from './bonds.api';
import { Bond, ImpactReport, REVIEW_TYPES } from './bonds.models';

/** The external reviewer's queue: frameworks waiting for an opinion (with the report document), and impact reports to verify. */
@Component({
  selector: 'app-bond-reviews-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'bonds.reviewsTitle' | transloco }}</h1>
        <p>{{ 'bonds.reviewsSubtitle' | transloco }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    @for (b of queue(); track b.id) {
      <article class="card" data-testid="review-item" [attr.data-bond-id]="b.id">
        <h2><a [routerLink]="['/bonds', b.id]">{{ b.name }}</a></h2>
        <p class="muted">{{ b.issuerName }} · {{ b.projects.length }} {{ 'bonds.projectsCount' | transloco }} ·
          @for (s of b.framework.standards; track s) { <span class="chip">{{ 'bonds.standard.' + s | transloco }}</span> }</p>
        <div class="form">
          <select data-testid="review-type" #type>
            @for (t of types; track t) { <option [value]="t">{{ 'bonds.reviewTypes.' + t | transloco }}</option> }
          </select>
          <select data-testid="review-conclusion" #conclusion>
            <option value="aligned">{{ 'bonds.conclusions.aligned' | transloco }}</option>
            <option value="aligned_with_recommendations">{{ 'bonds.conclusions.aligned_with_recommendations' | transloco }}</option>
          </select>
          <textarea rows="3" data-testid="review-opinion" [placeholder]="'bonds.opinion' | transloco" #opinion></textarea>
          <input type="file" accept="application/pdf" data-testid="review-document" (change)="pick($event)" />
          <div class="actions">
            <button matButton="filled" type="button" data-testid="review-submit" [disabled]="!file()" (click)="review(b.id, type.value, conclusion.value, opinion.value)">{{ 'bonds.submitReview' | transloco }}</button>
            <button matButton="text" type="button" data-testid="review-request-changes" (click)="requestChanges(b.id, opinion.value)">{{ 'bonds.requestChanges' | transloco }}</button>
          </div>
        </div>
      </article>
    } @empty {
      <p class="table-empty" data-testid="reviews-empty">{{ 'bonds.noReviews' | transloco }}</p>
    }
    <h2>{{ 'bonds.reportsToVerify' | transloco }}</h2>
    @for (r of reports(); track r.id) {
      <div class="card row" data-testid="verify-item">
        {{ r.year }} · <a [routerLink]="['/bonds', r.bondId]">{{ 'bonds.open' | transloco }}</a>
        <button matButton="filled" type="button" data-testid="report-verify" (click)="verify(r.id)">{{ 'bonds.verify' | transloco }}</button>
      </div>
    } @empty {
      <p class="table-empty">{{ 'bonds.noReportsToVerify' | transloco }}</p>
    }
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin-block-end: 12px; }
    .card h2 { margin: 0 0 4px; font-size: 1rem; }
    .form { display: grid; gap: 8px; max-inline-size: 720px; }
    .row { display: flex; gap: 12px; align-items: center; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class BondReviewsPage implements OnInit {
  private readonly api = inject(BondsApi);
  protected readonly types = REVIEW_TYPES;
  protected readonly queue = signal<Bond[]>([]);
  protected readonly reports = signal<ImpactReport[]>([]);
  protected readonly file = signal<File | null>(null);
  protected readonly error = signal<unknown>(null);

  ngOnInit(): void {
    this.load();
  }

  protected pick(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected review(bondId: string, type: string, conclusion: string, opinion: string): void {
    const file = this.file();
    if (!file) return;
    this.api.uploadDocument(file).subscribe({
      next: (doc) => this.api.step(bondId, 'review', { type, conclusion, opinion, documentId: doc.id }).subscribe({ next: () => this.load(), error: (e: unknown) => this.error.set(e) }),
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected requestChanges(bondId: string, reason: string): void {
    this.api.step(bondId, 'request-changes', { reason: reason || '请完善框架' }).subscribe({ next: () => this.load(), error: (e: unknown) => this.error.set(e) });
  }

  protected verify(reportId: string): void {
    this.api.reportStep(reportId, 'verify', { note: '' }).subscribe({ next: () => this.load(), error: (e: unknown) => this.error.set(e) });
  }

  private load(): void {
    this.api.list('EXTERNAL_REVIEW_PENDING').subscribe({ next: (p) => this.queue.set(p.items), error: (e: unknown) => this.error.set(e) });
    this.api.reportQueue('DRAFT').subscribe({ next: (r) => this.reports.set(r), error: (e: unknown) => this.error.set(e) });
  }
}
