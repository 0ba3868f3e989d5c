import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

export type RuleSetState = 'validated' | 'simulated' | 'scheduled' | 'withdrawn';

export interface RuleSetVersion {
  id: string;
  ruleSetId: string;
  version: string;
  subjectType: string;
  effectiveFrom: string;
  state: RuleSetState;
  uploadedBy: string;
  uploadedAt: string;
}

export interface Simulation {
  asOf: string;
  ranAt: string;
  result: {
    subjects: number;
    gradeChanged: number;
    gradeImproved: number | null;
    gradeWorsened: number | null;
    migration: Record<string, Record<string, number>>;
    oldRuleSet: { id: string; version: string };
    newRuleSet: { id: string; version: string };
  };
}

export interface RuleSetDetail extends RuleSetVersion {
  definition: Record<string, unknown> & { grades: { id: string; label: string }[] };
  simulation?: Simulation;
  inForceNow: boolean;
}

export interface RecomputeRun {
  id: string;
  state: 'running' | 'completed';
  asOf: string;
  total: number;
  processed: number;
  percent: number;
  startedAt: string;
  finishedAt: string | null;
}

@Injectable({ providedIn: 'root' })
export class RuleSetsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<{ items: RuleSetVersion[]; total: number }> {
    return this.http.get<{ items: RuleSetVersion[]; total: number }>('/api/points/rule-sets', { params: new HttpParams().set('limit', 200) });
  }

  get(id: string): Observable<RuleSetDetail> {
    return this.http.get<RuleSetDetail>(`/api/points/rule-sets/${encodeURIComponent(id)}`);
  }

  upload(definition: unknown): Observable<RuleSetDetail> {
    return this.http.post<RuleSetDetail>('/api/points/rule-sets', { definition });
  }

  simulate(id: string): Observable<RuleSetDetail> {
    return this.http.post<RuleSetDetail>(`/api/points/rule-sets/${encodeURIComponent(id)}/simulate`, {});
  }

  schedule(id: string, activateOn: string): Observable<RuleSetDetail> {
    return this.http.post<RuleSetDetail>(`/api/points/rule-sets/${encodeURIComponent(id)}/schedule`, { activateOn });
  }

  withdraw(id: string): Observable<RuleSetDetail> {
    return this.http.post<RuleSetDetail>(`/api/points/rule-sets/${encodeURIComponent(id)}/withdraw`, {});
  }

  startRecompute(): Observable<RecomputeRun> {
    return this.http.post<RecomputeRun>('/api/points/recompute-runs', {});
  }

  latestRecompute(): Observable<RecomputeRun> {
    return this.http.get<RecomputeRun>('/api/points/recompute-runs/latest');
  }
}
