import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Page } from '../../core/http/page';
import { CounterGuaranteeAsset, Guarantee, Guarantor, Portfolio } from './guarantees.models';

/** The guarantees API (requests, the guarantor's workflow, claims and the portfolio). */
@Injectable({ providedIn: 'root' })
export class GuaranteesApi {
  private readonly http = inject(HttpClient);

  list(state?: string): Observable<Page<Guarantee>> {
    let params = new HttpParams().set('limit', 100).set('offset', 0);
    if (state) params = params.set('state', state);
    return this.http.get<Page<Guarantee>>('/api/guarantees', { params });
  }

  get(id: string): Observable<Guarantee> {
    return this.http.get<Guarantee>(`/api/guarantees/${id}`);
  }

  guarantors(): Observable<Guarantor[]> {
    return this.http.get<Guarantor[]>('/api/guarantee-institutions');
  }

  /** The bank's loans a guarantee can be requested for. */
  bankLoans(): Observable<Page<{ id: string; applicantName: string; amountFen: number; state: string; purpose: string; recommendation: { amountFen: number } | null; termMonths: number }>> {
    return this.http.get<Page<{ id: string; applicantName: string; amountFen: number; state: string; purpose: string; recommendation: { amountFen: number } | null; termMonths: number }>>('/api/loans', {
      params: { state: 'GREEN_ASSESSED,GUARANTEE_PENDING', limit: 100, offset: 0 },
    });
  }

  request(input: { loanId: string; guarantorId: string; amountFen: number; termDays: number; note: string }): Observable<Guarantee> {
    return this.http.post<Guarantee>('/api/guarantees', input);
  }

  /** One step of the workflow: POST /api/guarantees/:id/<step> with its body. */
  step(id: string, step: string, body: object = {}): Observable<Guarantee> {
    return this.http.post<Guarantee>(`/api/guarantees/${id}/${step}`, body);
  }

  /** The obligor's verified, free ecological assets the guarantor may take as counter-guarantee. */
  counterGuaranteeAssets(id: string): Observable<CounterGuaranteeAsset[]> {
    return this.http.get<CounterGuaranteeAsset[]>(`/api/guarantees/${id}/counter-guarantee-assets`);
  }

  uploadDocument(file: File): Observable<{ id: string }> {
    const headers = new HttpHeaders({ 'Content-Type': file.type || 'application/pdf', 'X-Filename': encodeURIComponent(file.name) });
    return this.http.post<{ id: string }>('/api/documents', file, { headers });
  }

  portfolio(): Observable<Portfolio> {
    return this.http.get<Portfolio>('/api/guarantee-portfolio');
  }

  pdf(id: string, kind: 'letter' | 'compensation-notice'): Observable<Blob> {
    return this.http.get(`/api/guarantees/${id}/${kind}.pdf`, { responseType: 'blob' });
  }
}
