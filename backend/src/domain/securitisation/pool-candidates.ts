// What the pool selection knows about each of the bank's active loans: outstanding principal, rate,
// seasoning and remaining term, collateral value (latest valuations of the pledged assets), asset
// types, the borrower's grade, prefecture (region) and industry, and the green-taxonomy code.
import type { CandidateLoan } from '@eco/scoring';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset } from '../../db/assets/asset.types.js';
import type { Loan } from '../../db/loans/loan.types.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';

/** Whole months from `from` to `to` (a month counts once its day of month is reached). */
export function wholeMonthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  return Math.max(0, to.getUTCDate() >= from.getUTCDate() ? months : months - 1);
}

export async function candidateLoans(loans: readonly Loan[], poolId: string | null, deps: { assets: AssetRepository; subjects: SubjectRepository; now: Date }): Promise<{ candidates: CandidateLoan[]; assets: Map<string, Asset> }> {
  // Two queries for the whole selection: every pledged asset and every borrower.
  const [assets, subjects] = await Promise.all([
    deps.assets.findByIds(loans.flatMap((loan) => loan.pledgedAssetIds)),
    deps.subjects.findByIdsUnscoped(loans.map((loan) => loan.subjectId)),
  ]);
  const candidates: CandidateLoan[] = [];
  for (const loan of loans) {
    const pledged = loan.pledgedAssetIds.map((id) => assets.get(id)).filter((a): a is Asset => a !== undefined);
    const valueDate = (loan.schedule as { disbursementDate?: string } | null)?.disbursementDate;
    const disbursed = valueDate ? new Date(`${valueDate}T00:00:00Z`) : loan.disbursedAt ? new Date(loan.disbursedAt) : null;
    const seasoning = disbursed ? wholeMonthsBetween(disbursed, deps.now) : 0;
    const termMonths = loan.recommendation?.termMonths ?? loan.termMonths;
    const subject = subjects.get(loan.subjectId);
    candidates.push({
      loanId: loan.id,
      borrowerId: loan.subjectId,
      outstandingFen: Number((loan.outstanding as { principalOutstandingFen?: number } | null)?.principalOutstandingFen ?? loan.amountFen),
      annualRate: (loan.recommendation?.annualRateBp ?? 0) / 10_000,
      remainingMonths: Math.max(1, termMonths - seasoning),
      seasoningMonths: seasoning,
      collateralValueFen: pledged.reduce((s, a) => s + (a.lastValuation?.valueFen ?? 0), 0),
      assetTypes: [...new Set(pledged.map((a) => a.assetType as string))],
      grade: ((loan.greenAssessment as { grade?: string | null } | null)?.grade ?? null),
      prefecture: subject?.region ?? 'unknown',
      industry: subject?.industry ?? 'unknown',
      greenCategory: loan.taxonomyCode ?? null,
      inPool: loan.securitisationPoolId && loan.securitisationPoolId !== poolId ? loan.securitisationPoolId : null,
    });
  }
  return { candidates, assets };
}
