import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { LtvAlert, PortfolioStress, Valuation } from './valuations.models';

@Injectable({ providedIn: 'root' })
export class ValuationsApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<Valuation> {
    return this.http.get<Valuation>(`/api/valuations/${id}`);
  }

  report(id: string): Observable<Blob> {
    return this.http.get(`/api/valuations/${id}/report.pdf`, { responseType: 'blob' });
  }

  stress(): Observable<PortfolioStress> {
    return this.http.get<PortfolioStress>('/api/portfolio/stress');
  }

  stressReport(): Observable<Blob> {
    return this.http.get('/api/portfolio/stress/report.pdf', { responseType: 'blob' });
  }

  alerts(): Observable<{ items: LtvAlert[]; total: number }> {
    return this.http.get<{ items: LtvAlert[]; total: number }>('/api/alerts', { params: { limit: '100' } });
  }

  acknowledge(id: string): Observable<LtvAlert> {
    return this.http.post<LtvAlert>(`/api/alerts/${id}/acknowledge`, null);
  }
}
