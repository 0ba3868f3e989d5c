import type { CompensationMonitoring, CompensationTerms, Settlement } from '@eco/scoring';
import type { Connection } from 'mongoose';
import type { SettlementState } from '../../domain/compensation/settlement-state-machine.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { compensationModels } from './compensation.schema.js';

export interface Agreement {
  id: string;
  basinCode: string;
  upstreamInstitutionId: string;
  downstreamInstitutionId: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  terms: CompensationTerms;
  objectionWindowDays: number;
  createdBy: string;
  createdAt: Date;
}
export type NewAgreement = Omit<Agreement, 'id' | 'createdAt'>;

export interface PartyAct { userId: string; username: string; at: Date; reason?: string; party?: 'upstream' | 'downstream' }

export interface SettlementRun {
  id: string;
  agreementId: string;
  basinCode: string;
  upstreamInstitutionId: string;
  downstreamInstitutionId: string;
  period: string;
  round: number;
  monitoring: CompensationMonitoring;
  result: Settlement;
  state: SettlementState;
  stateSince: Date;
  objectionDeadline: Date;
  confirmations: { upstream: PartyAct | null; downstream: PartyAct | null };
  objection: PartyAct | null;
  /** FINAL by deemed acceptance: the window closed at `deadline` without objection; `parties` had not confirmed. */
  deemedAcceptance: { at: Date; deadline: Date; parties: ('upstream' | 'downstream')[] } | null;
  createdBy: string;
  history: Record<string, unknown>[];
  createdAt: Date;
}
export type NewSettlementRun = Omit<SettlementRun, 'id' | 'createdAt' | 'confirmations' | 'objection' | 'deemedAcceptance' | 'history'>;

/** Whose agreements a query may touch: a government institution's own (as either party), or all. */
export type CompensationScope = { kind: 'all' } | { kind: 'party'; institutionId: string };
export const partyFilter = (s: CompensationScope): Record<string, unknown> =>
  (s.kind === 'all' ? {} : { $or: [{ upstreamInstitutionId: s.institutionId }, { downstreamInstitutionId: s.institutionId }] });
const plain = <T>(doc: unknown): T => withId(doc as { _id: unknown }) as unknown as T;

export class CompensationRepository {
  private readonly m;

  constructor(connection: Connection) {
    this.m = compensationModels(connection);
  }

  async insertAgreement(a: NewAgreement): Promise<Agreement> {
    return plain<Agreement>((await this.m.agreements.create(a)).toObject());
  }

  async agreement(scope: CompensationScope, id: string): Promise<Agreement | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.m.agreements.findOne({ ...partyFilter(scope), _id: objectId(id) }).lean();
    return doc ? plain<Agreement>(doc) : undefined;
  }

  async agreements(scope: CompensationScope, basinCode?: string): Promise<Agreement[]> {
    const query: Record<string, unknown> = { ...partyFilter(scope) };
    if (basinCode) query['basinCode'] = basinCode;
    return (await this.m.agreements.find(query).sort({ basinCode: 1, periodFrom: -1 }).lean()).map((d) => plain<Agreement>(d));
  }

  /** Inserts a settlement run; undefined when that round of the period exists already. */
  async insertSettlement(s: NewSettlementRun): Promise<SettlementRun | undefined> {
    try {
      return plain<SettlementRun>((await this.m.settlements.create({ ...s, history: [] })).toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async settlement(scope: CompensationScope, id: string): Promise<SettlementRun | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.m.settlements.findOne({ ...partyFilter(scope), _id: objectId(id) }).lean();
    return doc ? plain<SettlementRun>(doc) : undefined;
  }

  async settlements(scope: CompensationScope, filter: { agreementId?: string; basinCode?: string; period?: string }): Promise<SettlementRun[]> {
    const query: Record<string, unknown> = { ...partyFilter(scope), ...filter };
    return (await this.m.settlements.find(query).sort({ period: 1, round: 1 }).lean()).map((d) => plain<SettlementRun>(d));
  }

  /** Pending runs of every party whose objection window closed before `now` (the deemed-acceptance job). */
  async pendingPastDeadline(now: Date): Promise<SettlementRun[]> {
    return (await this.m.settlements.find({ state: 'PENDING_CONFIRMATION', objectionDeadline: { $lt: now } }).sort({ objectionDeadline: 1 }).limit(500).lean()).map((d) => plain<SettlementRun>(d));
  }

  /** THE compare-and-set: applies `set` while the run is in one of `from` within the scope and matches `expected`. */
  async transition(scope: CompensationScope, id: string, from: readonly string[], expected: Record<string, unknown>, set: Record<string, unknown>, history: Record<string, unknown>): Promise<SettlementRun | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...expected, ...partyFilter(scope), _id: objectId(id), state: { $in: [...from] } };
    const doc = await this.m.settlements.findOneAndUpdate(filter, { $set: set, $push: { history } }, { returnDocument: 'after' }).lean();
    return doc ? plain<SettlementRun>(doc) : undefined;
  }
}
