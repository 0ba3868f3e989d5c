import { exact, exactFromDecimal, exactMultiply, exactToFen, roundDown } from '../money/index.js';
import { LoanInputError } from './loan-input-error.js';
import type { GuaranteeCover, MaxLoan, PledgedValuation } from './types.js';

/**
 * The most a bank may lend against pledged assets: Σ of each asset's `maxLoanFen` as the valuation
 * engine computed it (lending value × pledge rate, rounded once, 0 when the right has no term
 * left — not recomputed here), plus a guarantee's cover when the product allows it (at most
 * maxCoverShareOfPledges × the pledge capacity, rounded down). The term limit is the shortest
 * `maxTermYears` of the pledges (policy maximum and remaining term of each right), in months.
 */
export function maxLoanAmount(pledges: readonly PledgedValuation[], guaranteeCover?: GuaranteeCover): MaxLoan {
  const reasons: string[] = [];
  const lines = pledges.map((p, i) => {
    const v = p.valuation;
    const field = `pledges[${i}].valuation`;
    if (typeof p.assetId !== 'string' || p.assetId === '') throw new LoanInputError('assetId must be a non-empty string', `pledges[${i}].assetId`);
    for (const key of ['lendingValueFen', 'maxLoanFen'] as const) {
      if (!(Number.isSafeInteger(v[key]) && v[key] >= 0)) throw new LoanInputError(`${key} must be whole fen ≥ 0, got ${v[key]}`, `${field}.${key}`);
    }
    if (!(Number.isFinite(v.maxTermYears) && v.maxTermYears >= 0)) throw new LoanInputError(`maxTermYears must be ≥ 0, got ${v.maxTermYears}`, `${field}.maxTermYears`);
    const maxTermMonths = Math.floor(v.maxTermYears * 12);
    reasons.push(`${p.assetId} (${v.assetType}): lending value ${v.lendingValueFen} fen × pledge rate ${v.pledgeRate} → ${v.maxLoanFen} fen, term ≤ ${maxTermMonths} months`);
    return { assetId: p.assetId, assetType: v.assetType, lendingValueFen: v.lendingValueFen, pledgeRate: v.pledgeRate, maxLoanFen: v.maxLoanFen, maxTermMonths };
  });
  const pledgeCapacityFen = lines.reduce((sum, l) => sum + l.maxLoanFen, 0);
  if (!Number.isSafeInteger(pledgeCapacityFen)) throw new LoanInputError('the pledges add up to more than a safe amount of fen', 'pledges');
  if (lines.length === 0) reasons.push('no pledged assets: nothing can be lent against pledges');

  let guaranteeCoverFen = 0;
  let capped = false;
  if (guaranteeCover) {
    if (!(Number.isSafeInteger(guaranteeCover.coverFen) && guaranteeCover.coverFen >= 0)) throw new LoanInputError(`coverFen must be whole fen ≥ 0, got ${guaranteeCover.coverFen}`, 'guaranteeCover.coverFen');
    if (!guaranteeCover.productAllowsGuarantee) {
      reasons.push(`guarantee cover ${guaranteeCover.coverFen} fen not counted: the product does not allow guarantee cover`);
    } else {
      guaranteeCoverFen = guaranteeCover.coverFen;
      if (guaranteeCover.maxCoverShareOfPledges !== undefined) {
        const limit = exactToFen(exactMultiply(exact(BigInt(pledgeCapacityFen)), exactFromDecimal(guaranteeCover.maxCoverShareOfPledges, 'maxCoverShareOfPledges')), roundDown, 'guaranteeCover');
        if (limit < guaranteeCoverFen) {
          guaranteeCoverFen = limit;
          capped = true;
        }
      }
      reasons.push(`guarantee${guaranteeCover.guarantorId ? ` by ${guaranteeCover.guarantorId}` : ''} covers ${guaranteeCover.coverFen} fen; counted ${guaranteeCoverFen} fen${capped ? ` (at most ${guaranteeCover.maxCoverShareOfPledges} × the pledge capacity)` : ''}`);
    }
  }
  const maxLoanFen = pledgeCapacityFen + guaranteeCoverFen;
  const shortest = lines.reduce<(typeof lines)[number] | null>((best, l) => (best === null || l.maxTermMonths < best.maxTermMonths ? l : best), null);
  const maxTermMonths = shortest?.maxTermMonths ?? 0;
  if (shortest) reasons.push(`term ≤ ${maxTermMonths} months, set by ${shortest.assetId}: a loan may not outlive any pledged right`);
  const amount: MaxLoan['bindingConstraint']['amount'] = maxLoanFen === 0 ? 'none' : capped ? 'guarantee_share_cap' : guaranteeCoverFen > 0 ? 'pledges_and_guarantee' : 'pledges';
  reasons.unshift(`maximum loan ${maxLoanFen} fen = pledges ${pledgeCapacityFen} fen + guarantee ${guaranteeCoverFen} fen`);
  return { pledges: lines, pledgeCapacityFen, guaranteeCoverFen, maxLoanFen, maxTermMonths, bindingConstraint: { amount, term: shortest?.assetId ?? null }, reasons };
}
