// Encumbrance as one table. Only the loan workflow moves an asset between these states, through
// AssetEncumbrance; each move is one compare-and-set on the asset document.
import type { EncumbranceStatus } from '../../db/assets/asset.types.js';

export type EncumbranceAction = 'pledge' | 'release' | 'freeze' | 'unfreeze';

export interface EncumbranceTransition {
  from: readonly EncumbranceStatus[];
  to: EncumbranceStatus;
  /** The asset must have passed verification. */
  requiresVerified: boolean;
  /** The asset must currently secure the loan named in the call. */
  requiresSameLoan: boolean;
  /** A product order must be confirmed by its buyer (issue 14). */
  requiresConfirmedOrder?: boolean;
}

export const encumbranceTable: Record<EncumbranceAction, EncumbranceTransition> = {
  pledge: { from: ['free'], to: 'pledged', requiresVerified: true, requiresSameLoan: false, requiresConfirmedOrder: true },
  release: { from: ['pledged', 'frozen'], to: 'free', requiresVerified: false, requiresSameLoan: true },
  freeze: { from: ['pledged'], to: 'frozen', requiresVerified: false, requiresSameLoan: true },
  unfreeze: { from: ['frozen'], to: 'pledged', requiresVerified: false, requiresSameLoan: true },
};
