import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { formatFen, yuanToFen } from '../loans/loan-format';
import { EcologyApi } from './ecology.api';
import { EcoRegion, GepRun, GepServiceConfig } from './ecology.models';

/**
 * A GEP preparer computes a run: region (from the catalogue's region list), year, population, area,
 * GDP and the physical quantity of each configured service. With an id it corrects a published run:
 * same region and year, new inputs, and a note naming what changed (a new version).
 */
@Component({
  selector: 'app-gep-run-form-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1>{{ (id() ? 'ecology.correctTitle' : 'ecology.newRunTitle') | transloco }}</h1>
        <p>{{ (id() ? 'ecology.correctSubtitle' : 'ecology.newRunSubtitle') | transloco: { version: configVersion() } }}</p>
      </div>
    </header>
    <app-api-error [error]="error()" />
    @if (corrected(); as c) {
      <p class="muted" data-testid="gep-corrects">{{ 'ecology.corrects' | transloco: { region: c.region, year: c.year, version: c.version, total: fen(c.result.totalFen) } }}</p>
    }
    <form class="form" (ngSubmit)="submit()">
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'ecology.region' | transloco }}</mat-label>
          <select matNativeControl name="region" [(ngModel)]="region" [disabled]="!!id()" data-testid="gep-form-region" required>
            <option value=""></option>
            @for (r of regionOptions(); track r.name) {
              <option [value]="r.name">{{ r.level === 'county' ? '— ' : '' }}{{ r.name }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'ecology.year' | transloco }}</mat-label>
          <input matInput type="number" name="year" [(ngModel)]="year" [disabled]="!!id()" data-testid="gep-form-year" required />
        </mat-form-field>
      </div>
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'ecology.population' | transloco }}</mat-label>
          <input matInput type="number" name="population" [(ngModel)]="population" data-testid="gep-form-population" required />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'ecology.areaKm2' | transloco }}</mat-label>
          <input matInput name="area" [(ngModel)]="areaKm2" data-testid="gep-form-area" required />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'ecology.gdpYuan' | transloco }}</mat-label>
          <input matInput name="gdp" [(ngModel)]="gdpYuan" data-testid="gep-form-gdp" required />
        </mat-form-field>
      </div>
      <h2>{{ 'ecology.quantities' | transloco }}</h2>
      <table class="runs">
        <thead><tr><th>{{ 'ecology.service' | transloco }}</th><th>{{ 'ecology.category' | transloco }}</th><th>{{ 'ecology.unitPrice' | transloco }}</th><th>{{ 'ecology.quantity' | transloco }}</th></tr></thead>
        <tbody>
          @for (s of services(); track s.code) {
            <tr>
              <td>{{ s.nameZh }} <span class="muted">{{ s.nameEn }}</span></td>
              <td>{{ 'ecology.categories.' + s.category | transloco }}</td>
              <td>{{ fen(s.unitPriceFen) }} / {{ s.unit }}</td>
              <td><input class="qty" [name]="'q-' + s.code" [(ngModel)]="quantities[s.code]" [attr.data-testid]="'gep-form-q-' + s.code" [attr.aria-label]="s.nameZh + ' (' + s.unit + ')'" /></td>
            </tr>
          }
        </tbody>
      </table>
      @if (id()) {
        <mat-form-field class="wide">
          <mat-label>{{ 'ecology.changeNote' | transloco }}</mat-label>
          <textarea matInput name="changeNote" [(ngModel)]="changeNote" data-testid="gep-form-change-note" required></textarea>
        </mat-form-field>
      }
      <button matButton="filled" type="submit" [disabled]="!region || (!!id() && !changeNote.trim())" data-testid="gep-form-submit">{{ (id() ? 'ecology.submitCorrection' : 'ecology.compute') | transloco }}</button>
    </form>
  `,
  styles: `
    .form { display: flex; flex-direction: column; gap: 4px; max-inline-size: 900px; }
    .row { display: flex; gap: 12px; flex-wrap: wrap; }
    .runs { inline-size: 100%; border-collapse: collapse; margin-block-end: 12px; }
    .runs th, .runs td { padding: 4px 8px; border-block-end: 1px solid var(--mat-sys-outline-variant); text-align: start; }
    .qty { inline-size: 12em; font: inherit; padding: 4px; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .wide { inline-size: 100%; }
  `,
})
export class GepRunFormPage implements OnInit {
  private readonly api = inject(EcologyApi);
  private readonly router = inject(Router);
  /** The published run to correct (route gep/:id/correct); absent for a new run. */
  readonly id = input<string>();
  protected readonly services = signal<GepServiceConfig[]>([]);
  protected readonly configVersion = signal('');
  protected readonly regionOptions = signal<EcoRegion[]>([]);
  protected readonly corrected = signal<GepRun | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly fen = formatFen;
  protected region = '';
  protected year = new Date().getFullYear() - 1;
  protected population: number | null = null;
  protected areaKm2 = '';
  protected gdpYuan = '';
  protected changeNote = '';
  protected quantities: Record<string, string> = {};

  ngOnInit(): void {
    this.api.gepConfig().subscribe({ next: (c) => { this.services.set(c.services); this.configVersion.set(c.version); }, error: (e: unknown) => this.error.set(e) });
    this.api.regions().subscribe({ next: (r) => this.regionOptions.set(r.regions), error: (e: unknown) => this.error.set(e) });
    const id = this.id();
    if (id) {
      this.api.run(id).subscribe({
        next: (run) => {
          this.corrected.set(run);
          this.region = run.region;
          this.year = run.year;
          this.population = run.inputs?.population ?? null;
          this.areaKm2 = run.inputs?.areaKm2 ?? '';
          this.gdpYuan = run.inputs ? `${Math.floor(run.inputs.gdpFen / 100)}.${String(run.inputs.gdpFen % 100).padStart(2, '0')}` : '';
          this.quantities = { ...(run.inputs?.quantities ?? {}) };
        },
        error: (e: unknown) => this.error.set(e),
      });
    }
  }

  protected submit(): void {
    this.error.set(null);
    const quantities = Object.fromEntries(Object.entries(this.quantities).map(([k, v]) => [k, String(v ?? '').trim()]).filter(([, v]) => v !== ''));
    const body = { region: this.region, year: Number(this.year), population: Number(this.population), areaKm2: String(this.areaKm2).trim(), gdpFen: yuanToFen(this.gdpYuan) ?? 0, quantities, siteCodes: this.corrected()?.inputs?.siteCodes ?? [] };
    const id = this.id();
    (id ? this.api.correctRun(id, { ...body, changeNote: this.changeNote.trim() }) : this.api.createRun(body)).subscribe({
      next: () => void this.router.navigate(['/gep']),
      error: (e: unknown) => this.error.set(e),
    });
  }
}
