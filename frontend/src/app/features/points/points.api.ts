import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  Explanation,
  HistoryPoint,
  IndicatorSubmission,
  LedgerEntry,
  Page,
  PointsCase,
  PointsSummary,
  WhatIfResult,
} from './points.models';

const base = (subjectId: string) => `/api/points/subjects/${encodeURIComponent(subjectId)}`;

@Injectable({ providedIn: 'root' })
export class PointsApi {
  private readonly http = inject(HttpClient);

  summary(subjectId: string): Observable<PointsSummary> {
    return this.http.get<PointsSummary>(base(subjectId));
  }

  explanation(subjectId: string): Observable<Explanation> {
    return this.http.get<Explanation>(`${base(subjectId)}/explanation`);
  }

  history(subjectId: string): Observable<{ items: HistoryPoint[] }> {
    return this.http.get<{ items: HistoryPoint[] }>(`${base(subjectId)}/history`);
  }

  whatIf(subjectId: string, target: string): Observable<WhatIfResult> {
    return this.http.get<WhatIfResult>(`${base(subjectId)}/what-if`, { params: { target } });
  }

  ledger(subjectId: string, limit: number, offset: number): Observable<Page<LedgerEntry>> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<Page<LedgerEntry>>(`${base(subjectId)}/ledger`, { params });
  }

  report(subjectId: string): Observable<Blob> {
    return this.http.get(`${base(subjectId)}/report`, { responseType: 'blob' });
  }

  object(body: { target: 'ledger_entry' | 'grade'; ledgerEntryId?: string; reason: string }): Observable<PointsCase> {
    return this.http.post<PointsCase>('/api/points/objections', body);
  }

  applyForRepair(body: { reason: string; documentIds: string[] }): Observable<PointsCase> {
    return this.http.post<PointsCase>('/api/points/credit-repairs', body);
  }

  cases(state?: string): Observable<Page<PointsCase>> {
    const params = state ? new HttpParams().set('state', state).set('limit', 100) : new HttpParams().set('limit', 100);
    return this.http.get<Page<PointsCase>>('/api/points/cases', { params });
  }

  decideCase(id: string, decision: 'accept' | 'reject', note: string): Observable<PointsCase> {
    return this.http.post<PointsCase>(`/api/points/cases/${encodeURIComponent(id)}/decision`, { decision, note });
  }

  submissions(state?: string): Observable<Page<IndicatorSubmission>> {
    const params = state ? new HttpParams().set('state', state).set('limit', 100) : new HttpParams().set('limit', 100);
    return this.http.get<Page<IndicatorSubmission>>('/api/points/indicator-submissions', { params });
  }

  submitIndicator(body: { indicatorId: string; value: number | boolean; period: string; documentIds: string[] }): Observable<IndicatorSubmission> {
    return this.http.post<IndicatorSubmission>('/api/points/indicator-submissions', body);
  }

  decideSubmission(id: string, decision: 'accept' | 'reject', note: string): Observable<IndicatorSubmission> {
    return this.http.post<IndicatorSubmission>(`/api/points/indicator-submissions/${encodeURIComponent(id)}/decision`, { decision, note });
  }

  uploadDocument(file: File): Observable<{ id: string; sha256: string }> {
    return this.http.post<{ id: string; sha256: string }>('/api/documents', file, {
      headers: { 'Content-Type': file.type || 'application/pdf', 'X-Filename': encodeURIComponent(file.name) },
    });
  }
}
