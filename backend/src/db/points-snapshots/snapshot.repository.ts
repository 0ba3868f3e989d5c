import type { Collection, Connection } from 'mongoose';
import type { AppliedDowngrade, AppliedVeto, BenefitsResult, CategoryTotal, Coverage } from '@eco/scoring';
import { streamBatchSize, subjectsAfter, subjectsIn } from '../points-population/subject-selection.js';
import { snapshotModel } from './snapshot.schema.js';

export interface Snapshot {
  subjectId: string;
  subjectName: string;
  subjectType: string;
  asOf: string;
  ruleSetId: string;
  ruleSetVersion: string;
  totalCentipoints: number;
  ledgerBalanceCentipoints: number;
  baseGrade: string | null;
  grade: string | null;
  gradeSince: string | null;
  benefits: BenefitsResult | null;
  breakdown: CategoryTotal[];
  vetoesApplied: AppliedVeto[];
  downgradesApplied: AppliedDowngrade[];
  coverage: Coverage;
  runId: string;
  computedAt: Date;
}

export type HeldGrade = Pick<Snapshot, 'subjectId' | 'grade' | 'gradeSince'>;
const gradeProjection = { _id: 0, subjectId: 1, grade: 1, gradeSince: 1 } as const;
const toHeldGrade = (d: Record<string, unknown>): HeldGrade => ({ subjectId: String(d['subjectId']), grade: (d['grade'] ?? null) as string | null, gradeSince: (d['gradeSince'] ?? null) as string | null });

const toSnapshot = ({ _id: _id, ...rest }: Record<string, unknown>): Snapshot => rest as unknown as Snapshot;

export class SnapshotRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = snapshotModel(connection).collection;
  }

  /** Upserts each subject's snapshot (idempotent: the same run writes the same values). */
  async writeAll(snapshots: readonly Snapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.collection.bulkWrite(
      snapshots.map((s) => ({ replaceOne: { filter: { subjectId: s.subjectId }, replacement: { ...s }, upsert: true } })),
      { ordered: false },
    );
  }

  async find(subjectId: string): Promise<Snapshot | undefined> {
    const doc = await this.collection.findOne({ subjectId });
    return doc ? toSnapshot(doc) : undefined;
  }

  /** The grade each of these subjects holds and since when (what rescoring carries over). */
  async gradesOf(subjectIds: readonly string[]): Promise<Map<string, HeldGrade>> {
    const docs = await this.collection.find({ subjectId: subjectsIn(subjectIds) }, { projection: gradeProjection }).toArray();
    return new Map(docs.map((d) => [String(d['subjectId']), toHeldGrade(d)]));
  }

  /** The recompute's single pass: the grades held by every subject after the cursor, in subject order. */
  async *gradesInSubjectOrder(cursor: string | null): AsyncGenerator<HeldGrade> {
    const docs = this.collection.find(subjectsAfter(cursor), { projection: gradeProjection, batchSize: streamBatchSize }).sort({ subjectId: 1 });
    for await (const doc of docs) yield toHeldGrade(doc);
  }

  async countByGrade(subjectType: string): Promise<Record<string, number>> {
    const rows = await this.collection.aggregate([{ $match: { subjectType } }, { $group: { _id: '$grade', n: { $sum: 1 } } }]).toArray();
    return Object.fromEntries(rows.map((r) => [String(r['_id'] ?? '(ungraded)'), Number(r['n'])]));
  }
}
