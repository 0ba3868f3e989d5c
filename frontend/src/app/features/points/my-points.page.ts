import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { forkJoin } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { Notifier } from '../../core/errors/notifier.service';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalizedPipe, localizedLabel } from '../../core/i18n/localized-text';
import { IndicatorSubmitComponent } from './indicator-submit.component';
import { PointsApi } from './points.api';
import { PointsChartComponent } from './points-chart.component';
import { coveragePercent, formatDelta, formatPoints } from './points-format';
import { PointsLedgerComponent } from './points-ledger.component';
import { Explanation, ExplanationLine, HistoryPoint, PointsCase, PointsSummary, WhatIfResult } from './points.models';

/** The signed-in citizen's, enterprise's or organisation's own points account. */
@Component({
  selector: 'app-my-points-page',
  imports: [
    LocalizedPipe,
    FormsModule,
    MatFormFieldModule,
    MatInputModule,
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    ApiErrorComponent,
    PointsChartComponent,
    PointsLedgerComponent,
    IndicatorSubmitComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-points.page.html',
  styleUrl: './my-points.page.scss',
})
export class MyPointsPage implements OnInit {
  private readonly api = inject(PointsApi);
  private readonly notifier = inject(Notifier);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  protected readonly subjectId = computed(() => this.auth.user()?.subject?.id ?? null);
  protected readonly summary = signal<PointsSummary | null>(null);
  protected readonly explanation = signal<Explanation | null>(null);
  protected readonly history = signal<HistoryPoint[]>([]);
  protected readonly cases = signal<PointsCase[]>([]);
  protected readonly whatIf = signal<WhatIfResult | null>(null);
  protected readonly error = signal<unknown>(null);
  protected readonly loading = signal(false);
  protected readonly objectingGrade = signal(false);
  protected gradeReason = '';
  protected readonly formatPoints = formatPoints;
  protected readonly formatDelta = formatDelta;
  protected readonly coveragePercent = coveragePercent;

  protected readonly weighted = computed(() => this.explanation()?.result.mode === 'weighted');
  protected readonly gradeLabel = computed(() => {
    const grade = this.summary()?.grade;
    const step = this.explanation()?.grades.find((g) => g.id === grade);
    return step ? localizedLabel(step, this.language.lang()) : null;
  });
  protected readonly lines = computed<ExplanationLine[]>(() => [...(this.explanation()?.result.lines ?? [])].reverse().slice(0, 100));
  protected readonly mayRepair = computed(() => {
    const s = this.summary();
    return !!s && s.subjectType !== 'individual' && (s.grade === 'yellow' || s.grade === 'red');
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    const id = this.subjectId();
    if (!id) return;
    this.loading.set(true);
    forkJoin({
      summary: this.api.summary(id),
      explanation: this.api.explanation(id),
      history: this.api.history(id),
      cases: this.api.cases(),
    }).subscribe({
      next: ({ summary, explanation, history, cases }) => {
        this.summary.set(summary);
        this.explanation.set(explanation);
        this.history.set(history.items);
        this.cases.set(cases.items);
        this.whatIf.set(explanation.nextGrade);
        this.error.set(null);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(err);
        this.loading.set(false);
      },
    });
  }

  protected label(line: ExplanationLine): string {
    const key = line.kind === 'event' ? (line.ruleId ?? line.eventType) : line.indicatorId;
    const rule = this.explanation()?.labels[key];
    return rule ? localizedLabel(rule, this.language.lang()) : key;
  }

  protected aim(target: string): void {
    const id = this.subjectId();
    if (!id) return;
    this.api.whatIf(id, target).subscribe({ next: (r) => this.whatIf.set(r), error: (e: unknown) => this.notifier.error(e) });
  }

  protected download(): void {
    const id = this.subjectId();
    if (!id) return;
    this.api.report(id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `eco-credit-report-${this.summary()?.asOf ?? ''}.pdf`;
        a.click();
        URL.revokeObjectURL(url);
      },
      error: (e: unknown) => this.notifier.error(e),
    });
  }

  protected objectToGrade(): void {
    const reason = this.gradeReason.trim();
    if (reason.length < 5) return;
    this.api.object({ target: 'grade', reason }).subscribe({
      next: () => {
        this.objectingGrade.set(false);
        this.gradeReason = '';
        this.notifier.success('points.objection.filed');
        this.load();
      },
      error: (e: unknown) => this.notifier.error(e),
    });
  }
}
