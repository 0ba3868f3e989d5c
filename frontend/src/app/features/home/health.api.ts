import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

/** `GET /api/health` (public). */
export interface Health {
  status: 'ok' | 'degraded' | string;
  version: string;
  database: { engine: string; state: string };
  jobs: { running: boolean };
}

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  get(): Observable<Health> {
    return this.http.get<Health>('/api/health');
  }
}
