import type { JobDefinition } from './job-definition.js';

/** Nightly: rescore every subject under the rule sets in force; resumes a run a crash interrupted. */
export const pointsRecomputeJob: JobDefinition = {
  name: 'points.recompute',
  description: 'Rescores every subject’s ecological points (resumable, in batches)',
  every: '0 3 * * *',
  async run(platform, reportProgress) {
    const { recompute } = platform.services.points;
    const run = await recompute.resumeOrStart({ requestId: 'points-recompute-job' });
    await recompute.run(run.id, { reportProgress });
  },
};
