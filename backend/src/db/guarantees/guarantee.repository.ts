import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { guaranteeModel, guarantorProfileModel } from './guarantee.schema.js';
import type { Guarantee, GuaranteeHistoryEntry, GuaranteeScope, GuarantorProfile, NewGuarantee } from './guarantee.types.js';

const toGuarantee = (doc: unknown): Guarantee => withId(doc as { _id: unknown }) as unknown as Guarantee;

/** The tenant part of every guarantee query: the guarantor (or the re-guarantor once a re-guarantee claim is filed), or the bank. */
export function guaranteeScopeFilter(scope: GuaranteeScope, forWrite = false): Record<string, unknown> {
  if (scope.kind === 'bank') return { bankId: scope.institutionId };
  if (scope.kind === 'guarantor') {
    return forWrite ? { institutionId: scope.institutionId } : { $or: [{ institutionId: scope.institutionId }, { reguarantorId: scope.institutionId, reguaranteeClaim: { $ne: null } }] };
  }
  return {};
}

export class GuaranteeRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = guaranteeModel(connection);
  }

  /** Inserts a request in APPLIED; undefined when the loan already has an open guarantee. */
  async insert(data: NewGuarantee, at: Date): Promise<Guarantee | undefined> {
    try {
      const doc = await this.model.create({ ...data, state: 'APPLIED', stateSince: at, open: true, openLoanKey: data.loanId, recoveries: [], recoveredFen: 0 });
      return toGuarantee(doc.toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(scope: GuaranteeScope, id: string): Promise<Guarantee | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...guaranteeScopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toGuarantee(doc) : undefined;
  }

  async findOpenByLoan(loanId: string): Promise<Guarantee | undefined> {
    const doc = await this.model.findOne({ openLoanKey: loanId }).lean();
    return doc ? toGuarantee(doc) : undefined;
  }

  async findByIdempotencyKey(scope: GuaranteeScope, id: string, action: string, key: string): Promise<Guarantee | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...guaranteeScopeFilter(scope), _id: objectId(id), history: { $elemMatch: { action, idempotencyKey: key } } }).lean();
    return doc ? toGuarantee(doc) : undefined;
  }

  async list(scope: GuaranteeScope, states: readonly string[] | undefined, page: PageRequest): Promise<Page<Guarantee>> {
    const query: Record<string, unknown> = { ...guaranteeScopeFilter(scope) };
    if (states?.length) query['state'] = { $in: [...states] };
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ stateSince: 1, _id: 1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toGuarantee), total };
  }

  /** Compare-and-set: moves the guarantee from one of `from` to the new state, within the tenant, with the history entry. */
  async transition(scope: GuaranteeScope, id: string, from: readonly string[], set: Record<string, unknown>, history: GuaranteeHistoryEntry, expected: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<Guarantee | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...expected, ...guaranteeScopeFilter(scope, true), _id: objectId(id), state: { $in: [...from] } };
    const extraPush = (extra['$push'] ?? {}) as Record<string, unknown>;
    const doc = await this.model.findOneAndUpdate(filter, { ...extra, $set: set, $push: { ...extraPush, history } }, { returnDocument: 'after' }).lean();
    return doc ? toGuarantee(doc) : undefined;
  }

  /** A guarded update that is not a state change (a pending step cleared, a recovery recorded). */
  async update(id: string, expected: Record<string, unknown>, update: Record<string, unknown>): Promise<Guarantee | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOneAndUpdate({ ...expected, _id: objectId(id) }, update, { returnDocument: 'after' }).lean();
    return doc ? toGuarantee(doc) : undefined;
  }

  /** The guarantor's guarantees in the given states (capacity sums, portfolio), optionally of one obligor. */
  async listOfGuarantor(institutionId: string, states: readonly string[], subjectId?: string): Promise<Guarantee[]> {
    const query: Record<string, unknown> = { institutionId, state: { $in: [...states] }, ...(subjectId ? { subjectId } : {}) };
    const docs = await this.model.find(query).lean();
    return docs.map(toGuarantee);
  }

  /** Guarantees in the given states across tenants (jobs). */
  async listInStates(states: readonly string[]): Promise<Guarantee[]> {
    const query: Record<string, unknown> = { state: { $in: [...states] } };
    return (await this.model.find(query).lean()).map(toGuarantee);
  }

  /** Whether a claim on one of the guarantor's guarantees references the document (document access). */
  async referencesClaimDocument(institutionId: string, documentId: string): Promise<boolean> {
    const hit = await this.model.exists({ institutionId, $or: [{ 'claim.documentIds.overdueProof': documentId }, { 'claim.documentIds.contract': documentId }, { 'claim.documentIds.collectionRecord': documentId }] });
    return hit !== null;
  }

  async listWithPendingStep(): Promise<Guarantee[]> {
    return (await this.model.find({ pendingStep: { $type: 'object' } }).lean()).map(toGuarantee);
  }
}

export class GuarantorProfileRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = guarantorProfileModel(connection);
  }

  async find(institutionId: string): Promise<GuarantorProfile | undefined> {
    const doc = await this.model.findOne({ institutionId }).lean();
    if (!doc) return undefined;
    const { _id, __v, ...rest } = doc as typeof doc & { __v?: number };
    return rest as unknown as GuarantorProfile;
  }

  async list(): Promise<GuarantorProfile[]> {
    return (await this.model.find({}).lean()).map(({ _id, __v, ...rest }) => rest as unknown as GuarantorProfile);
  }

  /** Replaces the profile as the next version (compare-and-set on the version the caller read). */
  async put(data: Omit<GuarantorProfile, 'version'>, expectedVersion: number): Promise<GuarantorProfile | undefined> {
    try {
      const doc = await this.model.findOneAndUpdate(
        { institutionId: data.institutionId, version: expectedVersion },
        { $set: { ...data, version: expectedVersion + 1 } },
        { returnDocument: 'after', upsert: expectedVersion === 0 },
      ).lean();
      if (!doc) return undefined;
      const { _id, __v, ...rest } = doc as typeof doc & { __v?: number };
      return rest as unknown as GuarantorProfile;
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }
}
