import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Page, pageParams } from '../../core/http/page';

export interface AuditRecord {
  seq: number;
  at: string;
  actor: { userId: string | null; username: string | null } | null;
  institutionId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  idempotencyKey: string | null;
  changes: { before: unknown; after: unknown } | null;
  hash: string;
  prevHash: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; reason: string };
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(limit: number, offset: number): Observable<Page<AuditRecord>> {
    return this.http.get<Page<AuditRecord>>('/api/audit', { params: pageParams(limit, offset) });
  }

  verify(): Observable<AuditVerification> {
    return this.http.get<AuditVerification>('/api/audit/verify');
  }
}
