// Read-only facts for the regulator's statistics: the loans collection grouped by the dimensions the
// statistics need, with simple pipelines ($match, $group, $sum) that both database engines run. The
// rest (taxonomy, subjects, ratios) is done in code by domain/statistics.
import type { Connection } from 'mongoose';
import { loanModel } from '../loans/loan.schema.js';

/** Loans that have been disbursed (lent now, or lent before and closed or written off). */
export const disbursedStates = ['ACTIVE', 'OVERDUE', 'DEFAULTED', 'CLOSED', 'WRITTEN_OFF'] as const;

export interface GreenLoanFact {
  institutionId: string;
  subjectId: string;
  taxonomyCode: string;
  state: string;
  annualRateBp: number | null;
  disbursementDate: string | null;
  loans: number;
  principalFen: number;
  balanceFen: number;
}

export class GreenLoanFactRepository {
  private readonly loans;

  constructor(connection: Connection) {
    this.loans = loanModel(connection);
  }

  /**
   * One row per (bank, borrower, use, state, rate, disbursement date) of disbursed loans; `institutionId`
   * restricts the facts to one bank (a bank reading its own figures). Uses the { state: 1 } index.
   */
  async facts(institutionId?: string): Promise<GreenLoanFact[]> {
    const match: Record<string, unknown> = { state: { $in: [...disbursedStates] } };
    if (institutionId) match['institutionId'] = institutionId;
    const rows = await this.loans.aggregate<{ _id: Omit<GreenLoanFact, 'loans' | 'principalFen' | 'balanceFen'>; loans: number; principalFen: number; balanceFen: number }>([
      { $match: match },
      {
        $group: {
          _id: { institutionId: '$institutionId', subjectId: '$subjectId', taxonomyCode: '$taxonomyCode', state: '$state', annualRateBp: '$recommendation.annualRateBp', disbursementDate: '$schedule.disbursementDate' },
          loans: { $sum: 1 },
          principalFen: { $sum: '$schedule.principalFen' },
          balanceFen: { $sum: '$outstanding.principalOutstandingFen' },
        },
      },
    ]);
    return rows.map((r) => ({
      institutionId: r._id.institutionId, subjectId: r._id.subjectId, taxonomyCode: r._id.taxonomyCode, state: r._id.state,
      annualRateBp: r._id.annualRateBp ?? null, disbursementDate: r._id.disbursementDate ?? null,
      loans: r.loans, principalFen: r.principalFen ?? 0, balanceFen: r.balanceFen ?? 0,
    }));
  }
}
