// Rescoring: evidence in, engine result, ledger deltas appended to each subject's chain, snapshot
// written. Works on a batch of subjects with a handful of queries, for the nightly recompute.
import { computePoints, type PointsResult, type RuleSet } from '@eco/scoring';
import type { IndicatorSubmissionRepository } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import type { PointsEventRepository } from '../../db/points-events/points-event.repository.js';
import type { ChainHead, LedgerEntry, LedgerRepository } from '../../db/points-ledger/ledger.repository.js';
import type { PopulationRepository, ScoredSubject } from '../../db/points-population/population.repository.js';
import type { HeldGrade, Snapshot, SnapshotRepository } from '../../db/points-snapshots/snapshot.repository.js';
import type { Clock } from '../clock.js';
import { notFound } from '../errors/index.js';
import { chinaDate } from './china-date.js';
import { chainEntries, type UnchainedEntry } from './ledger-chain.js';
import { balanceAfter, ledgerDeltas } from './ledger-deltas.js';
import type { RuleSetLibrary } from './rule-set-library.js';
import { groupBySubject, holdsUnseenEvidence, subjectEvidence } from './subject-evidence.js';

export interface RescoringDeps {
  events: PointsEventRepository;
  submissions: IndicatorSubmissionRepository;
  ledger: LedgerRepository;
  snapshots: SnapshotRepository;
  population: PopulationRepository;
  library: RuleSetLibrary;
  clock: Clock;
}

const maxChainRaces = 20;

/** What rescoring a batch reads. */
export interface BatchEvidence {
  events: Awaited<ReturnType<PointsEventRepository['activeForSubjects']>>;
  submissions: Awaited<ReturnType<IndicatorSubmissionRepository['acceptedForSubjects']>>;
  held: Map<string, Map<string, number>>;
  heads: Map<string, ChainHead>;
  /** Subjects whose ledger read overlapped another writer's append: redone alone. */
  unsettled: Set<string>;
  previous: Map<string, HeldGrade>;
  /**
   * Whether the ledger was read before the evidence. Only then does a ledger entry for evidence not
   * in view mean the evidence is gone; otherwise the subject is read again, ledger first.
   */
  ledgerReadFirst: boolean;
}

function snapshotOf(subject: ScoredSubject, result: PointsResult, balance: number, previous: HeldGrade | undefined, runId: string, at: Date): Snapshot {
  const keepsGrade = previous && previous.grade === result.grade && previous.gradeSince;
  return {
    subjectId: result.subjectId, subjectName: subject.name, subjectType: result.subjectType, asOf: result.asOf,
    ruleSetId: result.ruleSet.id, ruleSetVersion: result.ruleSet.version,
    totalCentipoints: result.totalCentipoints, ledgerBalanceCentipoints: balance,
    baseGrade: result.baseGrade, grade: result.grade, gradeSince: keepsGrade ? previous.gradeSince : result.asOf,
    benefits: result.benefits, breakdown: result.breakdown, vetoesApplied: result.vetoesApplied,
    downgradesApplied: result.downgradesApplied, coverage: result.coverage, runId, computedAt: at,
  };
}

export class RescoringService {
  constructor(private readonly deps: RescoringDeps) {}

  today(): string {
    return chinaDate(this.deps.clock.now());
  }

  /** Rescores one subject now (after new evidence, a decision or a reversal). */
  async rescoreSubject(subjectId: string, runId = 'on-demand'): Promise<Snapshot> {
    const subject = await this.deps.population.find(subjectId);
    if (!subject) throw notFound('subject');
    await this.rescoreBatch([subject], this.today(), runId);
    return (await this.deps.snapshots.find(subjectId))!;
  }

  async rescoreSubjects(subjectIds: readonly string[], runId = 'on-demand'): Promise<void> {
    const subjects = await this.deps.population.findMany(subjectIds);
    if (subjects.length > 0) await this.rescoreBatch(subjects, this.today(), runId);
  }

