// The registry of ecological rights: owners register and revise, the platform verifier confirms
// against the documents. Every step is a compare-and-set on the asset's state, audited.
import type { AssetFilter, AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset, AssetDocumentRef, AssetType } from '../../db/assets/asset.types.js';
import type { Page, PageRequest } from '../../db/page.js';
import { isDuplicateKey } from '../../db/plain.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, type Actor, type Principal } from '../identity/principal.js';
import { certificateFieldOf, certificateNumberOf, priceReferenceOf } from './asset-identity.js';
import type { AssetVisibility } from './asset-visibility.js';
import { registrationWorkflow, type RegistrationAction } from './registration-workflow.js';

type Caller = Actor & { principal: Principal };

export interface AssetRegistration {
  assetType: AssetType;
  name: string;
  details: Record<string, unknown>;
  documentIds?: string[];
}

export class AssetService {
  constructor(private readonly deps: {
    assets: AssetRepository;
    visibility: AssetVisibility;
    documents: DocumentService;
    audit: AuditTrail;
    clock: Clock;
  }) {
    deps.documents.grantAccess(async (principal, meta) => {
      if (!principal.institutionId || meta.ownerType !== 'subject') return false;
      for (const asset of await deps.assets.listReferencingDocument(meta.ownerId, meta.id)) {
        if (await deps.visibility.maySee(principal, asset)) return true;
      }
      return false;
    });
  }

  /** Registers a draft for the caller's own subject. */
  async register(actor: Caller, registration: AssetRegistration): Promise<Asset> {
    const subjectId = this.ownSubject(actor.principal);
    const documents = await this.attachedDocuments(actor.principal, registration.documentIds ?? []);
    const asset = await this.insertDraft(subjectId, registration, documents);
    await this.deps.audit.append(actor, { action: 'asset.register', entityType: 'asset', entityId: asset.id, after: this.auditView(asset), subjectId });
    return asset;
  }

  /** Replaces the name, details and documents of a draft or rejected asset (it becomes a draft again). */
  async revise(actor: Caller, id: string, registration: AssetRegistration): Promise<Asset> {
    const before = await this.ownAsset(actor.principal, id);
    if (registration.assetType !== before.assetType) {
      throw new AppError('VALIDATION_FAILED', `this asset is a ${before.assetType}; its type cannot change`, { field: 'assetType' });
    }
    const documents = await this.attachedDocuments(actor.principal, registration.documentIds ?? []);
    const changes = { ...this.identity(registration), name: registration.name, details: registration.details, documents, review: null };
    return this.transition(actor, before, 'revise', changes);
  }

  async submit(actor: Caller, id: string): Promise<Asset> {
    const asset = await this.ownAsset(actor.principal, id);
    if (asset.documents.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'attach the permit, certificate or contract before submitting', { field: 'documentIds' });
    }
    return this.transition(actor, asset, 'submit', {});
  }

  async verify(actor: Caller, id: string, note?: string): Promise<Asset> {
    const asset = await this.deps.visibility.visibleAsset(actor.principal, id);
    const review = { decision: 'verified', by: actor.principal.username, at: this.deps.clock.now(), ...(note ? { note } : {}) };
    return this.transition(actor, asset, 'verify', { review });
  }

  async reject(actor: Caller, id: string, reason: string): Promise<Asset> {
    const asset = await this.deps.visibility.visibleAsset(actor.principal, id);
    const review = { decision: 'rejected', by: actor.principal.username, at: this.deps.clock.now(), reason };
    return this.transition(actor, asset, 'reject', { review });
  }

  get(principal: Principal, id: string): Promise<Asset> {
    return this.deps.visibility.visibleAsset(principal, id);
  }

  async list(principal: Principal, filter: AssetFilter, page: PageRequest): Promise<Page<Asset>> {
    return this.deps.assets.list(await this.deps.visibility.listScope(principal), filter, page);
  }

  private async transition(actor: Caller, asset: Asset, action: RegistrationAction, changes: Record<string, unknown>): Promise<Asset> {
    const step = registrationWorkflow[action];
    if (!can(actor.principal, step.permission)) throw forbidden(step.permission);
    const expected = { state: { $in: [...step.from] }, ...(step.byOwner ? { subjectId: actor.principal.subjectId } : {}) };
    const after = await this.compareAndSet(asset, expected, { ...changes, state: step.to });
    if (!after) {
      throw new AppError('ASSET_INVALID_TRANSITION', `cannot ${action} an asset that is ${asset.state} (allowed from ${step.from.join(', ')})`, {
        details: { state: asset.state, action },
      });
    }
    await this.deps.audit.append(actor, {
      action: `asset.${action}`, entityType: 'asset', entityId: asset.id, before: this.auditView(asset), after: this.auditView(after), subjectId: asset.subjectId,
    });
    return after;
  }

  /** Compare-and-set; a revision to a number another asset holds is refused as a duplicate. */
  private async compareAndSet(asset: Asset, expected: Record<string, unknown>, set: Record<string, unknown>): Promise<Asset | undefined> {
    try {
      return await this.deps.assets.compareAndSet(asset.id, expected, set);
    } catch (e) {
      if (isDuplicateKey(e)) throw this.duplicate(asset.assetType, String(set['certificateNumber']));
      throw e;
    }
  }

  private async insertDraft(subjectId: string, registration: AssetRegistration, documents: AssetDocumentRef[]): Promise<Asset> {
    try {
      return await this.deps.assets.createDraft({ subjectId, name: registration.name, details: registration.details, documents, assetType: registration.assetType, ...this.identity(registration) });
    } catch (e) {
      if (isDuplicateKey(e)) throw this.duplicate(registration.assetType, certificateNumberOf[registration.assetType](registration.details));
      throw e;
    }
  }

  private identity(registration: AssetRegistration): { certificateNumber: string; priceReference: string | null } {
    return {
      certificateNumber: certificateNumberOf[registration.assetType](registration.details),
      priceReference: priceReferenceOf[registration.assetType](registration.details),
    };
  }

  private duplicate(assetType: AssetType, number: string): AppError {
    return new AppError('ASSET_DUPLICATE_CERTIFICATE', `a ${assetType} with the number ${number} is already registered`, { field: certificateFieldOf[assetType] });
  }

  private async attachedDocuments(principal: Principal, ids: readonly string[]): Promise<AssetDocumentRef[]> {
    const metas = await this.deps.documents.requireOwned(principal, ids, 'documentIds');
    return metas.map((m) => ({ id: m.id, filename: m.filename, sha256: m.sha256 }));
  }

  private ownSubject(principal: Principal): string {
    if (!principal.subjectId) throw new AppError('FORBIDDEN', 'only a subject’s own users register its assets');
    return principal.subjectId;
  }

  private async ownAsset(principal: Principal, id: string): Promise<Asset> {
    const asset = await this.deps.assets.findInScope({ kind: 'subject', subjectId: this.ownSubject(principal) }, id);
    if (!asset) throw notFound('asset');
    return asset;
  }

  private auditView(asset: Asset): Record<string, unknown> {
    return { state: asset.state, name: asset.name, certificateNumber: asset.certificateNumber, assetType: asset.assetType, documents: asset.documents.map((d) => d.sha256) };
  }
}
