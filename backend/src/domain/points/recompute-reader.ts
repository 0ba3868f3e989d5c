// The recompute reads each collection once, in subject order, from the run's cursor: one cursor per
// collection, consumed batch by batch, instead of one query per collection per batch. Reads are not
// a point-in-time snapshot, and need not be: a ledger chain read while another writer appended to
// it is reported unsettled (or its head is stale and the append's compare-and-set fails), a ledger
// holding points for events not in view (they may have arrived since the events were read) sends
// the subject to be read again, and such subjects are rescored alone with fresh reads, ledger first.
import type { IndicatorSubmissionRepository } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import type { PointsEventRepository } from '../../db/points-events/points-event.repository.js';
import { foldLedgerRows } from '../../db/points-ledger/ledger-state.js';
import type { LedgerRepository } from '../../db/points-ledger/ledger.repository.js';
import type { PopulationRepository, ScoredSubject } from '../../db/points-population/population.repository.js';
import type { SnapshotRepository } from '../../db/points-snapshots/snapshot.repository.js';
import type { BatchEvidence } from './rescoring-service.js';
import { SubjectOrderedStream } from './subject-ordered-stream.js';

export interface RecomputeSources {
  population: PopulationRepository;
  events: PointsEventRepository;
  submissions: IndicatorSubmissionRepository;
  ledger: LedgerRepository;
  snapshots: SnapshotRepository;
}

export interface RecomputeBatch {
  subjects: ScoredSubject[];
  evidence: BatchEvidence;
}

const byDecision = (a: { decidedAt?: Date | undefined }, b: { decidedAt?: Date | undefined }): number =>
  (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0);

export class RecomputeReader {
  private readonly subjects: AsyncIterator<ScoredSubject>;
  private readonly events;
  private readonly submissions;
  private readonly ledger;
  private readonly grades;

  /** Opens the passes after `cursor` (the last subject already done, or null for a fresh run). */
  constructor(sources: RecomputeSources, cursor: string | null) {
    this.subjects = sources.population.inIdOrder(cursor);
    this.events = new SubjectOrderedStream(sources.events.activeInSubjectOrder(cursor));
    this.submissions = new SubjectOrderedStream(sources.submissions.acceptedInSubjectOrder(cursor));
    this.ledger = new SubjectOrderedStream(sources.ledger.rowsInSubjectOrder(cursor));
    this.grades = new SubjectOrderedStream(sources.snapshots.gradesInSubjectOrder(cursor));
  }

  /** The next `size` subjects and everything rescoring them reads; no subjects at the end. */
  async next(size: number): Promise<RecomputeBatch> {
    const subjects: ScoredSubject[] = [];
    while (subjects.length < size) {
      const next = await this.subjects.next();
      if (next.done) break;
      subjects.push(next.value);
    }
    const last = subjects.at(-1)?.id;
    if (!last) return { subjects, evidence: { events: [], submissions: [], heads: new Map(), held: new Map(), unsettled: new Set(), previous: new Map(), ledgerReadFirst: false } };
    const [events, submissions, rows, grades] = await Promise.all([
      this.events.takeThrough(last), this.submissions.takeThrough(last), this.ledger.takeThrough(last), this.grades.takeThrough(last),
    ]);
    const { heads, held, unsettled } = foldLedgerRows(rows);
    return {
      subjects,
      evidence: { events, submissions: submissions.sort(byDecision), heads, held, unsettled, previous: new Map(grades.map((g) => [g.subjectId, g])), ledgerReadFirst: false },
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.subjects.return?.(), this.events.close(), this.submissions.close(), this.ledger.close(), this.grades.close()]);
  }
}
