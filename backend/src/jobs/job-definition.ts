import type { Platform } from '../platform.js';

/** One background job: a schedule and a run that delegates to a domain service. */
export interface JobDefinition {
  name: string;
  description: string;
  /** Agenda repeat interval: a human interval ('1 hour') or a cron expression ('0 2 * * *'). */
  every: string;
  run(platform: Platform, reportProgress: (percent: number) => Promise<void>): Promise<void>;
}
