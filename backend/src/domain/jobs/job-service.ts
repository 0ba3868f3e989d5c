// Runs the background jobs on Agenda 6, on the platform's own database, and reports their status.
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job, type JobWithState } from 'agenda';
import type { Db } from 'mongodb';
import type { JobDefinition } from '../../jobs/job-definition.js';
import type { Logger } from '../../logger.js';
import type { Platform } from '../../platform.js';
import { notFound } from '../errors/index.js';

export interface JobStatus {
  name: string;
  description: string;
  status: 'idle' | 'running' | 'failed' | 'scheduled';
  progress: number;
  lastRunAt: Date | null;
  lastFinishedAt: Date | null;
  lastError: string | null;
  nextRunAt: Date | null;
}

const latest = (dates: (Date | null | undefined)[]): Date | null =>
  dates.filter((d): d is Date => d instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;

export class JobService {
  private agenda: Agenda | undefined;
  private started = false;

  constructor(
    private readonly definitions: readonly JobDefinition[],
    private readonly logger: Logger,
    private readonly processEveryMs: number,
  ) {}

  async start(db: Db, platform: Platform): Promise<void> {
    const agenda = new Agenda({ backend: new MongoBackend({ mongo: db, collection: 'jobs' }), processEvery: this.processEveryMs, defaultLockLifetime: 10 * 60_000 });
    agenda.on('error', (e: Error) => this.logger.error({ err: e }, 'job scheduler error'));
    for (const definition of this.definitions) {
      agenda.define(definition.name, async (job: Job) => {
        this.logger.info({ job: definition.name }, 'job started');
        await definition.run(platform, (percent) => job.touch(percent));
        this.logger.info({ job: definition.name }, 'job finished');
      });
    }
    agenda.on('fail', (error: Error | string, job: { attrs?: { name?: string }; jobName?: string }) =>
      this.logger.error({ job: job.attrs?.name ?? job.jobName, err: error }, 'job failed'));
    await agenda.start();
    for (const definition of this.definitions) await agenda.every(definition.every, definition.name);
    this.agenda = agenda;
    this.started = true;
  }

  health(): { running: boolean; definitions: number } {
    return { running: this.started, definitions: this.definitions.length };
  }

  async status(): Promise<JobStatus[]> {
    const result = this.agenda ? await this.agenda.queryJobs({ names: this.definitions.map((d) => d.name) }) : { jobs: [] as JobWithState[] };
    return this.definitions.map((definition) => this.describe(definition, result.jobs.filter((j) => j.name === definition.name)));
  }

  private describe(definition: JobDefinition, jobs: JobWithState[]): JobStatus {
    const running = jobs.find((j) => j.state === 'running');
    const lastRun = [...jobs].sort((a, b) => (b.lastRunAt?.getTime() ?? 0) - (a.lastRunAt?.getTime() ?? 0))[0];
    const failed = lastRun && lastRun.failedAt && (!lastRun.lastFinishedAt || lastRun.failedAt >= lastRun.lastFinishedAt) && lastRun.failReason;
    const nextRunAt = jobs.map((j) => j.nextRunAt).filter((d): d is Date => d instanceof Date).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    return {
      name: definition.name,
      description: definition.description,
      status: running ? 'running' : failed ? 'failed' : nextRunAt ? 'scheduled' : 'idle',
      progress: running?.progress ?? lastRun?.progress ?? 0,
      lastRunAt: latest(jobs.map((j) => j.lastRunAt)),
      lastFinishedAt: latest(jobs.map((j) => j.lastFinishedAt)),
      lastError: failed ? (lastRun.failReason ?? null) : null,
      nextRunAt,
    };
  }

  async runNow(name: string): Promise<void> {
    if (!this.definitions.some((d) => d.name === name)) throw notFound(`job ${name}`);
    if (!this.agenda) throw notFound(`job ${name} (jobs are disabled on this instance)`);
    await this.agenda.now(name);
  }

  /** Lets running jobs finish, then releases the scheduler (graceful shutdown). */
  async stop(): Promise<void> {
    if (!this.agenda) return;
    await this.agenda.drain();
    this.started = false;
    this.agenda = undefined;
  }
}
