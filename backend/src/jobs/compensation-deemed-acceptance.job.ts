import type { JobDefinition } from './job-definition.js';

/** Hourly: settlements whose objection window closed without objection become FINAL by deemed acceptance (recorded, audited; safe to rerun). */
export const compensationDeemedAcceptanceJob: JobDefinition = {
  name: 'compensation.deemed-acceptance',
  description: 'Finalises basin compensation settlements whose objection window closed without an objection (deemed acceptance)',
  every: '1 hour',
  async run(platform, reportProgress) {
    await platform.services.compensation.finaliseDeemedAccepted();
    await reportProgress(100);
  },
};
