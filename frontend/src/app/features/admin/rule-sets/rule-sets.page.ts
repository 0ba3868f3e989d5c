import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Subscription, timer } from 'rxjs';
import { ApiErrorComponent } from '../../../core/errors/api-error.component';
import { Notifier } from '../../../core/errors/notifier.service';
import { MigrationChartComponent } from './migration-chart.component';
import { gradeCounts, migrationChartOptions, migrationGrades } from './migration';
import { RecomputeRun, RuleSetDetail, RuleSetVersion, RuleSetsApi } from './rule-sets.api';

/** Rule-set lifecycle: upload → simulate (migration matrix and chart) → schedule on a future date; recompute on demand. */
@Component({
  selector: 'app-rule-sets-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoPipe, ApiErrorComponent, MigrationChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rule-sets.page.html',
  styleUrl: './rule-sets.page.scss',
})
export class RuleSetsPage implements OnInit {
  private readonly api = inject(RuleSetsApi);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private poll: Subscription | null = null;
  protected readonly versions = signal<RuleSetVersion[]>([]);
  protected readonly selected = signal<RuleSetDetail | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly run = signal<RecomputeRun | null>(null);
  protected readonly busy = signal(false);
  protected json = '';
  protected activateOn = '';

  protected readonly grades = computed(() => {
    const s = this.selected();
    if (!s?.simulation) return [];
    return migrationGrades(s.simulation.result.migration, s.definition.grades.map((g) => g.id));
  });
  protected readonly chartOptions = computed(() => {
    const s = this.selected();
    if (!s?.simulation) return null;
    return migrationChartOptions(this.grades(), gradeCounts(s.simulation.result.migration, this.grades()), {
      before: this.transloco.translate('points.ruleSets.before'),
      after: this.transloco.translate('points.ruleSets.after'),
    });
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.poll?.unsubscribe());
  }

  ngOnInit(): void {
    this.load();
    this.followRecompute();
  }

  protected load(): void {
    this.api.list().subscribe({ next: (r) => this.versions.set(r.items), error: (e: unknown) => this.error.set(e) });
  }

  protected open(v: RuleSetVersion): void {
    this.api.get(v.id).subscribe({ next: (d) => this.selected.set(d), error: (e: unknown) => this.notifier.error(e) });
  }

  /** Fills the editor with a version's definition, as a starting point for the next version. */
  protected useAsTemplate(): void {
    const s = this.selected();
    if (s) this.json = JSON.stringify(s.definition, null, 2);
  }

  protected upload(): void {
    let definition: unknown;
    try {
      definition = JSON.parse(this.json);
    } catch {
      this.error.set({ error: { error: { code: 'MALFORMED_JSON', message: this.transloco.translate('points.ruleSets.badJson') } } });
      return;
    }
    this.act(this.api.upload(definition));
  }

  protected simulate(): void {
    const s = this.selected();
    if (s) this.act(this.api.simulate(s.id));
  }

  protected schedule(): void {
    const s = this.selected();
    if (s && this.activateOn) this.act(this.api.schedule(s.id, this.activateOn));
  }

  protected withdraw(): void {
    const s = this.selected();
    if (s) this.act(this.api.withdraw(s.id));
  }

  protected cell(from: string, to: string): number {
    return this.selected()?.simulation?.result.migration[from]?.[to] ?? 0;
  }

  protected recompute(): void {
    this.api.startRecompute().subscribe({
      next: (run) => {
        this.run.set({ ...run, percent: 0 });
        this.followRecompute();
      },
      error: (e: unknown) => this.notifier.error(e),
    });
  }

  private act(request: ReturnType<RuleSetsApi['get']>): void {
    this.busy.set(true);
    request.subscribe({
      next: (detail) => {
        this.busy.set(false);
        this.error.set(null);
        this.selected.set(detail);
        this.load();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(e);
      },
    });
  }

  private followRecompute(): void {
    this.poll?.unsubscribe();
    this.api.latestRecompute().subscribe({
      next: (run) => {
        this.run.set(run);
        if (run.state === 'running') this.poll = timer(1500).subscribe(() => this.followRecompute());
      },
      error: () => this.run.set(null),
    });
  }
}
