import type { Connection } from 'mongoose';
import type { DamageCaseState } from '../../domain/damage/damage-state-machine.js';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { damageCaseModel } from './damage-case.schema.js';

type UserRef = { userId: string; username: string };
type DocRef = { id: string; filename: string; sha256: string };

export interface DamageCase {
  id: string;
  caseNumber: string;
  authorityInstitutionId: string;
  responsibleSubjectId: string;
  site: string;
  region: string;
  damageType: string;
  description: string;
  occurredOn: string;
  assessment: { damageFen: number; restorationCostFen: number; assessor: string; documents: DocRef[]; at: Date } | null;
  resolution: { kind: 'agreement' | 'judgment'; reference: string; date: string; paymentPlan: { dueDate: string; amountFen: number }[]; documents: DocRef[] } | null;
  totalDueFen: number;
  paidFen: number;
  payments: { amountFen: number; paidOn: string; reference: string; recordedBy: UserRef; at: Date }[];
  restoration: { progressPct: number; updates: { progressPct: number; note: string; documents: DocRef[]; at: Date; by: UserRef }[] };
  state: DamageCaseState;
  stateSince: Date;
  openedBy: UserRef;
  submittedBy: UserRef | null;
  review: { decision: 'closed' | 'returned'; note: string; by: UserRef; at: Date } | null;
  pointsEvent: { partnerEventId: string; type: string; stored: boolean; at: Date } | null;
  history: { action: string; from: string | null; to: string; at: Date; by: UserRef | null }[];
  createdAt: Date;
}

export type NewDamageCase = Pick<DamageCase, 'caseNumber' | 'authorityInstitutionId' | 'responsibleSubjectId' | 'site' | 'region' | 'damageType' | 'description' | 'occurredOn' | 'openedBy'> & { stateSince: Date };

/** An authority's own cases, a responsible subject's own cases, subjects visible to a bank, or all. */
export type DamageScope = { kind: 'authority'; institutionId: string } | { kind: 'subject'; subjectId: string } | { kind: 'subjects'; subjectIds: string[] } | { kind: 'all' };

export function damageScopeFilter(scope: DamageScope): Record<string, unknown> {
  if (scope.kind === 'authority') return { authorityInstitutionId: scope.institutionId };
  if (scope.kind === 'subject') return { responsibleSubjectId: scope.subjectId };
  if (scope.kind === 'subjects') return { responsibleSubjectId: { $in: scope.subjectIds } };
  return {};
}

const toCase = (doc: unknown): DamageCase => withId(doc as { _id: unknown }) as unknown as DamageCase;

export class DamageCaseRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = damageCaseModel(connection);
  }

  async insert(data: NewDamageCase): Promise<DamageCase | undefined> {
    try {
      return toCase((await this.model.create({ ...data, damageType: data.damageType as never, state: 'OPENED', history: [{ action: 'open', from: null, to: 'OPENED', at: data.stateSince, by: data.openedBy }] })).toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(scope: DamageScope, id: string): Promise<DamageCase | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...damageScopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toCase(doc) : undefined;
  }

  async list(scope: DamageScope, state: DamageCaseState | undefined, page: PageRequest): Promise<Page<DamageCase>> {
    const query: Record<string, unknown> = { ...damageScopeFilter(scope) };
    if (state) query['state'] = state;
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toCase), total };
  }

  /** Distinct responsible subjects (a bank's view is narrowed to those that applied to it). */
  async responsibleSubjects(): Promise<string[]> {
    return (await this.model.distinct('responsibleSubjectId')).map(String);
  }

  /**
   * Compare-and-set within the authority's cases: applies while the state is one of `from` (and the
   * extra conditions hold, e.g. a payment never above the amount due).
   */
  async transition(scope: DamageScope, id: string, from: readonly DamageCaseState[], update: { set?: Record<string, unknown>; inc?: Record<string, number>; push?: Record<string, unknown>; extra?: Record<string, unknown> }): Promise<DamageCase | undefined> {
    if (!isObjectId(id)) return undefined;
    const change: Record<string, unknown> = {};
    if (update.set) change['$set'] = update.set;
    if (update.inc) change['$inc'] = update.inc;
    if (update.push) change['$push'] = update.push;
    const doc = await this.model.findOneAndUpdate({ ...damageScopeFilter(scope), ...(update.extra ?? {}), _id: objectId(id), state: { $in: [...from] } }, change, { returnDocument: 'after' }).lean();
    return doc ? toCase(doc) : undefined;
  }
}
