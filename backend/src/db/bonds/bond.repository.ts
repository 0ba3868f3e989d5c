import { Types, type Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { bondModel, impactReportModel } from './bond.schema.js';
import type { Bond, BondAllocation, BondHistoryEntry, BondScope, ImpactReport, LinkedLoan } from './bond.types.js';

const toBond = (doc: unknown): Bond => withId(doc as { _id: unknown }) as unknown as Bond;
const toReport = (doc: unknown): ImpactReport => withId(doc as { _id: unknown }) as unknown as ImpactReport;

/** The tenant part of every bond and impact-report query. */
export function bondScopeFilter(scope: BondScope): Record<string, unknown> {
  if (scope.kind === 'issuer') return { issuerSubjectId: scope.subjectId };
  if (scope.kind === 'bank') return { issuerInstitutionId: scope.institutionId };
  if (scope.kind === 'reviewer') return { reviewerInstitutionId: scope.institutionId };
  return {};
}

export type NewBond = Pick<Bond, 'issuerSubjectId' | 'issuerInstitutionId' | 'name' | 'framework' | 'projects' | 'createdBy'> & { idempotencyKey?: string | undefined; stateSince: Date };

export class BondRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = bondModel(connection);
  }

  /** Inserts a framework draft; with an idempotency key, a repeat returns the first draft. */
  async insertDraft(data: NewBond): Promise<{ bond: Bond; created: boolean }> {
    const idempotencyKey = data.idempotencyKey ?? `auto:${new Types.ObjectId().toHexString()}`;
    try {
      const doc = await this.model.create({ ...data, idempotencyKey, state: 'DRAFT_FRAMEWORK', history: [] });
      return { bond: toBond(doc.toObject()), created: true };
    } catch (e) {
      if (!isDuplicateKey(e) || !data.idempotencyKey) throw e;
      return { bond: toBond(await this.model.findOne({ issuerSubjectId: data.issuerSubjectId, issuerInstitutionId: data.issuerInstitutionId, idempotencyKey }).lean()), created: false };
    }
  }

  async find(scope: BondScope, id: string): Promise<Bond | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...bondScopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toBond(doc) : undefined;
  }

  async list(scope: BondScope, states: readonly string[] | undefined, page: PageRequest): Promise<Page<Bond>> {
    const query: Record<string, unknown> = { ...bondScopeFilter(scope) };
    if (states?.length) query['state'] = { $in: [...states] };
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toBond), total };
  }

  /** Every bond (statistics and the reminder job), oldest first. */
  async listAll(states?: readonly string[]): Promise<Bond[]> {
    const query: Record<string, unknown> = states?.length ? { state: { $in: [...states] } } : {};
    return (await this.model.find(query).sort({ _id: 1 }).lean()).map(toBond);
  }

  /** The bond, when the named transition with this idempotency key has already been applied to it. */
  async findByIdempotencyKey(scope: BondScope, id: string, action: string, key: string): Promise<Bond | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...bondScopeFilter(scope), _id: objectId(id), history: { $elemMatch: { action, idempotencyKey: key } } }).lean();
    return doc ? toBond(doc) : undefined;
  }

  /**
   * THE compare-and-set of the workflow: applies `set` (and pushes `history`) only while the bond is
   * in one of `from` within the tenant's scope and still matches `expected`; `extra` adds operators ($inc).
   */
  async transition(scope: BondScope, id: string, from: readonly string[], set: Record<string, unknown>, history: BondHistoryEntry | null, expected: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<Bond | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...expected, ...bondScopeFilter(scope), _id: objectId(id), state: { $in: [...from] } };
    const extraPush = (extra['$push'] ?? {}) as Record<string, unknown>;
    const push = history ? { ...extraPush, history } : extraPush;
    const update: Record<string, unknown> = { ...extra, $set: set };
    if (Object.keys(push).length) update['$push'] = push;
    const doc = await this.model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean();
    return doc ? toBond(doc) : undefined;
  }

  /**
   * Proposes an allocation: pushes it and raises committedFen by its amount in ONE conditional update,
   * guarded by committedFen ≤ proceedsFen − amount, so concurrent proposals can never commit more than
   * the proceeds (the loser finds no matching document).
   */
  async proposeAllocation(scope: BondScope, id: string, from: readonly string[], proceedsFen: number, allocation: BondAllocation): Promise<Bond | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...bondScopeFilter(scope), _id: objectId(id), state: { $in: [...from] }, proceedsFen, committedFen: { $lte: proceedsFen - allocation.amountFen } };
    const doc = await this.model.findOneAndUpdate(filter, { $inc: { committedFen: allocation.amountFen }, $push: { allocations: allocation } }, { returnDocument: 'after' }).lean();
    return doc ? toBond(doc) : undefined;
  }

  /**
   * Links a bank's green loan: pushes the link and raises committedFen and allocatedFen by the loan's
   * amount in ONE conditional update, guarded by committedFen ≤ proceedsFen − amount (never beyond the
   * proceeds), the loan not yet linked here, and the allocatedFen read (the state it moves to depends on it).
   */
  async linkLoan(scope: BondScope, id: string, from: readonly string[], proceedsFen: number, allocatedFen: number, link: LinkedLoan, set: Record<string, unknown>, history: BondHistoryEntry): Promise<Bond | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = {
      ...bondScopeFilter(scope), _id: objectId(id), state: { $in: [...from] }, proceedsFen, allocatedFen,
      committedFen: { $lte: proceedsFen - link.amountFen }, 'linkedLoans.loanId': { $ne: link.loanId },
    };
    const update = { $inc: { committedFen: link.amountFen, allocatedFen: link.amountFen }, $push: { linkedLoans: link, history }, $set: set };
    const doc = await this.model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean();
    return doc ? toBond(doc) : undefined;
  }

  /** Unlinks a loan: pulls the link and lowers committedFen and allocatedFen by its amount, in one update guarded by the link being there. */
  async unlinkLoan(scope: BondScope, id: string, from: readonly string[], link: LinkedLoan, set: Record<string, unknown>, history: BondHistoryEntry): Promise<Bond | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...bondScopeFilter(scope), _id: objectId(id), state: { $in: [...from] }, linkedLoans: { $elemMatch: { loanId: link.loanId, amountFen: link.amountFen } } };
    const update = { $inc: { committedFen: -link.amountFen, allocatedFen: -link.amountFen }, $pull: { linkedLoans: { loanId: link.loanId } }, $push: { history }, $set: set };
    const doc = await this.model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean();
    return doc ? toBond(doc) : undefined;
  }

  /** The bond, when an allocation proposed with this idempotency key exists. */
  async findByAllocationKey(scope: BondScope, id: string, key: string): Promise<Bond | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...bondScopeFilter(scope), _id: objectId(id), allocations: { $elemMatch: { idempotencyKey: key } } }).lean();
    return doc ? toBond(doc) : undefined;
  }

  /**
   * Decides a pending allocation in one update of the bond: the allocation's state (by its index: allocations are only
   * ever appended, so an index never moves; while still PENDING), the counters, and — when it is a state change — the bond's state and history.
   */
  async decideAllocation(scope: BondScope, id: string, allocationId: string, from: readonly string[], set: Record<string, unknown>, inc: Record<string, number>, history: BondHistoryEntry | null, expected: Record<string, unknown> = {}): Promise<Bond | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...expected, ...bondScopeFilter(scope), _id: objectId(id), state: { $in: [...from] }, allocations: { $elemMatch: { id: allocationId, state: 'PENDING' } } };
    const update: Record<string, unknown> = { $set: set, $inc: inc };
    if (history) update['$push'] = { history };
    const doc = await this.model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean();
    return doc ? toBond(doc) : undefined;
  }

  /** Whether a bond assigned to this reviewer references the document (the reviewer reads the issuer's attachments). */
  async referencesDocument(documentId: string): Promise<Bond | undefined> {
    const doc = await this.model.findOne({ 'review.document.id': documentId }).lean();
    return doc ? toBond(doc) : undefined;
  }
}

