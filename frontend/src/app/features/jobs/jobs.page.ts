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
import { AuthService } from '../../core/auth/auth.service';
import { ApiErrorComponent } from '../../core/errors/api-error.component';
import { Notifier } from '../../core/errors/notifier.service';
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
  private readonly notifier = inject(Notifier);
  private poll: Subscription | null = null;

  protected readonly canRun = inject(AuthService).hasPermission('jobs.run');
  protected readonly columns = [
    'job',
    'status',
    'progress',
    'lastRunAt',
    'lastFinishedAt',
    'nextRunAt',
    ...(this.canRun ? ['actions'] : []),
  ];
  protected readonly starting = signal<string | null>(null);
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

  protected runNow(job: JobInfo): void {
    this.starting.set(job.name);
    this.api.runNow(job.name).subscribe({
      next: () => {
        this.starting.set(null);
        this.notifier.success('jobs.queued', { name: job.name });
        this.load();
      },
      error: (err: unknown) => {
        this.starting.set(null);
        this.notifier.error(err);
      },
    });
  }

  private schedule(): void {
    this.poll = timer(this.anyRunning() ? POLL_RUNNING_MS : POLL_IDLE_MS).subscribe(() =>
      this.load(),
    );
  }
}
