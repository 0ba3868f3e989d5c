import { exact, exactAdd, exactCompare, exactDivide, exactMultiply, exactToDecimalString, toExact, type Exact } from '../money/index.js';
import { CompensationInputError } from './compensation-input-error.js';
import type { QualityIndex, WaterQualityTerms } from './types.js';

const ONE = exact(1n);
const ZERO = exact(0n);

function decimal(value: string, field: string): Exact {
  try {
    return toExact(value, field);
  } catch {
    throw new CompensationInputError(`${field} is not a decimal number: ${value}`, field);
  }
}

/** Weights sum to exactly 1, baselines are above 0, codes are unique (the schema cannot state these). */
export function checkQualityTerms(terms: WaterQualityTerms, field = 'waterQuality'): void {
  if (terms.pollutants.length === 0) throw new CompensationInputError('at least one pollutant is assessed', `${field}.pollutants`);
  let sum = ZERO;
  const codes = new Set<string>();
  terms.pollutants.forEach((p, i) => {
    if (codes.has(p.code)) throw new CompensationInputError(`pollutant ${p.code} appears twice`, `${field}.pollutants[${i}].code`);
    codes.add(p.code);
    if (exactCompare(decimal(p.baseline, `${field}.pollutants[${i}].baseline`), ZERO) <= 0) throw new CompensationInputError('the baseline concentration must be above 0', `${field}.pollutants[${i}].baseline`);
    const w = decimal(p.weight, `${field}.pollutants[${i}].weight`);
    if (exactCompare(w, ZERO) < 0) throw new CompensationInputError('a weight must not be negative', `${field}.pollutants[${i}].weight`);
    sum = exactAdd(sum, w);
  });
  if (exactCompare(sum, ONE) !== 0) throw new CompensationInputError(`the weights sum to ${exactToDecimalString(sum, 4)}, not 1`, `${field}.pollutants`);
  if (exactCompare(decimal(terms.k0, `${field}.k0`), ZERO) <= 0) throw new CompensationInputError('K0 must be above 0', `${field}.k0`);
  checkSchedule(terms, field);
}

/** Tiers rise; the tier ending exactly at P = 1 exists; tiers up to it have the downstream party pay, later ones the upstream party; only the last is unbounded. */
function checkSchedule(terms: WaterQualityTerms, field: string): void {
  const s = terms.schedule;
  let previous: Exact | null = null;
  let passedOne = false;
  s.forEach((tier, i) => {
    const f = `${field}.schedule[${i}]`;
    if (tier.upToIndex === null && i !== s.length - 1) throw new CompensationInputError('only the last tier may be unbounded', `${f}.upToIndex`);
    const bound = tier.upToIndex === null ? null : decimal(tier.upToIndex, `${f}.upToIndex`);
    if (bound && previous && exactCompare(bound, previous) <= 0) throw new CompensationInputError('tiers must rise', `${f}.upToIndex`);
    const expectedPayer = passedOne ? 'upstream' : 'downstream';
    if (tier.payer !== expectedPayer) throw new CompensationInputError(`for P ${passedOne ? '> 1' : '≤ 1'} the ${expectedPayer} party pays`, `${f}.payer`);
    if (bound && exactCompare(bound, ONE) > 0 && !passedOne) throw new CompensationInputError('a tier must end exactly at P = 1', `${f}.upToIndex`);
    if (bound && exactCompare(bound, ONE) === 0) passedOne = true;
    previous = bound;
  });
  if (!passedOne || s[s.length - 1]!.upToIndex !== null) throw new CompensationInputError('the schedule needs a tier ending at P = 1 and a last, unbounded tier', `${field}.schedule`);
}

/** The exact index P = K0 × Σ k_i × C_i / C_i0 over the agreed pollutants. */
export function waterQualityIndexExact(terms: WaterQualityTerms, means: Record<string, string>, field = 'pollutantMeans'): { index: Exact; result: QualityIndex } {
  checkQualityTerms(terms);
  let sum = ZERO;
  const rows = terms.pollutants.map((p) => {
    const raw = means[p.code];
    if (raw === undefined) throw new CompensationInputError(`no mean concentration for ${p.code}`, `${field}.${p.code}`);
    const mean = decimal(raw, `${field}.${p.code}`);
    if (exactCompare(mean, ZERO) < 0) throw new CompensationInputError('a concentration must not be negative', `${field}.${p.code}`);
    const ratio = exactDivide(mean, toExact(p.baseline));
    const weighted = exactMultiply(toExact(p.weight), ratio);
    sum = exactAdd(sum, weighted);
    return { code: p.code, mean: raw, baseline: p.baseline, weight: p.weight, ratio: exactToDecimalString(ratio, 4), weighted: exactToDecimalString(weighted, 4) };
  });
  const index = exactMultiply(toExact(terms.k0), sum);
  return { index, result: { index: exactToDecimalString(index, 4), k0: terms.k0, terms: rows, met: exactCompare(index, ONE) <= 0 } };
}

/** The cross-section water-quality index with its terms (4 decimals) and whether the water met the standard (P ≤ 1). */
export function waterQualityIndex(terms: WaterQualityTerms, means: Record<string, string>): QualityIndex {
  return waterQualityIndexExact(terms, means).result;
}
