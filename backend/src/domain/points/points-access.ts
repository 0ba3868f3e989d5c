// Who may read a subject's points: the subject's own users and platform readers in full; a bank the
// grade, score and explanation of an applicant with an application at that bank; nobody else
// (404, exactly like a subject that does not exist).
import type { BankRelationships } from '../access/bank-relationships.js';
import { notFound } from '../errors/index.js';
import { can, readsAllTenants, type Principal } from '../identity/principal.js';

export type PointsReadLevel = 'full' | 'applicant';

export class PointsAccess {
  constructor(private readonly banks: BankRelationships) {}

  async levelFor(principal: Principal, subjectId: string): Promise<PointsReadLevel | undefined> {
    if (principal.subjectId === subjectId || readsAllTenants(principal)) return 'full';
    const isBankStaff = can(principal, 'loans.review') || can(principal, 'loans.approve');
    if (isBankStaff && principal.institutionId && (await this.banks.subjectAppliedTo(principal.institutionId, subjectId))) return 'applicant';
    return undefined;
  }

  /** The caller's access to the subject's points; 404 without any, or when the full account is needed. */
  async require(principal: Principal, subjectId: string, needed: PointsReadLevel): Promise<PointsReadLevel> {
    const level = await this.levelFor(principal, subjectId);
    if (!level || (needed === 'full' && level !== 'full')) throw notFound('points account');
    return level;
  }

  /** The subject the caller acts for (citizens, enterprises, organisations). */
  static ownSubject(principal: Principal): string {
    if (!principal.subjectId) throw notFound('points account');
    return principal.subjectId;
  }
}
