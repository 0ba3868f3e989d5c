// Who may see an asset: its owner's users, platform readers (verifier, regulator, admin), and a
// bank while the asset is pledged to it or offered to it in an application (loan workflow).
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset, AssetScope } from '../../db/assets/asset.types.js';
import type { BankRelationships } from '../access/bank-relationships.js';
import { AppError, notFound } from '../errors/index.js';
import { readsAllTenants, type Principal } from '../identity/principal.js';

export const securesLoanOf = (asset: Asset, institutionId: string): boolean =>
  asset.encumbrance.institutionId === institutionId && asset.encumbrance.status !== 'free';

export class AssetVisibility {
  constructor(private readonly deps: { assets: AssetRepository; bankRelationships: BankRelationships }) {}

  async maySee(principal: Principal, asset: Asset): Promise<boolean> {
    if (readsAllTenants(principal)) return true;
    if (principal.subjectId) return principal.subjectId === asset.subjectId;
    if (!principal.institutionId) return false;
    return securesLoanOf(asset, principal.institutionId) || this.deps.bankRelationships.assetOfferedTo(principal.institutionId, asset.id);
  }

  /** The asset, or 404 when it does not exist or the caller may not see it (no hint either way). */
  async visibleAsset(principal: Principal, id: string): Promise<Asset> {
    const asset = await this.deps.assets.findById(id);
    if (!asset || !(await this.maySee(principal, asset))) throw notFound('asset');
    return asset;
  }

  /** The scope of the caller's asset list. */
  async listScope(principal: Principal): Promise<AssetScope> {
    if (readsAllTenants(principal)) return { kind: 'all' };
    if (principal.subjectId) return { kind: 'subject', subjectId: principal.subjectId };
    if (principal.institutionId) return { kind: 'bank', institutionId: principal.institutionId, offeredAssetIds: await this.deps.bankRelationships.assetsOfferedTo(principal.institutionId) };
    throw new AppError('FORBIDDEN', 'only subjects, banks and platform readers have asset lists');
  }
}
