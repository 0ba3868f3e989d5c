import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isObjectId, objectId, withId } from '../plain.js';
import { assetModel } from './asset.schema.js';
import type { Asset, AssetScope, AssetType, EncumbranceStatus, NewAsset, RegistrationState } from './asset.types.js';

export interface AssetFilter {
  state?: RegistrationState | undefined;
  assetType?: AssetType | undefined;
  encumbrance?: EncumbranceStatus | undefined;
}

const toAsset = (doc: unknown): Asset => withId(doc as { _id: unknown }) as unknown as Asset;

/** The tenant part of every query: an owner's assets, or a bank's pledged/frozen collateral and the assets offered to it. */
function scopeFilter(scope: AssetScope): Record<string, unknown> {
  if (scope.kind === 'subject') return { subjectId: scope.subjectId };
  if (scope.kind === 'bank') {
    const securing = { 'encumbrance.institutionId': scope.institutionId, 'encumbrance.status': { $in: ['pledged', 'frozen'] } };
    const offered = scope.offeredAssetIds.filter(isObjectId).map(objectId);
    return offered.length ? { $or: [securing, { _id: { $in: offered } }] } : securing;
  }
  return {};
}

function listFilter(filter: AssetFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filter.state) query['state'] = filter.state;
  if (filter.assetType) query['assetType'] = filter.assetType;
  if (filter.encumbrance) query['encumbrance.status'] = filter.encumbrance;
  return query;
}

export class AssetRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = assetModel(connection);
  }

  /** Inserts a draft; a duplicate certificate number throws the driver's duplicate-key error. */
  async createDraft(data: NewAsset): Promise<Asset> {
    const doc = await this.model.create({
      ...data, state: 'draft', review: null, pledgedLoan: null, lastValuation: null,
      encumbrance: { status: 'free', loanId: null, institutionId: null, since: null },
    });
    return toAsset(doc.toObject());
  }

  /** Internal lookup by id; the domain decides who may see it. */
  async findById(id: string): Promise<Asset | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findById(objectId(id)).lean();
    return doc ? toAsset(doc) : undefined;
  }

  /** Several assets by id in one query (internal reads, e.g. a bank's pool selection over its own loans); unknown ids are left out. */
  async findByIds(ids: readonly string[]): Promise<Map<string, Asset>> {
    const valid = [...new Set(ids)].filter(isObjectId);
    if (valid.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: valid.map(objectId) } }).lean();
    return new Map(docs.map((d) => toAsset(d)).map((a) => [a.id, a]));
  }

  async findInScope(scope: AssetScope, id: string): Promise<Asset | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...scopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toAsset(doc) : undefined;
  }

  async list(scope: AssetScope, filter: AssetFilter, page: PageRequest): Promise<Page<Asset>> {
    const query = { ...listFilter(filter), ...scopeFilter(scope) };
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toAsset), total };
  }

  /**
   * Compare-and-set: applies `set` only while the asset still matches `expected` (state,
   * encumbrance, owner…). Returns the asset after the change, or undefined when it no longer matched.
   */
  async compareAndSet(id: string, expected: Record<string, unknown>, set: Record<string, unknown>): Promise<Asset | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOneAndUpdate({ ...expected, _id: objectId(id) }, { $set: set }, { returnDocument: 'after' }).lean();
    return doc ? toAsset(doc) : undefined;
  }

  /** Assets of one owner that reference a document (document access grants). */
  async listReferencingDocument(subjectId: string, documentId: string): Promise<Asset[]> {
    const docs = await this.model.find({ subjectId, 'documents.id': documentId }).lean();
    return docs.map(toAsset);
  }

  /** Pledged assets for the revaluation jobs, optionally only some types or one price reference. */
  async listPledged(filter: { assetTypes?: readonly AssetType[]; priceReference?: string }): Promise<Asset[]> {
    const query: Record<string, unknown> = { 'encumbrance.status': 'pledged' };
    if (filter.assetTypes) query['assetType'] = { $in: [...filter.assetTypes] };
    if (filter.priceReference) query['priceReference'] = filter.priceReference;
    const docs = await this.model.find(query).sort({ _id: 1 }).lean();
    return docs.map(toAsset);
  }

  /** Product orders naming the caller as buyer (a subject or an institution), newest first (issue 14). */
  async listProductOrdersOfBuyer(buyer: { subjectId?: string | undefined; institutionId?: string | undefined }, page: PageRequest): Promise<Page<Asset>> {
    const who = [
      ...(buyer.subjectId ? [{ 'details.buyerSubjectId': buyer.subjectId }] : []),
      ...(buyer.institutionId ? [{ 'details.buyerInstitutionId': buyer.institutionId }] : []),
    ];
    if (who.length === 0) return { items: [], total: 0 };
    const query: Record<string, unknown> = { assetType: 'product_order', state: { $ne: 'rejected' }, $or: who };
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toAsset), total };
  }

  /** A bank's pledged collateral (stress test). */
  async listPledgedTo(institutionId: string): Promise<Asset[]> {
    const docs = await this.model.find({ 'encumbrance.status': 'pledged', 'encumbrance.institutionId': institutionId }).sort({ _id: 1 }).lean();
    return docs.map(toAsset);
  }
}
