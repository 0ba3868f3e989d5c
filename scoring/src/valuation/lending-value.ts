import { exact, exactMin, exactMultiply, exactSubtract, type Exact } from '../money/index.js';

/**
 * Lending value = value × (1 − total haircut), never more than value × capShare when the method
 * caps it (GEP: the configured cash-flow share, or 0 without a cash-flow backing).
 */
export function lendingValue(value: Exact, haircutTotal: Exact, capShare: Exact | null): Exact {
  const afterHaircut = exactMultiply(value, exactSubtract(exact(1n), haircutTotal));
  return capShare === null ? afterHaircut : exactMin(afterHaircut, exactMultiply(value, capShare));
}
