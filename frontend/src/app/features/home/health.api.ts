import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, of, throwError } from 'rxjs';

/** `GET /api/health` (public). */
export interface Health {
  status: 'ok' | 'degraded' | string;
  version: string;
  database: { engine: string; state: string };
  jobs: { running: boolean };
}

function isHealth(body: unknown): body is Health {
  return typeof body === 'object' && body !== null && typeof (body as Health).status === 'string';
}

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  /** The health report; a degraded platform answers 503 with the same body, which is still a report. */
  get(): Observable<Health> {
    return this.http.get<Health>('/api/health').pipe(
      catchError((err: unknown) =>
        err instanceof HttpErrorResponse && err.status === 503 && isHealth(err.error)
          ? of(err.error)
          : throwError(() => err),
      ),
    );
  }
}
