import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';
import { formatFen } from '../loans/loan-format';
import { EcologyApi } from './ecology.api';
import { PublicGepRun } from './ecology.models';

/** On a GEP site of the asset registry: the published regional GEP runs the site's accounting value came from. */
@Component({
  selector: 'app-gep-site-runs',
  imports: [TranslocoPipe],
  providers: [provideTranslocoScope('ecology')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section data-testid="gep-site-runs">
      <h2>{{ 'ecology.siteRunsTitle' | transloco }}</h2>
      <table class="runs">
        <thead><tr><th>{{ 'ecology.region' | transloco }}</th><th>{{ 'ecology.year' | transloco }}</th><th>{{ 'ecology.version' | transloco }}</th><th>{{ 'ecology.total' | transloco }}</th><th>{{ 'ecology.perKm2' | transloco }}</th><th>{{ 'ecology.configVersion' | transloco }}</th><th></th></tr></thead>
        <tbody>
          @for (r of runs(); track r.id) {
            <tr data-testid="gep-site-run" [attr.data-year]="r.year">
              <td>{{ r.region }}</td><td>{{ r.year }}</td><td>v{{ r.version }}</td><td>{{ fen(r.result.totalFen) }}</td><td>{{ fen(r.result.perKm2Fen) }}</td><td>{{ r.configVersion }}</td>
              <td><a [href]="'/api/public/gep-runs/' + r.id + '/report.pdf'">PDF</a></td>
            </tr>
          } @empty {
            <tr><td colspan="7" class="table-empty">{{ 'ecology.noSiteRuns' | transloco }}</td></tr>
          }
        </tbody>
      </table>
    </section>
  `,
  styles: `
    .runs { inline-size: 100%; border-collapse: collapse; }
    .runs th, .runs td { padding: 6px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
  `,
})
export class GepSiteRunsComponent implements OnInit {
  private readonly api = inject(EcologyApi);
  readonly siteCode = input.required<string>();
  protected readonly runs = signal<PublicGepRun[]>([]);
  protected readonly fen = formatFen;

  ngOnInit(): void {
    this.api.siteRuns(this.siteCode()).subscribe({ next: (r) => this.runs.set(r.items), error: () => this.runs.set([]) });
  }
}
