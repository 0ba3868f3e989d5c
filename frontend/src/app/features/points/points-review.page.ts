import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { forkJoin } from 'rxjs';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { Notifier } from '../../core/errors/notifier.service';
import { PointsApi } from './points.api';
import { IndicatorSubmission, PointsCase } from './points.models';

/** The verifier's queue: objections and credit repair by deadline (overdue first), indicator submissions oldest first. */
@Component({
  selector: 'app-points-review-page',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe, ApiErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './points-review.page.html',
  styleUrl: './my-points.page.scss',
})
export class PointsReviewPage implements OnInit {
  private readonly api = inject(PointsApi);
  private readonly notifier = inject(Notifier);
  protected readonly cases = signal<PointsCase[]>([]);
  protected readonly submissions = signal<IndicatorSubmission[]>([]);
  protected readonly error = signal<unknown>(null);
  protected notes: Record<string, string> = {};

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    forkJoin({ cases: this.api.cases('submitted'), submissions: this.api.submissions('submitted') }).subscribe({
      next: ({ cases, submissions }) => {
        this.cases.set(cases.items);
        this.submissions.set(submissions.items);
        this.error.set(null);
      },
      error: (e: unknown) => this.error.set(e),
    });
  }

  protected decideCase(c: PointsCase, decision: 'accept' | 'reject'): void {
    this.api.decideCase(c.id, decision, this.noteFor(c.id)).subscribe({ next: () => this.done(), error: (e: unknown) => this.notifier.error(e) });
  }

  protected decideSubmission(s: IndicatorSubmission, decision: 'accept' | 'reject'): void {
    this.api.decideSubmission(s.id, decision, this.noteFor(s.id)).subscribe({ next: () => this.done(), error: (e: unknown) => this.notifier.error(e) });
  }

  protected valueText(s: IndicatorSubmission): string {
    return typeof s.value === 'object' ? `${s.value.current} / ${s.value.previous}` : String(s.value);
  }

  private noteFor(id: string): string {
    const note = (this.notes[id] ?? '').trim();
    return note.length >= 2 ? note : '核验完成';
  }

  private done(): void {
    this.notifier.success('points.review.decided');
    this.load();
  }
}
