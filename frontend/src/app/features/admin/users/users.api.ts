import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { InstitutionRef, Role, SubjectRef, SubjectType } from '../../../core/auth/auth.models';
import { Page, pageParams } from '../../../core/http/page';

/** A user as listed by the API: affiliation either embedded (`institution`/`subject`) or by id. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  institution?: InstitutionRef | null;
  subject?: SubjectRef | null;
  institutionId?: string | null;
  subjectId?: string | null;
  locked: boolean;
  disabled?: boolean;
  createdAt: string;
}

/** What a user acts for, for display. */
export interface Affiliation {
  kind: 'institution' | 'subject';
  name: string;
  type: string | null;
}

/** Resolves a user's affiliation from the embedded object or, failing that, the id lookups. */
export function affiliationOf(
  user: UserRecord,
  institutions: ReadonlyMap<string, InstitutionRef>,
  subjects: ReadonlyMap<string, SubjectRef>,
): Affiliation | null {
  const institution = user.institution ?? (user.institutionId ? institutions.get(user.institutionId) : undefined);
  if (institution) return { kind: 'institution', name: institution.name, type: institution.type };
  if (user.institutionId) return { kind: 'institution', name: user.institutionId, type: null };
  const subject = user.subject ?? (user.subjectId ? subjects.get(user.subjectId) : undefined);
  if (subject) return { kind: 'subject', name: subject.name, type: subject.type };
  if (user.subjectId) return { kind: 'subject', name: user.subjectId, type: null };
  return null;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  institutionId?: string;
  subjectId?: string;
}

export interface Subject {
  id: string;
  type: SubjectType;
  name: string;
  region: string;
  code: string;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(limit: number, offset: number): Observable<Page<UserRecord>> {
    return this.http.get<Page<UserRecord>>('/api/users', { params: pageParams(limit, offset) });
  }

  create(user: NewUser): Observable<UserRecord> {
    return this.http.post<UserRecord>('/api/users', user);
  }

  /** Disables a user (every session ends) or enables one again. */
  setDisabled(id: string, disabled: boolean): Observable<UserRecord> {
    return this.http.post<UserRecord>(`/api/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, {});
  }

  subjects(limit: number, offset: number): Observable<Page<Subject>> {
    return this.http.get<Page<Subject>>('/api/subjects', { params: pageParams(limit, offset) });
  }
}
