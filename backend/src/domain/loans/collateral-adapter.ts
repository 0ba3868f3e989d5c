// The collateral port over the asset area (issue 7): its AssetEncumbrance for pledges and its
// ValuationService for fresh valuations. Described structurally so this file depends only on what
// it calls. Repeating a step for the same loan is a no-op (the disbursement and recovery rely on it).
import { randomUUID } from 'node:crypto';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset } from '../../db/assets/asset.types.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor } from '../identity/principal.js';
import type { CollateralPort, CollateralValuation, CollateralView, PledgeRequest } from './loan-ports.js';

export interface EncumbranceOperations {
  pledge(assetId: string, loanId: string, institutionId: string, outstandingFen?: number, actor?: Actor): Promise<unknown>;
  release(assetId: string, loanId: string, actor?: Actor): Promise<unknown>;
  updateLoanExposure(assetId: string, loanId: string, outstandingFen: number, actor?: Actor): Promise<unknown>;
}

export interface ValuationOperations {
  value(asset: Asset, options: { purpose: 'lending'; institutionId: string | null; requestedBy: { userId: string; username: string }; idempotencyKey: string; valuationDate: string }): Promise<{
    valuation: { id: string; valueFen: number; lendingValueFen: number; maxLoanFen: number; configVersion: string; engineVersion: string; result: { assetType: string; pledgeRate: number; maxTermYears: number } };
  }>;
}

export class AssetCollateral implements CollateralPort {
  constructor(private readonly deps: { assets: AssetRepository; encumbrance: EncumbranceOperations; valuations: ValuationOperations; clock: Clock }) {}

  async find(assetIds: readonly string[]): Promise<CollateralView[]> {
    const views: CollateralView[] = [];
    for (const id of assetIds) {
      const asset = await this.deps.assets.findById(id);
      if (!asset) continue;
      views.push({
        id: asset.id, subjectId: asset.subjectId, name: asset.name, assetType: asset.assetType, verified: asset.state === 'verified',
        encumbrance: { status: asset.encumbrance.status, loanId: asset.encumbrance.loanId, institutionId: asset.encumbrance.institutionId },
        lastValuation: asset.lastValuation,
      });
    }
    return views;
  }

  async pledge(actor: Actor, request: PledgeRequest): Promise<void> {
    try {
      await this.deps.encumbrance.pledge(request.assetId, request.loanId, request.institutionId, 0, actor);
    } catch (e) {
      const asset = await this.deps.assets.findById(request.assetId);
      if (asset && asset.encumbrance.status === 'pledged' && asset.encumbrance.loanId === request.loanId) return;
      throw e;
    }
  }

  async release(actor: Actor, request: PledgeRequest): Promise<void> {
    const asset = await this.deps.assets.findById(request.assetId);
    if (!asset || asset.encumbrance.loanId !== request.loanId || asset.encumbrance.status === 'free') return;
    try {
      await this.deps.encumbrance.release(request.assetId, request.loanId, actor);
    } catch (e) {
      const now = await this.deps.assets.findById(request.assetId);
      if (now && now.encumbrance.loanId !== request.loanId) return;
      throw e;
    }
  }

  async updateExposure(request: PledgeRequest & { outstandingFen: number }): Promise<void> {
    await this.deps.encumbrance.updateLoanExposure(request.assetId, request.loanId, request.outstandingFen);
  }

  async value(actor: Actor, assetId: string): Promise<CollateralValuation> {
    const asset = await this.deps.assets.findById(assetId);
    if (!asset) throw notFound('asset');
    if (asset.state !== 'verified') throw new AppError('ASSET_NOT_VERIFIED', `the asset is ${asset.state}; only verified assets are valued for lending`);
    const { valuation } = await this.deps.valuations.value(asset, {
      purpose: 'lending', institutionId: actor.principal?.institutionId ?? null,
      requestedBy: actor.principal ? { userId: actor.principal.userId, username: actor.principal.username } : { userId: 'system', username: 'loan-prescreen' },
      idempotencyKey: `loan-prescreen:${randomUUID()}`, valuationDate: this.deps.clock.now().toISOString().slice(0, 10),
    });
    return {
      assetId, valuationId: valuation.id, valueFen: valuation.valueFen, lendingValueFen: valuation.lendingValueFen, maxLoanFen: valuation.maxLoanFen,
      assetType: valuation.result.assetType, pledgeRate: valuation.result.pledgeRate, maxTermYears: valuation.result.maxTermYears,
      configVersion: valuation.configVersion, engineVersion: valuation.engineVersion,
    };
  }
}
