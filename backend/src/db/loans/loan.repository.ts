import { Types, type Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { approvalLimitsModel, loanApplicationModel, loanModel } from './loan.schema.js';
import type { DocumentRef, HistoryEntry, Loan, LoanApplication, LoanScope, NewApplication } from './loan.types.js';

const toLoan = (doc: unknown): Loan => withId(doc as { _id: unknown }) as unknown as Loan;
const toApplication = (doc: unknown): LoanApplication => withId(doc as { _id: unknown }) as unknown as LoanApplication;

/** The tenant part of every loan query. */
export function loanScopeFilter(scope: LoanScope): Record<string, unknown> {
  if (scope.kind === 'bank') return { institutionId: scope.institutionId };
  if (scope.kind === 'applicant') return { subjectId: scope.subjectId };
  return {};
}

export interface LoanListFilter {
  states?: readonly string[] | undefined;
  applicationId?: string | undefined;
}

export interface ApprovalLimitsRecord {
  institutionId: string;
  version: number;
  tiers: { level: string; label: string; maxAmountFen?: number | undefined }[];
  defaultLevel: string;
  approverLevels: Record<string, string>;
  source: string;
  createdBy: string;
}

export class LoanApplicationRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = loanApplicationModel(connection);
  }

  /** Inserts a draft; with an idempotency key, a repeat returns the first draft (created false). */
  async insertDraft(data: NewApplication): Promise<{ application: LoanApplication; created: boolean }> {
    try {
      const idempotencyKey = data.idempotencyKey ?? `auto:${new Types.ObjectId().toHexString()}`;
      const doc = await this.model.create({ ...data, idempotencyKey, state: 'DRAFT', prescreen: null, acceptedLoanId: null, submittedAt: null, history: [] });
      return { application: toApplication(doc.toObject()), created: true };
    } catch (e) {
      if (!isDuplicateKey(e) || !data.idempotencyKey) throw e;
      const first = await this.model.findOne({ subjectId: data.subjectId, idempotencyKey: data.idempotencyKey }).lean();
      return { application: toApplication(first), created: false };
    }
  }

  /** The applicant's own application (applicant scope), or any (internal: the loans carry the tenant checks). */
  async find(id: string, subjectId?: string): Promise<LoanApplication | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ _id: objectId(id), ...(subjectId ? { subjectId } : {}) }).lean();
    return doc ? toApplication(doc) : undefined;
  }

  async list(subjectId: string | undefined, states: readonly string[] | undefined, page: PageRequest): Promise<Page<LoanApplication>> {
    const query: Record<string, unknown> = subjectId ? { subjectId } : {};
    if (states?.length) query['state'] = { $in: [...states] };
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toApplication), total };
  }

  /** Compare-and-set on the application's state (and any other expected fields). */
  async compareAndSet(id: string, expected: Record<string, unknown>, set: Record<string, unknown>, history?: HistoryEntry): Promise<LoanApplication | undefined> {
    if (!isObjectId(id)) return undefined;
    const update: Record<string, unknown> = { $set: set };
    if (history) update['$push'] = { history };
    const doc = await this.model.findOneAndUpdate({ ...expected, _id: objectId(id) }, update, { returnDocument: 'after' }).lean();
    return doc ? toApplication(doc) : undefined;
  }

  /** Adds documents to an application (an answer to a bank's information request); each id once. */
  async addDocuments(id: string, subjectId: string, documents: DocumentRef[]): Promise<void> {
    if (!isObjectId(id)) return;
    await this.model.updateOne({ _id: objectId(id), subjectId }, { $addToSet: { documents: { $each: documents } } });
  }

  /** Whether an application (not a draft) of this subject offered to this bank references the document. */
  async referencesDocument(subjectId: string, documentId: string, institutionId: string): Promise<boolean> {
    return (await this.model.exists({ subjectId, 'documents.id': documentId, bankIds: institutionId, state: { $ne: 'DRAFT' } })) !== null;
  }

  /** Submitted applications (recovery: each must have one loan per bank it is offered to). */
  async listSubmittedBefore(before: Date): Promise<LoanApplication[]> {
    const query: Record<string, unknown> = { state: 'SUBMITTED', submittedAt: { $lt: before } };
    const docs = await this.model.find(query).lean();
    return docs.map(toApplication);
  }

  /** Applications whose acceptance was recorded but may not have finished (recovery). */
  async listAccepted(): Promise<LoanApplication[]> {
    const docs = await this.model.find({ state: 'OFFER_ACCEPTED' }).lean();
    return docs.map(toApplication);
  }
}

export class LoanRepository {
  private readonly model;
  private readonly limits;

  constructor(connection: Connection) {
    this.model = loanModel(connection);
    this.limits = approvalLimitsModel(connection);
  }

