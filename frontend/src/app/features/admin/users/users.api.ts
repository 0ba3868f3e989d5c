import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { InstitutionRef, Role, SubjectRef, SubjectType } from '../../../core/auth/auth.models';
import { Page, pageParams } from '../../../core/http/page';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  institution: InstitutionRef | null;
  subject: SubjectRef | null;
  locked: boolean;
  createdAt: string;
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

  subjects(limit: number, offset: number): Observable<Page<Subject>> {
    return this.http.get<Page<Subject>>('/api/subjects', { params: pageParams(limit, offset) });
  }
}
