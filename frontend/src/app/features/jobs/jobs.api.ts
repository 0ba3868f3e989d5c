import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

export type JobStatus = 'idle' | 'running' | 'failed' | 'scheduled';

export interface JobInfo {
  name: string;
  description: string;
  status: JobStatus;
  /** 0–100. */
  progress: number;
  lastRunAt: string | null;
  lastFinishedAt: string | null;
  lastError: string | null;
  nextRunAt: string | null;
}

@Injectable({ providedIn: 'root' })
export class JobsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<{ items: JobInfo[] }> {
    return this.http.get<{ items: JobInfo[] }>('/api/jobs');
  }

  /** Queues a run now (needs `jobs.run`); answers 202. */
  runNow(name: string): Observable<{ name: string; queued: boolean }> {
    return this.http.post<{ name: string; queued: boolean }>(
      `/api/jobs/${encodeURIComponent(name)}/run`,
      {},
    );
  }
}
