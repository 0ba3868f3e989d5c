import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Page } from '../../core/http/page';
import { Asset } from '../assets/assets.models';
import { OrderPaymentResult, Pool, ProductOrder, Projection, ServicerReport, Tranche } from './securitisation.models';

/** Loan-pool securitisation and product-order confirmation (issue 14). */
@Injectable({ providedIn: 'root' })
export class SecuritisationApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Page<Pool>> {
    return this.http.get<Page<Pool>>('/api/securitisation-pools', { params: { limit: 100 } });
  }

  get(id: string): Observable<Pool> {
    return this.http.get<Pool>(`/api/securitisation-pools/${id}`);
  }

  create(name: string): Observable<Pool> {
    return this.http.post<Pool>('/api/securitisation-pools', { name });
  }

  select(id: string, criteria: Record<string, unknown>): Observable<Pool> {
    return this.http.post<Pool>(`/api/securitisation-pools/${id}/select`, { criteria });
  }

  structure(id: string, body: { tranches: Tranche[]; feeRate: number; reserve: { initialFen: number; targetFen: number }; reviewerInstitutionId: string }): Observable<Pool> {
    return this.http.post<Pool>(`/api/securitisation-pools/${id}/structure`, body);
  }

  project(id: string, ecological: string[]): Observable<{ projections: Projection[] }> {
    return this.http.post<{ projections: Projection[] }>(`/api/securitisation-pools/${id}/projection`, { ecological });
  }

  /** review (reviewer), issue (checker), redeem, cancel. */
  step(id: string, step: string, body: object): Observable<Pool> {
    return this.http.post<Pool>(`/api/securitisation-pools/${id}/${step}`, body);
  }

  report(id: string, period: string): Observable<ServicerReport> {
    return this.http.post<ServicerReport>(`/api/securitisation-pools/${id}/servicer-reports`, { period });
  }

  reviewers(): Observable<{ id: string; name: string }[]> {
    return this.http.get<{ id: string; name: string }[]>('/api/securitisation-reviewers');
  }

  reportFile(id: string, period: string, kind: 'pdf' | 'csv'): Observable<Blob> {
    return this.http.get(`/api/securitisation-pools/${id}/servicer-reports/${period}/report.${kind}`, { responseType: 'blob' });
  }

  uploadDocument(file: File): Observable<{ id: string; sha256: string; filename: string }> {
    const headers = new HttpHeaders({ 'Content-Type': file.type || 'application/pdf', 'X-Filename': encodeURIComponent(file.name) });
    return this.http.post<{ id: string; sha256: string; filename: string }>('/api/documents', file, { headers });
  }

  ordersAsBuyer(): Observable<Page<ProductOrder>> {
    return this.http.get<Page<ProductOrder>>('/api/product-orders/as-buyer', { params: { limit: 100 } });
  }

  confirmOrder(id: string): Observable<ProductOrder> {
    return this.http.post<ProductOrder>(`/api/product-orders/${id}/confirm`, {});
  }

  /** The seller attaches the buyer's signed confirmation (an uploaded document) to its draft order. */
  attachSignedConfirmation(id: string, documentId: string): Observable<Asset> {
    return this.http.post<Asset>(`/api/product-orders/${id}/signed-confirmation`, { documentId });
  }

  /** The pledgee bank records the buyer's payment (the key makes a retry finish the same payment). */
  recordOrderPayment(id: string, body: { amountFen: number; date: string }, idempotencyKey: string): Observable<OrderPaymentResult> {
    return this.http.post<OrderPaymentResult>(`/api/product-orders/${id}/payments`, body, { headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }) });
  }
}
