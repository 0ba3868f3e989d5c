import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { Subscription, timer } from 'rxjs';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { JobInfo, JobsApi } from './jobs.api';

/** Poll faster while something runs. */
const POLL_RUNNING_MS = 3000;
const POLL_IDLE_MS = 15000;

export function clampProgress(progress: unknown): number {
  const n = typeof progress === 'number' && Number.isFinite(progress) ? progress : 0;
  return Math.min(100, Math.max(0, Math.round(n)));
}

@Component({
  selector: 'app-jobs-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    TranslocoPipe,
    ApiErrorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './jobs.page.html',
  styleUrl: './jobs.page.scss',
})
export class JobsPage implements OnInit {
  private readonly api = inject(JobsApi);
  private poll: Subscription | null = null;

  protected readonly columns = ['job', 'status', 'progress', 'lastRunAt', 'lastFinishedAt', 'nextRunAt'];
  protected readonly clampProgress = clampProgress;
  protected readonly items = signal<JobInfo[]>([]);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly anyRunning = computed(() => this.items().some((j) => j.status === 'running'));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.poll?.unsubscribe());
  }

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.poll?.unsubscribe();
    this.loading.set(true);
    this.api.list().subscribe({
      next: (res) => {
        this.items.set(res.items);
        this.error.set(null);
        this.loading.set(false);
        this.loaded.set(true);
        this.schedule();
      },
      error: (err: unknown) => {
        this.error.set(err);
        this.loading.set(false);
        this.loaded.set(true);
      },
    });
  }

  private schedule(): void {
    this.poll = timer(this.anyRunning() ? POLL_RUNNING_MS : POLL_IDLE_MS).subscribe(() =>
      this.load(),
    );
  }
}
