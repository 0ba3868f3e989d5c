import { KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { AssetsApi } from './assets.api';
import { Asset, ValuationSummary } from './assets.models';
import { saveFile } from '../valuations/save-file';
import { GepSiteRunsComponent } from '../ecology/gep-site-runs.component';
import { ProductOrderPanelComponent } from '../securitisation/product-order-panel.component';
import { formatFen } from './money-format';

/** One asset: its record and documents, the workflow step the caller may take, and its valuation history. */
@Component({
  selector: 'app-asset-detail-page',
  imports: [KeyValuePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, RouterLink, TranslocoPipe, ApiErrorComponent, GepSiteRunsComponent, ProductOrderPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-api-error [error]="error()" />
    @if (asset(); as a) {
      <header class="page-header">
        <div class="page-header__text">
          <h1 data-testid="asset-title">{{ a.name }}</h1>
          <p>{{ 'assets.types.' + a.assetType | transloco }} · <span class="mono">{{ a.certificateNumber }}</span></p>
        </div>
        <div class="page-header__actions">
          <span class="chip" data-testid="asset-state" [attr.data-state]="a.state">{{ 'assets.states.' + a.state | transloco }}</span>
          <span class="chip chip--info" data-testid="asset-encumbrance">{{ 'assets.encumbrances.' + a.encumbrance.status | transloco }}</span>
        </div>
      </header>
      <section class="detail-grid">
        <dl class="details">
          @for (entry of a.details | keyvalue; track entry.key) {
            <dt>{{ 'assets.fields.' + entry.key | transloco }}</dt>
            <dd>{{ display(entry.value) }}</dd>
          }
          @if (a.pledgedLoan; as loan) {
            <dt>{{ 'assets.loan' | transloco }}</dt>
            <dd class="mono">{{ loan.loanId }} · {{ fen(loan.outstandingFen) }}</dd>
          }
          @if (a.review; as review) {
            <dt>{{ 'assets.review' | transloco }}</dt>
            <dd>{{ review.by }}：{{ review.note ?? review.reason ?? '' }}</dd>
          }
        </dl>
        <div>
          <h2>{{ 'assets.documents' | transloco }}</h2>
          <ul class="documents">
            @for (d of a.documents; track d.id) {
              <li>
                <button matButton type="button" (click)="downloadDocument(d)" data-testid="document-download">{{ d.filename }}</button>
                <span class="mono muted" title="SHA-256">{{ d.sha256.slice(0, 16) }}…</span>
              </li>
            } @empty {
              <li class="muted">{{ 'assets.noDocuments' | transloco }}</li>
            }
          </ul>
        </div>
      </section>
      <div class="actions">
        @if (isOwner() && a.state === 'draft') {
          <button matButton="filled" type="button" (click)="run(api.submit(a.id))" data-testid="asset-submit">{{ 'assets.submit' | transloco }}</button>
        }
        @if (canVerify() && a.state === 'submitted') {
          <button matButton="filled" type="button" (click)="run(api.verify(a.id))" data-testid="asset-verify">{{ 'assets.verify' | transloco }}</button>
          <mat-form-field class="reason">
            <mat-label>{{ 'assets.rejectReason' | transloco }}</mat-label>
            <input matInput [(ngModel)]="reason" data-testid="asset-reject-reason" />
          </mat-form-field>
          <button matButton="outlined" type="button" [disabled]="!reason" (click)="run(api.reject(a.id, reason))" data-testid="asset-reject">{{ 'assets.reject' | transloco }}</button>
        }
        @if (isOwner()) {
          <button matButton="tonal" type="button" (click)="value('preliminary')" data-testid="valuation-request-preliminary">{{ 'assets.requestPreliminary' | transloco }}</button>
        }
        @if (canRequestLending()) {
          <button matButton="tonal" type="button" (click)="value('lending')" data-testid="valuation-request-lending">{{ 'assets.requestLending' | transloco }}</button>
        }
      </div>
      @if (a.assetType === 'product_order') {
        <app-product-order-panel [asset]="a" (changed)="asset.set($event)" />
      }
      <h2>{{ 'assets.history' | transloco }}</h2>
      <div class="table-card">
        <table mat-table [dataSource]="history()" data-testid="valuation-history">
          <ng-container matColumnDef="date">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.valuationDate' | transloco }}</th>
            <td mat-cell *matCellDef="let v"><a [routerLink]="['/valuations', v.id]" data-testid="valuation-open">{{ v.valuationDate }}</a></td>
          </ng-container>
          <ng-container matColumnDef="purpose">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.purpose' | transloco }}</th>
            <td mat-cell *matCellDef="let v">{{ 'assets.purposes.' + v.purpose | transloco }}</td>
          </ng-container>
          <ng-container matColumnDef="value">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.value' | transloco }}</th>
            <td mat-cell *matCellDef="let v" class="nowrap">{{ fen(v.valueFen) }}</td>
          </ng-container>
          <ng-container matColumnDef="change">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.change' | transloco }}</th>
            <td mat-cell *matCellDef="let v" class="nowrap">{{ v.changeFen === null ? '—' : (v.changeFen > 0 ? '+' : '') + fen(v.changeFen) }}</td>
          </ng-container>
          <ng-container matColumnDef="maxLoan">
            <th mat-header-cell *matHeaderCellDef>{{ 'assets.maxLoan' | transloco }}</th>
            <td mat-cell *matCellDef="let v" class="nowrap">{{ fen(v.maxLoanFen) }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let v; columns: columns" data-testid="valuation-row"></tr>
        </table>
        @if (!history().length) {
          <div class="table-empty">{{ 'assets.noValuations' | transloco }}</div>
        }
      </div>
      @if (a.assetType === 'gep_site' && a.details['siteCode']) {
        <app-gep-site-runs [siteCode]="'' + a.details['siteCode']" />
      }
    }
  `,
  styles: `
    .detail-grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 24px; }
    .details { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
    .details dt { color: var(--mat-sys-on-surface-variant); }
    .details dd { margin: 0; }
    .actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-block: 16px; }
    .reason { inline-size: 240px; }
    @media (max-width: 720px) { .detail-grid { grid-template-columns: 1fr; } }
  `,
})
export class AssetDetailPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly api = inject(AssetsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly asset = signal<Asset | null>(null);
  protected readonly history = signal<ValuationSummary[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly columns = ['date', 'purpose', 'value', 'change', 'maxLoan'];
  protected readonly fen = formatFen;
  protected reason = '';
  protected readonly isOwner = computed(() => this.auth.user()?.subject?.id === this.asset()?.subjectId);
  protected readonly canVerify = computed(() => this.auth.permissions().has('assets.verify'));
  protected readonly canRequestLending = computed(() => this.auth.permissions().has('valuations.request'));

  ngOnInit(): void {
    this.load();
  }

  protected display(value: unknown): string {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  protected run(step: Observable<Asset>): void {
    step.subscribe({ next: (a) => this.asset.set(a), error: (e: unknown) => this.error.set(e) });
  }

  protected downloadDocument(document: { id: string; filename: string }): void {
    this.api.downloadDocument(document.id).subscribe({ next: (blob) => saveFile(blob, document.filename), error: (e: unknown) => this.error.set(e) });
  }

  protected value(purpose: 'preliminary' | 'lending'): void {
    this.api.requestValuation(this.id(), purpose).subscribe({
      next: (v) => void this.router.navigate(['/valuations', v.id]),
      error: (e: unknown) => this.error.set(e),
    });
  }

  private load(): void {
    this.api.get(this.id()).subscribe({ next: (a) => this.asset.set(a), error: (e: unknown) => this.error.set(e) });
    this.api.valuations(this.id()).subscribe({ next: (h) => this.history.set(h.items), error: () => this.history.set([]) });
  }
}
