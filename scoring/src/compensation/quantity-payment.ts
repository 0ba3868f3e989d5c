import { exact, exactCompare, exactMultiply, exactSubtract, exactToDecimalString, exactToFen, toExact } from '../money/index.js';
import { CompensationInputError } from './compensation-input-error.js';
import type { SettlementLine, WaterQuantityTerms } from './types.js';

/**
 * The water-quantity line: delivered ecological flow against the agreed volume. A shortfall makes the
 * upstream party pay shortfall × rate, a surplus makes the downstream party pay surplus × rate, each
 * rounded half-even once and capped at the agreed limit.
 */
export function quantityPayment(terms: WaterQuantityTerms, deliveredM3: string): SettlementLine {
  let delivered;
  try {
    delivered = toExact(deliveredM3, 'deliveredM3');
  } catch {
    throw new CompensationInputError(`deliveredM3 is not a decimal number: ${deliveredM3}`, 'deliveredM3');
  }
  if (exactCompare(delivered, exact(0n)) < 0) throw new CompensationInputError('the delivered volume must not be negative', 'deliveredM3');
  const difference = exactSubtract(delivered, toExact(terms.agreedM3));
  const sign = exactCompare(difference, exact(0n));
  const basis = { agreedM3: terms.agreedM3, deliveredM3, differenceM3: exactToDecimalString(difference, 2) };
  if (sign === 0) return { code: 'water_quantity', payer: null, payee: null, amountFen: 0, signedFen: 0, basis: { ...basis, rateFen: 0, uncappedFen: 0, capFen: null, capped: false } };
  const shortfall = sign < 0;
  const volume = shortfall ? exactSubtract(exact(0n), difference) : difference;
  const rateFen = shortfall ? terms.shortfallRateFen : terms.surplusRateFen;
  const capFen = shortfall ? terms.maxShortfallFen : terms.maxSurplusFen;
  const uncappedFen = exactToFen(exactMultiply(volume, exact(BigInt(rateFen))));
  const amountFen = Math.min(uncappedFen, capFen);
  return {
    code: 'water_quantity',
    payer: amountFen === 0 ? null : shortfall ? 'upstream' : 'downstream',
    payee: amountFen === 0 ? null : shortfall ? 'downstream' : 'upstream',
    amountFen,
    signedFen: shortfall ? -amountFen : amountFen,
    basis: { ...basis, rateFen, uncappedFen, capFen, capped: uncappedFen > capFen },
  };
}
