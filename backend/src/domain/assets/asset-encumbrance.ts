// The domain methods the loan workflow calls to pledge, release, freeze and unfreeze an asset and to
// report the outstanding loan it secures. Each is one compare-and-set on the asset document: of
// many concurrent pledges of one asset exactly one wins. No HTTP route reaches these.
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset } from '../../db/assets/asset.types.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor } from '../identity/principal.js';
import { encumbranceTable, type EncumbranceAction } from './encumbrance-table.js';

/** Who changes encumbrance when the loan workflow does not pass its own actor. */
export const loanWorkflowActor: Actor = { requestId: 'loan-workflow' };

export class AssetEncumbrance {
  constructor(private readonly deps: { assets: AssetRepository; audit: AuditTrail; clock: Clock }) {}

  /** free + verified → pledged to the loan; any other state is refused (ASSET_NOT_VERIFIED, ASSET_ALREADY_PLEDGED, ASSET_FROZEN). */
  pledge(assetId: string, loanId: string, institutionId: string, outstandingFen = 0, actor: Actor = loanWorkflowActor): Promise<Asset> {
    const now = this.deps.clock.now();
    return this.apply(actor, assetId, 'pledge', loanId, {
      'encumbrance.status': 'pledged', 'encumbrance.loanId': loanId, 'encumbrance.institutionId': institutionId, 'encumbrance.since': now,
      pledgedLoan: { loanId, institutionId, outstandingFen, updatedAt: now },
    });
  }

  /** pledged/frozen (to this loan) → free: the loan is repaid or the pledge withdrawn. */
  release(assetId: string, loanId: string, actor: Actor = loanWorkflowActor): Promise<Asset> {
    return this.apply(actor, assetId, 'release', loanId, {
      'encumbrance.status': 'free', 'encumbrance.loanId': null, 'encumbrance.institutionId': null, 'encumbrance.since': this.deps.clock.now(), pledgedLoan: null,
    });
  }

  /** pledged (to this loan) → frozen: default or a court order; the loan stays attached. */
  freeze(assetId: string, loanId: string, actor: Actor = loanWorkflowActor): Promise<Asset> {
    return this.apply(actor, assetId, 'freeze', loanId, { 'encumbrance.status': 'frozen', 'encumbrance.since': this.deps.clock.now() });
  }

  /** frozen (to this loan) → pledged. */
  unfreeze(assetId: string, loanId: string, actor: Actor = loanWorkflowActor): Promise<Asset> {
    return this.apply(actor, assetId, 'unfreeze', loanId, { 'encumbrance.status': 'pledged', 'encumbrance.since': this.deps.clock.now() });
  }

  /** The loan's outstanding principal (integer fen), used for its LTV at every revaluation. */
  async updateLoanExposure(assetId: string, loanId: string, outstandingFen: number, actor: Actor = loanWorkflowActor): Promise<Asset> {
    if (!Number.isSafeInteger(outstandingFen) || outstandingFen < 0) {
      throw new AppError('VALIDATION_FAILED', 'the outstanding amount is a non-negative integer number of fen', { field: 'outstandingFen' });
    }
    const before = await this.existing(assetId);
    const after = await this.deps.assets.compareAndSet(assetId, { 'pledgedLoan.loanId': loanId, 'encumbrance.status': { $in: ['pledged', 'frozen'] } }, {
      'pledgedLoan.outstandingFen': outstandingFen, 'pledgedLoan.updatedAt': this.deps.clock.now(),
    });
    if (!after) throw new AppError('ASSET_NOT_PLEDGED', `the asset does not secure loan ${loanId}`, { field: 'loanId' });
    await this.audit(actor, 'asset.loan-exposure', before, after);
    return after;
  }

  private async apply(actor: Actor, assetId: string, action: EncumbranceAction, loanId: string, set: Record<string, unknown>): Promise<Asset> {
    const step = encumbranceTable[action];
    const expected: Record<string, unknown> = { 'encumbrance.status': { $in: [...step.from] } };
    if (step.requiresVerified) expected['state'] = 'verified';
    if (step.requiresSameLoan) expected['encumbrance.loanId'] = loanId;
    if (step.requiresConfirmedOrder) expected['$or'] = [{ assetType: { $ne: 'product_order' } }, { 'orderConfirmation.status': 'confirmed' }];
    const after = await this.deps.assets.compareAndSet(assetId, expected, set);
    if (!after) throw this.refusal(action, await this.existing(assetId), loanId);
    await this.audit(actor, `asset.${action}`, undefined, after);
    return after;
  }

  private refusal(action: EncumbranceAction, asset: Asset, loanId: string): AppError {
    const step = encumbranceTable[action];
    if (step.requiresVerified && asset.state !== 'verified') return new AppError('ASSET_NOT_VERIFIED', `the asset is ${asset.state}; only verified assets can be pledged`);
    if (step.requiresConfirmedOrder && asset.assetType === 'product_order' && asset.orderConfirmation?.status !== 'confirmed') {
      return new AppError('ASSET_ORDER_NOT_CONFIRMED', 'the buyer has not confirmed this product order; an unconfirmed order cannot be pledged');
    }
    if (action === 'pledge' && asset.encumbrance.status === 'pledged') return new AppError('ASSET_ALREADY_PLEDGED', `the asset is already pledged to loan ${asset.encumbrance.loanId}`);
    if (asset.encumbrance.status === 'frozen' && action !== 'unfreeze' && action !== 'release') return new AppError('ASSET_FROZEN', 'the asset is frozen');
    if (step.requiresSameLoan && asset.encumbrance.loanId !== loanId) return new AppError('ASSET_NOT_PLEDGED', `the asset does not secure loan ${loanId}`, { field: 'loanId' });
    return new AppError('ASSET_INVALID_TRANSITION', `cannot ${action} an asset that is ${asset.encumbrance.status}`);
  }

  private async existing(assetId: string): Promise<Asset> {
    const asset = await this.deps.assets.findById(assetId);
    if (!asset) throw notFound('asset');
    return asset;
  }

  private async audit(actor: Actor, action: string, before: Asset | undefined, after: Asset): Promise<void> {
    const view = (a: Asset) => ({ encumbrance: a.encumbrance.status, loanId: a.encumbrance.loanId, institutionId: a.encumbrance.institutionId, outstandingFen: a.pledgedLoan?.outstandingFen ?? null });
    await this.deps.audit.append(actor, { action, entityType: 'asset', entityId: after.id, before: before ? view(before) : undefined, after: view(after), subjectId: after.subjectId });
  }
}