  /** One review per (application, bank); re-submitting after a crash finds the existing one. */
  async insertForBank(data: Omit<Loan, 'id' | 'createdAt' | 'updatedAt'>): Promise<Loan> {
    try {
      const doc = await this.model.create(data);
      return toLoan(doc.toObject());
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return toLoan(await this.model.findOne({ applicationId: data.applicationId, institutionId: data.institutionId }).lean());
    }
  }

  async find(scope: LoanScope, id: string): Promise<Loan | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...loanScopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toLoan(doc) : undefined;
  }

  /** The loan, when the named transition with this idempotency key has already been applied to it. */
  async findByIdempotencyKey(scope: LoanScope, id: string, action: string, key: string): Promise<Loan | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...loanScopeFilter(scope), _id: objectId(id), history: { $elemMatch: { action, idempotencyKey: key } } }).lean();
    return doc ? toLoan(doc) : undefined;
  }

  async list(scope: LoanScope, filter: LoanListFilter, page: PageRequest): Promise<Page<Loan>> {
    const query: Record<string, unknown> = { ...loanScopeFilter(scope) };
    if (filter.states?.length) query['state'] = { $in: [...filter.states] };
    if (filter.applicationId) query['applicationId'] = filter.applicationId;
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ stateSince: 1, _id: 1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toLoan), total };
  }

  async listByApplication(applicationId: string): Promise<Loan[]> {
    const docs = await this.model.find({ applicationId }).sort({ _id: 1 }).lean();
    return docs.map(toLoan);
  }

  /**
   * THE compare-and-set of the workflow: applies `set` (and pushes `history`) only while the loan is
   * in one of `from` within the tenant's scope and still matches `expected`.
   */
  async transition(scope: LoanScope, id: string, from: readonly string[], set: Record<string, unknown>, history: HistoryEntry, expected: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<Loan | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...expected, ...loanScopeFilter(scope), _id: objectId(id), state: { $in: [...from] } };
    const extraPush = (extra['$push'] ?? {}) as Record<string, unknown>;
    const update = { ...extra, $set: set, $push: { ...extraPush, history } };
    const doc = await this.model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean();
    return doc ? toLoan(doc) : undefined;
  }

  /** An update that is not a state change (a pending step, an info request's answer), guarded by `expected`. */
  async update(id: string, expected: Record<string, unknown>, update: Record<string, unknown>): Promise<Loan | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOneAndUpdate({ ...expected, _id: objectId(id) }, update, { returnDocument: 'after' }).lean();
    return doc ? toLoan(doc) : undefined;
  }

  async existsFor(filter: { institutionId: string; subjectId?: string; assetId?: string }): Promise<boolean> {
    const query: Record<string, unknown> = { institutionId: filter.institutionId };
    if (filter.subjectId) query['subjectId'] = filter.subjectId;
    if (filter.assetId) query['assetIds'] = filter.assetId;
    return (await this.model.exists(query)) !== null;
  }

  /** Assets offered as pledge in any of this bank's loans (the bank's side of an application). */
  async assetIdsOfferedTo(institutionId: string): Promise<string[]> {
    const docs = await this.model.find({ institutionId }, { assetIds: 1, _id: 0 }).lean();
    return [...new Set(docs.flatMap((d) => (d.assetIds ?? []) as string[]))];
  }

  async listInStates(states: readonly string[]): Promise<Loan[]> {
    const query: Record<string, unknown> = { state: { $in: [...states] } };
    const docs = await this.model.find(query).sort({ _id: 1 }).lean();
    return docs.map(toLoan);
  }

  /** Loans marked as financed by a green financial bond (the recovery of bond links). */
  async listLinkedToBonds(): Promise<Loan[]> {
    return (await this.model.find({ greenBondId: { $type: 'string' } }).lean()).map(toLoan);
  }

  async listWithPendingStep(): Promise<Loan[]> {
    const docs = await this.model.find({ 'pendingStep.kind': { $exists: true }, pendingStep: { $type: 'object' } }).lean();
    return docs.map(toLoan);
  }

  async currentLimits(institutionId: string): Promise<ApprovalLimitsRecord | undefined> {
    const doc = await this.limits.findOne({ institutionId }).sort({ version: -1 }).lean();
    return doc ? (withId(doc as { _id: unknown }) as unknown as ApprovalLimitsRecord) : undefined;
  }

  /** Stores the next version; two concurrent writers of the same version: the second gets a duplicate-key error. */
  async insertLimits(record: ApprovalLimitsRecord): Promise<ApprovalLimitsRecord> {
    const doc = await this.limits.create(record);
    return withId(doc.toObject() as { _id: unknown }) as unknown as ApprovalLimitsRecord;
  }
}