  /** Appends entries built from what the subject's ledger holds now (e.g. a reversal), retrying if another writer got in first. */
  async appendEntries(subjectId: string, build: (held: ReadonlyMap<string, number>) => UnchainedEntry[]): Promise<void> {
    for (let attempt = 0; attempt < maxChainRaces; attempt++) {
      const { held, heads } = await this.deps.ledger.stateOf([subjectId]);
      const entries = chainEntries(subjectId, heads.get(subjectId), this.deps.clock.now(), build(held.get(subjectId) ?? new Map()));
      if ((await this.deps.ledger.insertChained(entries)).size === 0) return;
    }
    throw new Error('points ledger: could not append after many concurrent writers');
  }

  /**
   * Reads what rescoring these subjects needs (events, indicator data, ledger state, grades held), all
   * at once, or the ledger first and then the rest (a subject read again after a doubtful read).
   */
  async readBatch(subjects: readonly ScoredSubject[], ledgerFirst = false): Promise<BatchEvidence> {
    const ids = subjects.map((s) => s.id);
    const ledger = ledgerFirst ? await this.deps.ledger.stateOf(ids) : this.deps.ledger.stateOf(ids);
    const [events, submissions, state, previous] = await Promise.all([
      this.deps.events.activeForSubjects(ids), this.deps.submissions.acceptedForSubjects(ids), ledger, this.deps.snapshots.gradesOf(ids),
    ]);
    // A fresh read trusts the head it found: a concurrent append makes the compare-and-set fail, and a
    // chain with a real gap (a broken chain, reported by verification) must not stall every recompute.
    return { events, submissions, heads: state.heads, held: state.held, unsettled: new Set(), previous, ledgerReadFirst: ledgerFirst };
  }

  /**
   * Rescores a batch; a subject whose chain another writer extended meanwhile is redone alone.
   * `prefetched`: the batch's evidence already read (the recompute's single pass), for the first attempt.
   */
  async rescoreBatch(subjects: readonly ScoredSubject[], asOf: string, runId: string, prefetched?: BatchEvidence): Promise<void> {
    let pending = [...subjects];
    const ruleSets = await this.deps.library.inForceByType(asOf);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === maxChainRaces) throw new Error(`points ledger: could not append for ${pending.length} subjects after ${maxChainRaces} races`);
      const evidence = attempt === 0 && prefetched ? prefetched : await this.readBatch(pending, attempt > 0);
      const lost = await this.tryBatch(pending, asOf, runId, ruleSets, evidence);
      pending = pending.filter((s) => lost.has(s.id));
    }
  }

  private async tryBatch(subjects: readonly ScoredSubject[], asOf: string, runId: string, ruleSets: Map<string, RuleSet>, read: BatchEvidence): Promise<Set<string>> {
    const { events, submissions, held, heads, unsettled, previous, ledgerReadFirst } = read;
    const eventsBySubject = groupBySubject(events);
    const submissionsBySubject = groupBySubject(submissions);
    const at = this.deps.clock.now();
    const entries: Omit<LedgerEntry, 'id'>[] = [];
    const snapshots: Snapshot[] = [];
    const lost = new Set<string>();
    for (const subject of subjects) {
      const ruleSet = ruleSets.get(subject.type);
      if (!ruleSet) continue;
      const subjectEvents = eventsBySubject.get(subject.id) ?? [];
      const subjectSubmissions = submissionsBySubject.get(subject.id) ?? [];
      const subjectHeld = held.get(subject.id) ?? new Map<string, number>();
      if (unsettled.has(subject.id) || (!ledgerReadFirst && holdsUnseenEvidence(subjectHeld, subjectEvents, subjectSubmissions))) {
        lost.add(subject.id); // read again alone, ledger first
        continue;
      }
      const evidence = subjectEvidence(subject, subjectEvents, subjectSubmissions);
      const result = computePoints(evidence.subject, evidence, ruleSet, asOf);
      const deltas = ledgerDeltas(result, subjectHeld, runId);
      entries.push(...chainEntries(subject.id, heads.get(subject.id), at, deltas));
      snapshots.push(snapshotOf(subject, result, balanceAfter(subjectHeld, deltas), previous.get(subject.id), runId, at));
    }
    for (const subjectId of await this.deps.ledger.insertChained(entries)) lost.add(subjectId);
    await this.deps.snapshots.writeAll(snapshots.filter((s) => !lost.has(s.subjectId)));
    return lost;
  }
}
