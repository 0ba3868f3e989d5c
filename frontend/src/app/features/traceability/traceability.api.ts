import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Batch, Certificate, TraceView } from './traceability.models';

/** Certificates, batches, custody steps and the public product lookup. */
@Injectable({ providedIn: 'root' })
export class TraceabilityApi {
  private readonly http = inject(HttpClient);

  lookup(code: string): Observable<TraceView> {
    return this.http.get<TraceView>(`/api/public/products/${encodeURIComponent(code)}`);
  }

  /** The label's QR code (SVG) pointing at this origin's public page. */
  qrUrl(code: string, origin: string): string {
    return `/api/public/products/${encodeURIComponent(code)}/qr.svg?origin=${encodeURIComponent(origin)}`;
  }

  certificates(): Observable<{ items: Certificate[]; total: number }> {
    return this.http.get<{ items: Certificate[]; total: number }>('/api/certificates', { params: new HttpParams().set('limit', 100) });
  }

  producers(): Observable<{ id: string; name: string; code: string }[]> {
    return this.http.get<{ id: string; name: string; code: string }[]>('/api/certification/producers');
  }

  issue(body: Record<string, unknown>): Observable<Certificate> {
    return this.http.post<Certificate>('/api/certificates', body);
  }

  revoke(id: string, reason: string): Observable<Certificate> {
    return this.http.post<Certificate>(`/api/certificates/${id}/revoke`, { reason });
  }

  batches(): Observable<{ items: Batch[]; total: number }> {
    return this.http.get<{ items: Batch[]; total: number }>('/api/product-batches', { params: new HttpParams().set('limit', 100) });
  }

  registerBatch(body: Record<string, unknown>): Observable<TraceView> {
    return this.http.post<TraceView>('/api/product-batches', body);
  }

  appendStep(body: Record<string, unknown>): Observable<TraceView> {
    return this.http.post<TraceView>('/api/custody-steps', body);
  }
}
