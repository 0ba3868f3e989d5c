import type { GepAccount, GepYearChange } from '@eco/scoring';
import type { Connection } from 'mongoose';
import type { GepRunState } from '../../domain/gep/gep-run-state-machine.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { gepRunModel } from './gep-run.schema.js';

export interface UserRef { userId: string; username: string }

export interface GepRunInputs {
  population: number;
  areaKm2: string;
  gdpFen: number;
  /** Physical quantity per service code (decimal text); a configured service missing here has no data. */
  quantities: Record<string, string>;
  /** Site codes of GEP sites in the asset registry this run's figures belong to. */
  siteCodes: string[];
}

/** Recorded on a correction before its publication touches the version it supersedes. */
export interface PublishIntent { supersedes: string; by: UserRef; at: Date }

export interface GepRun {
  id: string;
  institutionId: string;
  region: string;
  year: number;
  version: number;
  correctsRunId: string | null;
  changeNote: string | null;
  state: GepRunState;
  stateSince: Date;
  preparedBy: UserRef;
  reviewedBy: UserRef | null;
  reviewNote: string | null;
  publishedBy: UserRef | null;
  publishedAt: Date | null;
  supersededBy: string | null;
  publishing: PublishIntent | null;
  inputs: GepRunInputs;
  configVersion: string;
  result: GepAccount;
  previousRunId: string | null;
  change: GepYearChange | null;
  history: Record<string, unknown>[];
  createdAt: Date;
}
export type NewGepRun = Omit<GepRun, 'id' | 'createdAt' | 'reviewedBy' | 'reviewNote' | 'publishedBy' | 'publishedAt' | 'supersededBy' | 'publishing' | 'history'>;

/** Whose runs a query may touch: a preparer institution's own, or every run (reviewers, platform readers). */
export type GepRunScope = { kind: 'all' } | { kind: 'institution'; institutionId: string };
const scopeFilter = (s: GepRunScope): Record<string, unknown> => (s.kind === 'all' ? {} : { institutionId: s.institutionId });
const toRun = (doc: unknown): GepRun => withId(doc as { _id: unknown }) as unknown as GepRun;

export class GepRunRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = gepRunModel(connection);
  }

  /** Inserts a version; undefined when that region, year and version exists already. */
  async insert(run: NewGepRun): Promise<GepRun | undefined> {
    try {
      return toRun((await this.model.create({ ...run, history: [] })).toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(scope: GepRunScope, id: string): Promise<GepRun | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...scopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toRun(doc) : undefined;
  }

  async list(scope: GepRunScope, filter: { region?: string | undefined; states?: readonly string[] | undefined }): Promise<GepRun[]> {
    const query: Record<string, unknown> = { ...scopeFilter(scope) };
    if (filter.region) query['region'] = filter.region;
    if (filter.states?.length) query['state'] = { $in: [...filter.states] };
    return (await this.model.find(query).sort({ region: 1, year: -1, version: -1 }).limit(500).lean()).map(toRun);
  }

  /** The published (current) run of a region and year, if any. */
  async published(region: string, year: number): Promise<GepRun | undefined> {
    const doc = await this.model.findOne({ region, year, state: 'PUBLISHED' }).sort({ version: -1 }).lean();
    return doc ? toRun(doc) : undefined;
  }

  async highestVersion(region: string, year: number): Promise<number> {
    const doc = await this.model.findOne({ region, year }).sort({ version: -1 }).lean();
    return (doc?.version as number | undefined) ?? 0;
  }

  /** Published runs naming a GEP site of the asset registry. */
  async publishedForSite(siteCode: string): Promise<GepRun[]> {
    return (await this.model.find({ 'inputs.siteCodes': siteCode, state: 'PUBLISHED' }).sort({ year: -1 }).lean()).map(toRun);
  }

  /** Corrections whose publication intent is still recorded (interrupted, or in progress right now). */
  async withPublishIntent(): Promise<GepRun[]> {
    return (await this.model.find({ 'publishing.at': { $exists: true } }).sort({ 'publishing.at': 1 }).limit(100).lean()).map(toRun);
  }

  /**
   * THE compare-and-set: applies `set` only while the run is in one of `from` within the scope and
   * matches `expected`; undefined otherwise (or when the update would break a unique index).
   */
  async transition(scope: GepRunScope, id: string, from: readonly string[], set: Record<string, unknown>, history: Record<string, unknown>, expected: Record<string, unknown> = {}): Promise<GepRun | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter: Record<string, unknown> = { ...expected, ...scopeFilter(scope), _id: objectId(id), state: { $in: [...from] } };
    try {
      const doc = await this.model.findOneAndUpdate(
        filter,
        { $set: set, $push: { history } },
        { returnDocument: 'after' },
      ).lean();
      return doc ? toRun(doc) : undefined;
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }
}
