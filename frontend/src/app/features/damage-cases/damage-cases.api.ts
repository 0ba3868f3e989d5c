import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

export type DamageState = 'OPENED' | 'ASSESSED' | 'RESOLVED' | 'UNDER_REVIEW' | 'CLOSED';

export interface DamageCase {
  id: string;
  caseNumber: string;
  responsibleName: string;
  site: string;
  region: string;
  damageType: string;
  description: string;
  occurredOn: string;
  state: DamageState;
  totalDueFen: number;
  paidFen: number;
  outstandingFen: number;
  restoration: { progressPct: number };
  assessment: { damageFen: number; restorationCostFen: number } | null;
  allowedActions: string[];
  creditRepairEvidence: boolean;
  pointsEvent: { type: string; stored: boolean } | null;
}

/** Ecological damage compensation cases. */
@Injectable({ providedIn: 'root' })
export class DamageCasesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<{ items: DamageCase[]; total: number }> {
    return this.http.get<{ items: DamageCase[]; total: number }>('/api/damage-cases', { params: new HttpParams().set('limit', 100) });
  }

  subjects(): Observable<{ id: string; name: string }[]> {
    return this.http.get<{ id: string; name: string }[]>('/api/damage-subjects');
  }

  open(body: Record<string, unknown>): Observable<DamageCase> {
    return this.http.post<DamageCase>('/api/damage-cases', body);
  }

  act(id: string, action: 'assess' | 'resolve' | 'payments' | 'restoration' | 'submit' | 'review', body: Record<string, unknown>): Observable<DamageCase> {
    return this.http.post<DamageCase>(`/api/damage-cases/${id}/${action}`, body);
  }
}
