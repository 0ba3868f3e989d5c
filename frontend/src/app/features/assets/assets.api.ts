import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Asset, AssetRegistration, RegistrationState, ValuationSummary } from './assets.models';

export interface AssetPage {
  items: Asset[];
  total: number;
}

@Injectable({ providedIn: 'root' })
export class AssetsApi {
  private readonly http = inject(HttpClient);

  list(query: { state?: RegistrationState; limit?: number } = {}): Observable<AssetPage> {
    const params: Record<string, string> = { limit: String(query.limit ?? 100) };
    if (query.state) params['state'] = query.state;
    return this.http.get<AssetPage>('/api/assets', { params });
  }

  get(id: string): Observable<Asset> {
    return this.http.get<Asset>(`/api/assets/${id}`);
  }

  register(body: AssetRegistration): Observable<Asset> {
    return this.http.post<Asset>('/api/assets', body);
  }

  submit(id: string): Observable<Asset> {
    return this.http.post<Asset>(`/api/assets/${id}/submit`, null);
  }

  verify(id: string, note?: string): Observable<Asset> {
    return this.http.post<Asset>(`/api/assets/${id}/verify`, note ? { note } : {});
  }

  reject(id: string, reason: string): Observable<Asset> {
    return this.http.post<Asset>(`/api/assets/${id}/reject`, { reason });
  }

  valuations(id: string): Observable<{ items: ValuationSummary[] }> {
    return this.http.get<{ items: ValuationSummary[] }>(`/api/assets/${id}/valuations`);
  }

  requestValuation(id: string, purpose: 'preliminary' | 'lending'): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`/api/assets/${id}/valuations`, { purpose });
  }

  /** A document's bytes (the verifier checks the permit; a bank reads those of assets it may see). */
  downloadDocument(id: string): Observable<Blob> {
    return this.http.get(`/api/documents/${id}/content`, { responseType: 'blob' });
  }

  /** Uploads a permit or certificate as raw bytes (`POST /api/documents`); answers its id and SHA-256. */
  uploadDocument(file: File): Observable<{ id: string; sha256: string; filename: string }> {
    const headers = new HttpHeaders({ 'Content-Type': file.type || 'application/pdf', 'X-Filename': encodeURIComponent(file.name) });
    return this.http.post<{ id: string; sha256: string; filename: string }>('/api/documents', file, { headers });
  }
}