export class ImpactReportRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = impactReportModel(connection);
  }

  /** Inserts a draft; a second report for the same bond and year answers undefined. */
  async insertDraft(data: Omit<ImpactReport, 'id' | 'createdAt' | 'updatedAt'>): Promise<ImpactReport | undefined> {
    try {
      return toReport((await this.model.create(data)).toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(scope: BondScope, id: string): Promise<ImpactReport | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...bondScopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toReport(doc) : undefined;
  }

  async listForBond(scope: BondScope, bondId: string): Promise<ImpactReport[]> {
    return (await this.model.find({ ...bondScopeFilter(scope), bondId }).sort({ year: 1 }).lean()).map(toReport);
  }

  async list(scope: BondScope, states: readonly string[] | undefined): Promise<ImpactReport[]> {
    const query: Record<string, unknown> = { ...bondScopeFilter(scope) };
    if (states?.length) query['state'] = { $in: [...states] };
    return (await this.model.find(query).sort({ stateSince: 1, _id: 1 }).lean()).map(toReport);
  }

  async findByIdempotencyKey(scope: BondScope, id: string, action: string, key: string): Promise<ImpactReport | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...bondScopeFilter(scope), _id: objectId(id), history: { $elemMatch: { action, idempotencyKey: key } } }).lean();
    return doc ? toReport(doc) : undefined;
  }

  /** Compare-and-set on the report's state within the tenant. */
  async transition(scope: BondScope, id: string, from: readonly string[], set: Record<string, unknown>, history: BondHistoryEntry): Promise<ImpactReport | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...bondScopeFilter(scope), _id: objectId(id), state: { $in: [...from] } };
    const doc = await this.model.findOneAndUpdate(filter, { $set: set, $push: { history } }, { returnDocument: 'after' }).lean();
    return doc ? toReport(doc) : undefined;
  }

  /** Published years of a bond (the reminder job). */
  async yearsOf(bondId: string): Promise<number[]> {
    return (await this.model.find({ bondId }).lean()).map((d) => d.year);
  }
}
