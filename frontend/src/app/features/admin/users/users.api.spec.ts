import { InstitutionRef, SubjectRef } from '../../../core/auth/auth.models';
import { UserRecord, affiliationOf } from './users.api';

const base: UserRecord = {
  id: 'u',
  username: 'x',
  displayName: 'X',
  roles: [],
  locked: false,
  createdAt: '',
};
const institutions = new Map<string, InstitutionRef>([['i1', { id: 'i1', name: '塔里木农村商业银行', type: 'bank' }]]);
const subjects = new Map<string, SubjectRef>([['s1', { id: 's1', name: '阿依古丽', type: 'individual' }]]);

describe('affiliationOf', () => {
  it('uses the embedded institution or subject', () => {
    expect(
      affiliationOf({ ...base, institution: { id: 'i9', name: 'Bank 9', type: 'bank' } }, institutions, subjects),
    ).toEqual({ kind: 'institution', name: 'Bank 9', type: 'bank' });
  });

  it('looks ids up', () => {
    expect(affiliationOf({ ...base, institutionId: 'i1' }, institutions, subjects)).toEqual({
      kind: 'institution',
      name: '塔里木农村商业银行',
      type: 'bank',
    });
    expect(affiliationOf({ ...base, subjectId: 's1', institutionId: null }, institutions, subjects)).toEqual({
      kind: 'subject',
      name: '阿依古丽',
      type: 'individual',
    });
  });

  it('falls back to the id, or nothing', () => {
    expect(affiliationOf({ ...base, subjectId: 's404' }, institutions, subjects)).toEqual({
      kind: 'subject',
      name: 's404',
      type: null,
    });
    expect(affiliationOf(base, institutions, subjects)).toBeNull();
  });
});
