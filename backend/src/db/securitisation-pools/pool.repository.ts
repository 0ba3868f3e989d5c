import type { Connection } from 'mongoose';
import { loanModel } from '../loans/loan.schema.js';
import type { Page, PageRequest } from '../page.js';
import { isObjectId, objectId, withId } from '../plain.js';
import { poolModel } from './pool.schema.js';
import type { PoolHistoryEntry, PoolScope, SecuritisationPool } from './pool.types.js';

const toPool = (doc: unknown): SecuritisationPool => withId(doc as { _id: unknown }) as unknown as SecuritisationPool;
const issuedStates = ['ISSUED', 'AMORTISING', 'REDEEMED'];

/** The tenant part of every pool query. */
function scopeFilter(scope: PoolScope): Record<string, unknown> {
  if (scope.kind === 'originator') return { institutionId: scope.institutionId };
  if (scope.kind === 'reviewer') return { 'structure.reviewerInstitutionId': scope.institutionId, state: { $ne: 'DRAFT' } };
  return { state: { $in: issuedStates } };
}

export class PoolRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = poolModel(connection);
  }

  async insert(data: Omit<SecuritisationPool, 'id' | 'createdAt' | 'updatedAt'>): Promise<SecuritisationPool> {
    const doc = await this.model.create(data);
    return toPool(doc.toObject());
  }

  async find(scope: PoolScope, id: string): Promise<SecuritisationPool | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...scopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toPool(doc) : undefined;
  }

  async list(scope: PoolScope, page: PageRequest): Promise<Page<SecuritisationPool>> {
    const query = scopeFilter(scope);
    const [docs, total] = await Promise.all([
      this.model.find(query, { servicerReports: 0 }).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map((d) => ({ ...toPool(d), servicerReports: [] })), total };
  }

  /** Compare-and-set on the pool's state within the tenant (and any other expected fields). */
  async transition(institutionId: string, id: string, from: readonly string[], update: { set?: Record<string, unknown>; push?: Record<string, unknown> }, history: PoolHistoryEntry, expected: Record<string, unknown> = {}): Promise<SecuritisationPool | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...expected, institutionId, _id: objectId(id), state: { $in: [...from] } };
    const doc = await this.model.findOneAndUpdate(filter, { $set: update.set ?? {}, $push: { ...(update.push ?? {}), history } }, { returnDocument: 'after' }).lean();
    return doc ? toPool(doc) : undefined;
  }

  /**
   * Recovery (no tenant: a system job over every bank): pools whose selection was interrupted — a
   * pending selection recorded before `before` and never finished.
   */
  async withStalePendingSelection(before: Date): Promise<SecuritisationPool[]> {
    const docs = await this.model.find({ pendingSelection: { $ne: null }, 'pendingSelection.at': { $lt: before } }, { servicerReports: 0 }).limit(500).lean();
    return docs.map((d) => ({ ...toPool(d), servicerReports: [] }));
  }

  /** Recovery (system job): the pools named by loan markers, any bank. */
  async findManyUnscoped(ids: readonly string[]): Promise<SecuritisationPool[]> {
    const docs = await this.model.find({ _id: { $in: ids.filter(isObjectId).map(objectId) } }, { servicerReports: 0 }).lean();
    return docs.map((d) => ({ ...toPool(d), servicerReports: [] }));
  }

  /** An update that is not a state change, guarded by the tenant and `expected`. */
  async update(institutionId: string, id: string, expected: Record<string, unknown>, update: Record<string, unknown>): Promise<SecuritisationPool | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...expected, institutionId, _id: objectId(id) };
    const doc = await this.model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean();
    return doc ? toPool(doc) : undefined;
  }
}

/**
 * The pool marker on the loan document (`loans.securitisationPoolId`): a loan is in at most one pool.
 * Marking is one conditional update per loan (only while unmarked, lent and the bank's own), so of
 * two pools selecting the same loan at once exactly one gets it.
 */
export class LoanPoolMarker {
  private readonly loans;

  constructor(connection: Connection) {
    this.loans = loanModel(connection);
  }

  /** Marks the loan for the pool; false when another pool holds it or it is not the bank's active loan. */
  async mark(institutionId: string, loanId: string, poolId: string): Promise<boolean> {
    if (!isObjectId(loanId)) return false;
    const result = await this.loans.updateOne(
      { _id: objectId(loanId), institutionId, state: 'ACTIVE', $or: [{ securitisationPoolId: null }, { securitisationPoolId: { $exists: false } }, { securitisationPoolId: poolId }] },
      { $set: { securitisationPoolId: poolId } },
    );
    return result.matchedCount === 1;
  }

  /** Recovery: every pool id some loan is marked with (served by the partial index on securitisationPoolId). */
  async markedPoolIds(): Promise<string[]> {
    const ids = await this.loans.distinct('securitisationPoolId', { securitisationPoolId: { $type: 'string' } });
    return (ids as unknown[]).map(String);
  }

  /** Recovery: unmarks loans still marked with a pool id no pool has (any bank). */
  async unmarkOrphans(poolId: string): Promise<number> {
    const result = await this.loans.updateMany({ securitisationPoolId: poolId }, { $set: { securitisationPoolId: null } });
    return result.modifiedCount;
  }

  /** Unmarks this pool's loans, except `keep` (a new selection, a cancelled pool). */
  async unmarkExcept(institutionId: string, poolId: string, keep: readonly string[]): Promise<number> {
    const result = await this.loans.updateMany(
      { institutionId, securitisationPoolId: poolId, _id: { $nin: keep.filter(isObjectId).map(objectId) } },
      { $set: { securitisationPoolId: null } },
    );
    return result.modifiedCount;
  }
}
