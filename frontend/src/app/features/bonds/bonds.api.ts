import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Page } from '../../core/http/page';
import { Bond, BondInput, EligibleLoan, ImpactReport, Taxonomy } from './bonds.models';

/** The green-bond API: framework, external review, issue, proceeds ledger, impact reports. */
@Injectable({ providedIn: 'root' })
export class BondsApi {
  private readonly http = inject(HttpClient);

  taxonomy(): Observable<Taxonomy> {
    return this.http.get<Taxonomy>('/api/bond-taxonomy');
  }

  reviewers(): Observable<{ id: string; name: string }[]> {
    return this.http.get<{ id: string; name: string }[]>('/api/bond-reviewers');
  }

  list(state?: string): Observable<Page<Bond>> {
    return this.http.get<Page<Bond>>('/api/bonds', { params: state ? { limit: 100, state } : { limit: 100 } });
  }

  get(id: string): Observable<Bond> {
    return this.http.get<Bond>(`/api/bonds/${id}`);
  }

  create(input: BondInput): Observable<Bond> {
    return this.http.post<Bond>('/api/bonds', input);
  }

  update(id: string, input: BondInput): Observable<Bond> {
    return this.http.put<Bond>(`/api/bonds/${id}`, input);
  }

  /** One workflow step: submit, review, request-changes, register, issue, cancel, mature. */
  step(id: string, step: string, body: object = {}): Observable<Bond> {
    return this.http.post<Bond>(`/api/bonds/${id}/${step}`, body);
  }

  propose(id: string, body: { projectId: string; amountFen: number; expenditureDate: string; note: string }): Observable<Bond> {
    return this.http.post<Bond>(`/api/bonds/${id}/allocations`, body);
  }

  decide(id: string, allocationId: string, decision: 'approve' | 'reject'): Observable<Bond> {
    return this.http.post<Bond>(`/api/bonds/${id}/allocations/${allocationId}/${decision}`, {});
  }

  /** A bank's green financial bond: its ACTIVE green loans that can be linked. */
  eligibleLoans(id: string): Observable<EligibleLoan[]> {
    return this.http.get<EligibleLoan[]>(`/api/bonds/${id}/eligible-loans`);
  }

  linkLoan(id: string, body: { loanId: string; expectedBenefits: Record<string, number> }): Observable<Bond> {
    return this.http.post<Bond>(`/api/bonds/${id}/linked-loans`, body);
  }

  unlinkLoan(id: string, loanId: string, reason: string): Observable<Bond> {
    return this.http.post<Bond>(`/api/bonds/${id}/linked-loans/${loanId}/unlink`, { reason });
  }

  reports(bondId: string): Observable<ImpactReport[]> {
    return this.http.get<ImpactReport[]>(`/api/bonds/${bondId}/impact-reports`);
  }

  reportQueue(state: string): Observable<ImpactReport[]> {
    return this.http.get<ImpactReport[]>('/api/bond-impact-reports', { params: { state } });
  }

  draftReport(bondId: string, body: { year: number; narrative: string; projects: { projectId: string; measures: Record<string, number> }[] }): Observable<ImpactReport> {
    return this.http.post<ImpactReport>(`/api/bonds/${bondId}/impact-reports`, body);
  }

  reportStep(id: string, step: 'verify' | 'publish', body: object = {}): Observable<ImpactReport> {
    return this.http.post<ImpactReport>(`/api/bond-impact-reports/${id}/${step}`, body);
  }

  reportPdf(id: string): Observable<Blob> {
    return this.http.get(`/api/bond-impact-reports/${id}/report.pdf`, { responseType: 'blob' });
  }

  uploadDocument(file: File): Observable<{ id: string; sha256: string; filename: string }> {
    const headers = new HttpHeaders({ 'Content-Type': file.type || 'application/pdf', 'X-Filename': encodeURIComponent(file.name) });
    return this.http.post<{ id: string; sha256: string; filename: string }>('/api/documents', file, { headers });
  }
}

/** Saves a downloaded blob under a file name (the browser's download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
