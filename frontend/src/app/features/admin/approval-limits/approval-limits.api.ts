import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { Page, pageParams } from '../../../core/http/page';
import { Institution } from '../institutions/institutions.api';
import { UserRecord } from '../users/users.api';

/** One tier: the level that approves amounts up to `maxAmountFen` (absent on the top tier). */
export interface ApprovalTier {
  level: string;
  label: string;
  maxAmountFen?: number;
}

/** The body of `PUT /api/loan-approval-limits/:institutionId` (schemas/api/loans/approval-limits.body.json). */
export interface ApprovalLimitsInput {
  tiers: ApprovalTier[];
  defaultLevel: string;
  approverLevels: Record<string, string>;
}

/** A bank's current approval limits; version 0 = the configuration file's default tiers. */
export interface ApprovalLimits extends ApprovalLimitsInput {
  institutionId: string;
  version: number;
  source: string;
  createdBy: string;
}

/** The API allows up to 200 a page. */
const PAGE = 200;
/** Upper bound on the pages of users read to find a bank's approvers. */
const MAX_USER_PAGES = 50;

@Injectable({ providedIn: 'root' })
export class ApprovalLimitsApi {
  private readonly http = inject(HttpClient);

  banks(): Observable<Institution[]> {
    return this.http
      .get<Page<Institution>>('/api/institutions', { params: pageParams(PAGE, 0).set('type', 'bank') })
      .pipe(map((page) => page.items));
  }

  /** Every user (the users API has no filter), page by page. */
  users(): Observable<UserRecord[]> {
    const page = (offset: number) => this.http.get<Page<UserRecord>>('/api/users', { params: pageParams(PAGE, offset) });
    return page(0).pipe(
      switchMap((first) => {
        const pages = Math.min(Math.ceil(first.total / PAGE), MAX_USER_PAGES);
        const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page((i + 1) * PAGE));
        return rest.length ? forkJoin(rest).pipe(map((more) => [first, ...more].flatMap((p) => p.items))) : of(first.items);
      }),
    );
  }

  current(institutionId: string): Observable<ApprovalLimits> {
    return this.http.get<ApprovalLimits>(`/api/loan-approval-limits/${institutionId}`);
  }

  publish(institutionId: string, input: ApprovalLimitsInput): Observable<ApprovalLimits> {
    return this.http.put<ApprovalLimits>(`/api/loan-approval-limits/${institutionId}`, input);
  }
}
