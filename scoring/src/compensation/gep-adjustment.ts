import { exact, exactMultiply, exactToFen, toExact } from '../money/index.js';
import type { GepAdjustmentTerms, SettlementLine } from './types.js';

/**
 * The optional GEP line: share × (current − previous regulating-service GEP of the upstream region),
 * rounded half-even once and capped at ±max. A gain makes the downstream party pay, a loss the upstream.
 */
export function gepAdjustment(terms: GepAdjustmentTerms, gep: { previousFen: number; currentFen: number }): SettlementLine {
  const changeFen = gep.currentFen - gep.previousFen;
  const uncappedFen = exactToFen(exactMultiply(exact(BigInt(changeFen)), toExact(terms.share, 'share')));
  const signedFen = Math.max(-terms.maxFen, Math.min(terms.maxFen, uncappedFen));
  return {
    code: 'gep_adjustment',
    payer: signedFen > 0 ? 'downstream' : signedFen < 0 ? 'upstream' : null,
    payee: signedFen > 0 ? 'upstream' : signedFen < 0 ? 'downstream' : null,
    amountFen: Math.abs(signedFen),
    signedFen,
    basis: { previousFen: gep.previousFen, currentFen: gep.currentFen, changeFen, share: terms.share, uncappedFen, capFen: terms.maxFen, capped: uncappedFen !== signedFen },
  };
}
