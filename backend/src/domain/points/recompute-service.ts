// The nightly recompute: every subject rescored under the rule sets in force, in batches of subjects
// in id order, read in one pass over each collection (recompute-reader.ts). The run document holds
// a cursor; each batch is counted by the compare-and-set that moves the cursor past it, and
// rescoring is idempotent, so a run resumed after a crash redoes at most the batch in flight, skips
// no subject and counts none twice.
import type { RecomputeRun, RecomputeRunRepository } from '../../db/points-recompute-runs/recompute-run.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor } from '../identity/principal.js';
import { chinaDate } from './china-date.js';
import { RecomputeReader, type RecomputeBatch, type RecomputeSources } from './recompute-reader.js';
import type { RescoringService } from './rescoring-service.js';

export interface RecomputeDeps extends RecomputeSources {
  runs: RecomputeRunRepository;
  rescoring: RescoringService;
  audit: AuditTrail;
  clock: Clock;
  batchSize: number;
}

export interface RunOptions {
  /** Called after each batch with the percentage done. */
  reportProgress?: (percent: number) => Promise<void> | void;
  /** Test hook: fail after this many batches have been written (a simulated crash). */
  crashAfterBatches?: number;
}

export const percentDone = (run: Pick<RecomputeRun, 'processed' | 'total'>): number =>
  run.total === 0 ? 100 : Math.min(100, Math.floor((run.processed * 100) / run.total));

export class RecomputeService {
  constructor(private readonly deps: RecomputeDeps) {}

  /** Starts a run (refused while one is running). */
  async start(actor: Actor, asOf?: string): Promise<RecomputeRun> {
    const run = await this.deps.runs.start({
      asOf: asOf ?? chinaDate(this.deps.clock.now()), total: await this.deps.population.count(),
      startedBy: actor.principal?.username ?? 'scheduler', startedAt: this.deps.clock.now(),
    });
    if (!run) throw new AppError('POINTS_RECOMPUTE_RUNNING', 'a recompute is already running; it can be followed at /api/points/recompute-runs/latest');
    await this.deps.audit.append(actor, { action: 'points.recompute.start', entityType: 'points_recompute_run', entityId: run.id, after: { asOf: run.asOf, total: run.total } });
    return run;
  }

  /** The running run, resumed; or a new one. */
  async resumeOrStart(actor: Actor): Promise<RecomputeRun> {
    return (await this.deps.runs.running()) ?? this.start(actor);
  }

  async latest(): Promise<(RecomputeRun & { percent: number }) | null> {
    const run = await this.deps.runs.latest();
    return run ? { ...run, percent: percentDone(run) } : null;
  }

  /** Processes the run's remaining batches from its cursor to the end. */
  async run(runId: string, options: RunOptions = {}): Promise<RecomputeRun> {
    let run = await this.deps.runs.find(runId);
    if (!run) throw notFound('recompute run');
    let batches = 0;
    // Pipelined: while one batch is scored and written, the next is read from the same pass. The
    // cursor still moves only after a batch is written, so resuming after a crash is unchanged.
    let reader = new RecomputeReader(this.deps, run.cursor);
    let readFrom = run.cursor;
    let next = this.readAhead(reader);
    try {
      while (run.state === 'running') {
        if (readFrom !== run.cursor) {
          // Another worker moved the cursor: read on from where it is.
          await next.catch(() => undefined);
          await reader.close();
          reader = new RecomputeReader(this.deps, (readFrom = run.cursor));
          next = this.readAhead(reader);
        }
        const { subjects, evidence } = await next;
        if (subjects.length === 0) {
          await this.deps.runs.complete(run.id, this.deps.clock.now());
        } else {
          readFrom = subjects.at(-1)!.id;
          next = this.readAhead(reader);
          await this.deps.rescoring.rescoreBatch(subjects, run.asOf, run.id, evidence);
          if (options.crashAfterBatches !== undefined && batches === options.crashAfterBatches) throw new Error('simulated crash after writing a batch');
          await this.deps.runs.advance(run.id, run.cursor, readFrom, subjects.length);
          batches++;
        }
        run = (await this.deps.runs.find(run.id))!;
        await options.reportProgress?.(percentDone(run));
      }
    } finally {
      await next.catch(() => undefined);
      await reader.close();
    }
    return run;
  }

  /** Starts reading the next batch; awaited later (and not an unhandled rejection if the run stops first). */
  private readAhead(reader: RecomputeReader): Promise<RecomputeBatch> {
    const batch = reader.next(this.deps.batchSize);
    batch.catch(() => undefined);
    return batch;
  }
}
