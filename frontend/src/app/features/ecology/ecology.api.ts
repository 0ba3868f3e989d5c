import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  Agreement, AgreementInput, Basin, CatalogueEntry, CatalogueEntryDetail, CatalogueEntryInput, EcoRegions, GepConfig, GepRun, GepRunInput, ImportResult, Institution, MonitoringAlert,
  PublicGepRun, Settlement, SettlementInput, SettlementPreview,
} from './ecology.models';

/** Catalogue and monitoring, GEP runs (and their public pages), basin compensation. */
@Injectable({ providedIn: 'root' })
export class EcologyApi {
  private readonly http = inject(HttpClient);

  publicRuns(): Observable<{ items: PublicGepRun[] }> {
    return this.http.get<{ items: PublicGepRun[] }>('/api/public/gep-runs');
  }

  runs(): Observable<{ items: GepRun[] }> {
    return this.http.get<{ items: GepRun[] }>('/api/gep-runs');
  }

  review(id: string): Observable<GepRun> {
    return this.http.post<GepRun>(`/api/gep-runs/${id}/review`, {});
  }

  publish(id: string): Observable<GepRun> {
    return this.http.post<GepRun>(`/api/gep-runs/${id}/publish`, {});
  }

  catalogue(): Observable<{ items: CatalogueEntry[] }> {
    return this.http.get<{ items: CatalogueEntry[] }>('/api/eco-catalogue');
  }

  alerts(): Observable<{ items: MonitoringAlert[] }> {
    return this.http.get<{ items: MonitoringAlert[] }>('/api/eco-monitoring-alerts');
  }

  agreements(): Observable<{ items: Agreement[] }> {
    return this.http.get<{ items: Agreement[] }>('/api/compensation/agreements');
  }

  agreement(id: string): Observable<Agreement> {
    return this.http.get<Agreement>(`/api/compensation/agreements/${id}`);
  }

  confirm(id: string): Observable<Settlement> {
    return this.http.post<Settlement>(`/api/compensation/settlements/${id}/confirm`, {});
  }

  object(id: string, reason: string): Observable<Settlement> {
    return this.http.post<Settlement>(`/api/compensation/settlements/${id}/object`, { reason });
  }

  gepConfig(): Observable<GepConfig> {
    return this.http.get<GepConfig>('/api/gep-config');
  }

  regions(): Observable<EcoRegions> {
    return this.http.get<EcoRegions>('/api/eco-regions');
  }

  run(id: string): Observable<GepRun> {
    return this.http.get<GepRun>(`/api/gep-runs/${id}`);
  }

  createRun(body: GepRunInput): Observable<GepRun> {
    return this.http.post<GepRun>('/api/gep-runs', body);
  }

  correctRun(id: string, body: GepRunInput & { changeNote: string }): Observable<GepRun> {
    return this.http.post<GepRun>(`/api/gep-runs/${id}/corrections`, body);
  }

  siteRuns(siteCode: string): Observable<{ items: PublicGepRun[] }> {
    return this.http.get<{ items: PublicGepRun[] }>(`/api/gep-sites/${encodeURIComponent(siteCode)}/runs`);
  }

  entry(id: string): Observable<CatalogueEntryDetail> {
    return this.http.get<CatalogueEntryDetail>(`/api/eco-catalogue/${id}`);
  }

  createEntry(body: CatalogueEntryInput): Observable<CatalogueEntry> {
    return this.http.post<CatalogueEntry>('/api/eco-catalogue', body);
  }

  importObservations(id: string, file: File): Observable<ImportResult> {
    const headers = new HttpHeaders({ 'Content-Type': 'text/csv', 'X-Filename': encodeURIComponent(file.name) });
    return this.http.post<ImportResult>(`/api/eco-catalogue/${id}/observations/import`, file, { headers });
  }

  basins(): Observable<{ items: Basin[] }> {
    return this.http.get<{ items: Basin[] }>('/api/compensation/basins');
  }

  governments(): Observable<{ items: Institution[] }> {
    return this.http.get<{ items: Institution[] }>('/api/institutions?type=government&limit=100');
  }

  createAgreement(body: AgreementInput): Observable<Agreement> {
    return this.http.post<Agreement>('/api/compensation/agreements', body);
  }

  previewSettlement(agreementId: string, body: SettlementInput): Observable<SettlementPreview> {
    return this.http.post<SettlementPreview>(`/api/compensation/agreements/${agreementId}/settlements/preview`, body);
  }

  runSettlement(agreementId: string, body: SettlementInput): Observable<Settlement> {
    return this.http.post<Settlement>(`/api/compensation/agreements/${agreementId}/settlements`, body);
  }
}
