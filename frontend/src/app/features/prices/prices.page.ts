import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { Notifier } from '../../core/errors/notifier.service';
import { formatFen } from '../assets/money-format';
import { PriceChartComponent } from './price-chart.component';
import { Price, PricesApi, RowError } from './prices.api';

/** Market price series with a chart; administrators import CSV files (every bad row listed, nothing stored). */
@Component({
  selector: 'app-prices-page',
  imports: [MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent, PriceChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ 'assets.pricesTitle' | transloco }}</h1>
        <p>{{ 'assets.pricesSubtitle' | transloco }}</p>
      </div>
      @if (canManage) {
        <div class="page-header__actions">
          <label class="import">
            <span>{{ 'assets.importCsv' | transloco }}</span>
            <input type="file" accept=".csv,text/csv" (change)="importFile($any($event.target).files)" data-testid="price-import" />
          </label>
        </div>
      }
    </header>
    <app-api-error [error]="error()" />
    @if (rowErrors().length) {
      <ul class="row-errors" data-testid="price-import-errors">
        @for (e of rowErrors(); track e.row + e.field) {
          <li>{{ 'assets.row' | transloco }} {{ e.row }} · {{ e.field }}：{{ e.message }}</li>
        }
      </ul>
    }
    <mat-form-field class="reference">
      <mat-label>{{ 'assets.priceReference' | transloco }}</mat-label>
      <select matNativeControl [value]="reference()" (change)="choose($any($event.target).value)" data-testid="price-reference">
        @for (r of references(); track r.reference) {
          <option [value]="r.reference">{{ r.reference }} — {{ fen(r.latest.priceFen) }} ({{ r.latest.unit }}, {{ r.latest.date }})</option>
        }
      </select>
    </mat-form-field>
    @if (series().length) {
      <app-price-chart [prices]="series()" />
    }
  `,
  styles: `.reference { inline-size: min(560px, 100%); } .import { display: flex; gap: 8px; align-items: center; } .row-errors { color: var(--mat-sys-error); }`,
})
export class PricesPage implements OnInit {
  private readonly api = inject(PricesApi);
  private readonly notifier = inject(Notifier);
  protected readonly canManage = inject(AuthService).hasPermission('prices.manage');
  protected readonly references = signal<{ reference: string; latest: Price }[]>([]);
  protected readonly reference = signal('');
  protected readonly series = signal<Price[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly rowErrors = signal<RowError[]>([]);
  protected readonly fen = formatFen;

  ngOnInit(): void {
    this.loadReferences();
  }

  protected choose(reference: string): void {
    this.reference.set(reference);
    this.api.series(reference).subscribe({ next: (s) => this.series.set(s.items), error: (e: unknown) => this.error.set(e) });
  }

  protected importFile(files: FileList | null): void {
    const file = files?.item(0);
    if (!file) return;
    this.rowErrors.set([]);
    this.api.importCsv(file).subscribe({
      next: (result) => {
        this.notifier.success('assets.imported', result);
        this.loadReferences();
      },
      error: (e: { error?: { error?: { details?: { errors?: RowError[] } } } }) => {
        this.rowErrors.set(e.error?.error?.details?.errors ?? []);
        this.error.set(e);
      },
    });
  }

  private loadReferences(): void {
    this.api.references().subscribe({
      next: (r) => {
        this.references.set(r.items);
        const first = this.reference() || r.items[0]?.reference;
        if (first) this.choose(first);
      },
      error: (e: unknown) => this.error.set(e),
    });
  }
}
