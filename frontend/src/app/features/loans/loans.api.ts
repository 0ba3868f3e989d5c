import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Page } from '../../core/http/page';
import {
  ApplicationInput, Bank, Loan, LoanApplication, LoanDetail, LoanSummary, Outstanding, Prescreen, RecommendationInput, RejectionInput, Repayment,
  RepaymentSchedule, TaxonomyUse,
} from './loans.models';

/** The loans API (applications, each bank's review, decisions, servicing). */
@Injectable({ providedIn: 'root' })
export class LoansApi {
  private readonly http = inject(HttpClient);

  banks(): Observable<Bank[]> {
    return this.http.get<Bank[]>('/api/loan-banks');
  }

  /** The applicant's verified assets that are free to offer as pledge. */
  freeAssets(): Observable<Page<{ id: string; name: string; assetType: string; certificateNumber: string; lastValuation: { valueFen: number } | null }>> {
    return this.http.get<Page<{ id: string; name: string; assetType: string; certificateNumber: string; lastValuation: { valueFen: number } | null }>>('/api/assets', {
      params: { state: 'verified', encumbrance: 'free', limit: 100 },
    });
  }

  /** Uploads a document (stored with its SHA-256) to attach to the application. */
  uploadDocument(file: File): Observable<{ id: string; sha256: string; filename: string }> {
    const headers = new HttpHeaders({ 'Content-Type': file.type || 'application/pdf', 'X-Filename': encodeURIComponent(file.name) });
    return this.http.post<{ id: string; sha256: string; filename: string }>('/api/documents', file, { headers });
  }

  taxonomy(): Observable<{ version: string; entries: TaxonomyUse[] }> {
    return this.http.get<{ version: string; entries: TaxonomyUse[] }>('/api/loan-taxonomy');
  }

  applications(): Observable<Page<LoanApplication>> {
    return this.http.get<Page<LoanApplication>>('/api/loan-applications', { params: { limit: 100 } });
  }

  application(id: string): Observable<LoanApplication> {
    return this.http.get<LoanApplication>(`/api/loan-applications/${id}`);
  }

  createDraft(input: ApplicationInput): Observable<LoanApplication> {
    return this.http.post<LoanApplication>('/api/loan-applications', input);
  }

  updateDraft(id: string, input: ApplicationInput): Observable<LoanApplication> {
    return this.http.put<LoanApplication>(`/api/loan-applications/${id}`, input);
  }

  submit(id: string): Observable<LoanApplication> {
    return this.http.post<LoanApplication>(`/api/loan-applications/${id}/submit`, {});
  }

  withdrawApplication(id: string, reason: string): Observable<LoanApplication> {
    return this.http.post<LoanApplication>(`/api/loan-applications/${id}/withdraw`, { reason });
  }

  prescreen(applicationId: string): Observable<Prescreen> {
    return this.http.post<Prescreen>(`/api/loan-applications/${applicationId}/prescreen`, {});
  }

  loans(filter: { state?: string; limit?: number; offset?: number } = {}): Observable<Page<LoanSummary>> {
    let params = new HttpParams().set('limit', filter.limit ?? 100).set('offset', filter.offset ?? 0);
    if (filter.state) params = params.set('state', filter.state);
    return this.http.get<Page<LoanSummary>>('/api/loans', { params });
  }

  loan(id: string): Observable<LoanDetail> {
    return this.http.get<LoanDetail>(`/api/loans/${id}`);
  }

  repayments(id: string): Observable<{ schedule: RepaymentSchedule | null; outstanding: Outstanding | null; repayments: Repayment[] }> {
    return this.http.get<{ schedule: RepaymentSchedule | null; outstanding: Outstanding | null; repayments: Repayment[] }>(`/api/loans/${id}/repayments`);
  }

  /** One step of the workflow: POST /api/loans/:id/<step> with its body. */
  step(id: string, step: string, body: object = {}): Observable<Loan> {
    return this.http.post<Loan>(`/api/loans/${id}/${step}`, body);
  }

  recommend(id: string, input: RecommendationInput): Observable<Loan> {
    return this.step(id, 'recommend', input);
  }

  reject(id: string, step: 'reject' | 'decline', input: RejectionInput): Observable<Loan> {
    return this.step(id, step, input);
  }

  repay(id: string, amountFen: number, date: string): Observable<Loan> {
    return this.http.post<Loan>(`/api/loans/${id}/repayments`, { amountFen, date });
  }

  pdfUrl(id: string, kind: 'credit-assessment' | 'approval-letter' | 'repayment-schedule'): string {
    return `/api/loans/${id}/${kind}.pdf`;
  }

  pdf(id: string, kind: 'credit-assessment' | 'approval-letter' | 'repayment-schedule'): Observable<Blob> {
    return this.http.get(this.pdfUrl(id, kind), { responseType: 'blob' });
  }
}
