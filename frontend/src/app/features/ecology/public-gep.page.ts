import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen } from '../loans/loan-format';
import { EcologyApi } from './ecology.api';
import { PublicGepRun } from './ecology.models';

/** The public GEP page (no login): published runs per region with a bar chart of GEP by year and each report as a PDF. */
@Component({
  selector: 'app-public-gep-page',
  imports: [TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="public">
      <header class="page-header">
        <h1>{{ 'ecology.publicTitle' | transloco }}</h1>
        <p>{{ 'ecology.publicSubtitle' | transloco }}</p>
      </header>
      <app-api-error [error]="error()" />
      @for (region of regions(); track region.name) {
        <section class="region" data-testid="public-gep-region" [attr.data-region]="region.name">
          <h2>{{ region.name }}</h2>
          <div class="chart" role="img" [attr.aria-label]="'ecology.chartLabel' | transloco">
            @for (r of region.runs; track r.id) {
              <div class="bar-row">
                <span class="bar-year">{{ r.year }}</span>
                <span class="bar" [style.inline-size.%]="share(r.result.totalFen)"></span>
                <span class="bar-value">{{ fen(r.result.totalFen) }}</span>
              </div>
            }
          </div>
          <table class="runs">
            <thead><tr><th>{{ 'ecology.year' | transloco }}</th><th>{{ 'ecology.version' | transloco }}</th><th>{{ 'ecology.total' | transloco }}</th><th>{{ 'ecology.perCapita' | transloco }}</th><th>{{ 'ecology.gepToGdp' | transloco }}</th><th>{{ 'ecology.physicalEffect' | transloco }}</th><th>{{ 'ecology.priceEffect' | transloco }}</th><th></th></tr></thead>
            <tbody>
              @for (r of region.runs; track r.id) {
                <tr data-testid="public-gep-run" [attr.data-run-id]="r.id" [attr.data-year]="r.year">
                  <td>{{ r.year }}</td><td>v{{ r.version }}@if (r.changeNote) { · {{ r.changeNote }} }</td>
                  <td data-testid="public-gep-total">{{ fen(r.result.totalFen) }}</td><td>{{ fen(r.result.perCapitaFen) }}</td><td>{{ r.result.gepToGdp }}</td>
                  <td>{{ r.change ? fen(r.change.physicalEffectFen) : '—' }}</td><td>{{ r.change ? fen(r.change.priceEffectFen) : '—' }}</td>
                  <td><a [href]="'/api/public/gep-runs/' + r.id + '/report.pdf'" data-testid="public-gep-pdf">PDF</a></td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      } @empty {
        <p class="table-empty" data-testid="public-gep-empty">{{ 'ecology.noPublished' | transloco }}</p>
      }
    </main>
  `,
  styles: `
    .public { max-inline-size: 1100px; margin-inline: auto; padding: 24px 16px; }
    .region { margin-block-end: 32px; }
    .chart { display: grid; gap: 6px; margin-block: 12px; }
    .bar-row { display: grid; grid-template-columns: 4em 1fr 14em; gap: 8px; align-items: center; }
    .bar { display: block; block-size: 14px; background: var(--mat-sys-primary); border-radius: 4px; }
    .bar-value { text-align: end; font-variant-numeric: tabular-nums; }
    .runs { inline-size: 100%; border-collapse: collapse; }
    .runs th, .runs td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
  `,
})
export class PublicGepPage implements OnInit {
  private readonly api = inject(EcologyApi);
  protected readonly runs = signal<PublicGepRun[]>([]);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected readonly regions = computed(() => {
    const byRegion = new Map<string, PublicGepRun[]>();
    for (const r of this.runs()) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r]);
    return [...byRegion].map(([name, runs]) => ({ name, runs: [...runs].sort((a, b) => a.year - b.year) }));
  });
  private readonly max = computed(() => Math.max(1, ...this.runs().map((r) => r.result.totalFen)));

  ngOnInit(): void {
    this.api.publicRuns().subscribe({ next: (res) => this.runs.set(res.items), error: (e: unknown) => this.error.set(e) });
  }

  protected share(fen: number): number {
    return Math.round((fen / this.max()) * 1000) / 10;
  }
}
