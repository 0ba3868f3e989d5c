import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { InstitutionType } from '../../../core/auth/auth.models';
import { Page, pageParams } from '../../../core/http/page';

export interface Institution {
  id: string;
  name: string;
  type: InstitutionType;
  region: string;
  code: string;
  createdAt: string;
}

export type NewInstitution = Pick<Institution, 'name' | 'type' | 'region' | 'code'>;

export const INSTITUTION_TYPES: readonly InstitutionType[] = [
  'bank',
  'guarantee_institution',
  'external_reviewer',
  'regulator',
  'platform_operator',
  'data_partner',
  'certifier',
  'supply_chain',
  'environmental_authority',
];

@Injectable({ providedIn: 'root' })
export class InstitutionsApi {
  private readonly http = inject(HttpClient);

  list(limit: number, offset: number): Observable<Page<Institution>> {
    return this.http.get<Page<Institution>>('/api/institutions', {
      params: pageParams(limit, offset),
    });
  }

  create(institution: NewInstitution): Observable<Institution> {
    return this.http.post<Institution>('/api/institutions', institution);
  }
}
