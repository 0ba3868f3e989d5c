// Counter-guarantees in pledged ecological assets: the obligor's verified, free assets are pledged to
// the guarantee (encumbrance key `guarantee:<id>`, the guarantor as pledgee) through the asset area's
// AssetEncumbrance — one compare-and-set each, all or none — before the letter is issued, and released
// when the guarantee is finished (RELEASED, CLOSED, WRITTEN_OFF). An asset that is not free is refused
// and nothing stays half-pledged.
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Guarantee } from '../../db/guarantees/guarantee.types.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor } from '../identity/principal.js';
import { finishedStates } from './guarantee-state-machine.js';

export interface CounterEncumbrance {
  pledge(assetId: string, loanId: string, institutionId: string, outstandingFen?: number, actor?: Actor): Promise<unknown>;
  release(assetId: string, loanId: string, actor?: Actor): Promise<unknown>;
}

/** The encumbrance key of a guarantee's counter-guarantee (where a loan's pledge holds the loan id). */
export const counterGuaranteeKey = (guaranteeId: string): string => `guarantee:${guaranteeId}`;

export class GuaranteeCounterAssets {
  constructor(private readonly deps: { assets: AssetRepository; encumbrance: CounterEncumbrance }) {}

  /** What the guarantor may take as counter-guarantee: the obligor's verified, free assets other than the loan's own collateral. */
  async candidates(g: Guarantee): Promise<{ id: string; name: string; assetType: string; certificateNumber: string; valueFen: number | null }[]> {
    const page = await this.deps.assets.list({ kind: 'subject', subjectId: g.subjectId }, { state: 'verified', encumbrance: 'free' }, { limit: 200, offset: 0 });
    return page.items.filter((a) => !g.loan.assetIds.includes(a.id)).map((a) => ({ id: a.id, name: a.name, assetType: a.assetType, certificateNumber: a.certificateNumber, valueFen: a.lastValuation?.valueFen ?? null }));
  }

  /** Checks the offered assets (the obligor's, verified) and pledges every one to the guarantee, or none. */
  async pledgeAll(actor: Actor, g: Guarantee, assetIds: readonly string[]): Promise<{ valueFen: number }> {
    if (assetIds.length === 0) throw new AppError('VALIDATION_FAILED', 'a counter-guarantee in ecological assets names at least one asset', { field: 'counterGuarantee.assetIds' });
    if (new Set(assetIds).size !== assetIds.length) throw new AppError('VALIDATION_FAILED', 'an asset is named twice', { field: 'counterGuarantee.assetIds' });
    let valueFen = 0;
    const offered = await this.deps.assets.findByIds(assetIds);
    for (const id of assetIds) {
      const asset = offered.get(id);
      if (!asset) throw notFound('asset');
      if (asset.subjectId !== g.subjectId) throw new AppError('VALIDATION_FAILED', `asset ${id} does not belong to the obligor`, { field: 'counterGuarantee.assetIds' });
      if (g.loan.assetIds.includes(id)) throw new AppError('VALIDATION_FAILED', `asset ${id} already secures the loan itself; a counter-guarantee is other security`, { field: 'counterGuarantee.assetIds' });
      // Checked first so a refused request writes nothing; the compare-and-set below still decides a race.
      if (asset.state !== 'verified' || asset.encumbrance.status !== 'free') {
        throw new AppError('GUARANTEE_CHECK_FAILED', `asset ${id} cannot be pledged as counter-guarantee: it is ${asset.state === 'verified' ? asset.encumbrance.status : asset.state}; nothing was pledged`, {
          field: 'counterGuarantee.assetIds', details: { check: 'counter_guarantee_assets_free', assetId: id, registration: asset.state, encumbrance: asset.encumbrance.status },
        });
      }
      valueFen += asset.lastValuation?.valueFen ?? 0;
    }
    const key = counterGuaranteeKey(g.id);
    const pledged: string[] = [];
    for (const id of assetIds) {
      try {
        await this.deps.encumbrance.pledge(id, key, g.institutionId, 0, actor);
        pledged.push(id);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const mine = (await this.deps.assets.findById(id))?.encumbrance.loanId === key;
        if (mine) {
          pledged.push(id);
          continue;
        }
        await this.releaseAll(actor, g.id, pledged);
        throw new AppError('GUARANTEE_CHECK_FAILED', `asset ${id} cannot be pledged as counter-guarantee (${e.message}); nothing was pledged`, {
          field: 'counterGuarantee.assetIds', details: { check: 'counter_guarantee_assets_free', assetId: id, reason: e.code },
        });
      }
    }
    return { valueFen };
  }

  /** Releases the assets pledged to the guarantee (a no-op for an asset that no longer secures it). */
  async releaseAll(actor: Actor, guaranteeId: string, assetIds: readonly string[]): Promise<string[]> {
    const key = counterGuaranteeKey(guaranteeId);
    const released: string[] = [];
    for (const id of assetIds) {
      const asset = await this.deps.assets.findById(id);
      if (!asset || asset.encumbrance.loanId !== key || asset.encumbrance.status === 'free') continue;
      await this.deps.encumbrance.release(id, key, actor);
      released.push(id);
    }
    return released;
  }

  /** After a transition: a finished guarantee gives its counter-guarantee assets back. */
  async afterMove(actor: Actor, after: Guarantee): Promise<void> {
    if (!(finishedStates as readonly string[]).includes(after.state)) return;
    const ids = after.counterGuarantee?.kind === 'ecological_assets' ? after.counterGuarantee.assetIds : [];
    if (ids.length) await this.releaseAll(actor, after.id, ids);
  }
}
