import { exact, exactCompare, exactFromDecimal, exactMultiply, exactToDecimalString } from '../money/index.js';
import type { CandidateLoan, CriterionCode, ExcludedLoan, PoolCriteria, PoolSelection } from './types.js';

type Failure = { criterion: CriterionCode; reason: string };
const percent = (numerator: number, denominator: number): string => `${exactToDecimalString(exact(BigInt(numerator) * 100n, BigInt(Math.max(denominator, 1))), 1)} %`;

function individualFailures(loan: CandidateLoan, criteria: PoolCriteria): Failure[] {
  const failures: Failure[] = [];
  if (loan.inPool) failures.push({ criterion: 'IN_OTHER_POOL', reason: `already in pool ${loan.inPool}` });
  if (criteria.assetTypes) {
    const outside = loan.assetTypes.filter((t) => !criteria.assetTypes!.includes(t));
    if (outside.length > 0 || loan.assetTypes.length === 0) {
      failures.push({ criterion: 'ASSET_TYPE', reason: outside.length ? `secured by ${outside.join(', ')}, not among ${criteria.assetTypes.join(', ')}` : 'no pledged asset' });
    }
  }
  if (criteria.grades && (loan.grade === null || !criteria.grades.includes(loan.grade))) {
    failures.push({ criterion: 'GRADE', reason: `grade ${loan.grade ?? 'none'} not among ${criteria.grades.join(', ')}` });
  }
  if (criteria.maxLtv !== undefined) {
    const over = loan.collateralValueFen === 0 || exactCompare(exact(BigInt(loan.outstandingFen)), exactMultiply(exact(BigInt(loan.collateralValueFen)), exactFromDecimal(criteria.maxLtv))) > 0;
    if (over) failures.push({ criterion: 'LTV', reason: `LTV ${loan.collateralValueFen === 0 ? 'unbounded (no collateral value)' : percent(loan.outstandingFen, loan.collateralValueFen)} above ${percent(Math.round(criteria.maxLtv * 1000), 1000)}` });
  }
  if (criteria.minSeasoningMonths !== undefined && loan.seasoningMonths < criteria.minSeasoningMonths) {
    failures.push({ criterion: 'SEASONING', reason: `seasoned ${loan.seasoningMonths} months, fewer than ${criteria.minSeasoningMonths}` });
  }
  return failures;
}

const dimensions: { criterion: CriterionCode; limit: keyof PoolCriteria; key: (l: CandidateLoan) => string; label: string }[] = [
  { criterion: 'BORROWER_CONCENTRATION', limit: 'maxBorrowerShare', key: (l) => l.borrowerId, label: 'borrower' },
  { criterion: 'PREFECTURE_CONCENTRATION', limit: 'maxPrefectureShare', key: (l) => l.prefecture, label: 'prefecture' },
  { criterion: 'INDUSTRY_CONCENTRATION', limit: 'maxIndustryShare', key: (l) => l.industry, label: 'industry' },
];

/**
 * Selects a pool from a bank's candidate loans: every loan failing an individual criterion
 * (another pool, asset type, grade, LTV ceiling, seasoning) is excluded with every reason; then
 * concentration limits (borrower, prefecture, industry share of the pool balance) are applied in
 * the candidates' order — a loan that would take its group above the limit is excluded — repeated
 * until no group exceeds its limit of the final pool. Deterministic; exact comparisons.
 */
export function selectPoolLoans(candidates: readonly CandidateLoan[], criteria: PoolCriteria): PoolSelection {
  const excluded = new Map<string, Failure[]>();
  let pool = candidates.filter((loan) => {
    const failures = individualFailures(loan, criteria);
    if (failures.length) excluded.set(loan.loanId, failures);
    return failures.length === 0;
  });
  for (let changed = true; changed; ) {
    changed = false;
    const total = pool.reduce((s, l) => s + l.outstandingFen, 0);
    const out = new Set<string>();
    for (const dim of dimensions) {
      const limit = criteria[dim.limit] as number | undefined;
      if (limit === undefined) continue;
      const cap = exactMultiply(exact(BigInt(total)), exactFromDecimal(limit));
      const held = new Map<string, number>();
      for (const loan of pool) {
        if (out.has(loan.loanId)) continue;
        const group = dim.key(loan);
        const after = (held.get(group) ?? 0) + loan.outstandingFen;
        if (exactCompare(exact(BigInt(after)), cap) > 0) {
          out.add(loan.loanId);
          excluded.set(loan.loanId, [{ criterion: dim.criterion, reason: `${dim.label} ${group} would hold ${percent(after, total)} of the pool, above ${percent(Math.round(limit * 1000), 1000)}` }]);
        } else held.set(group, after);
      }
    }
    if (out.size) {
      pool = pool.filter((l) => !out.has(l.loanId));
      changed = true;
    }
  }
  const result: ExcludedLoan[] = candidates.filter((l) => excluded.has(l.loanId)).map((l) => ({ loanId: l.loanId, failures: excluded.get(l.loanId)! }));
  return { included: pool.map((l) => l.loanId), excluded: result, balanceFen: pool.reduce((s, l) => s + l.outstandingFen, 0) };
}
