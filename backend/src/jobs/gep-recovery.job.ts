import type { JobDefinition } from './job-definition.js';

/** Every five minutes: finishes or undoes GEP corrections whose publication was interrupted (never two published versions). */
export const gepRecoveryJob: JobDefinition = {
  name: 'gep.recovery',
  description: 'Finishes or undoes interrupted publications of GEP corrections (supersede the old version, publish the new one)',
  every: '5 minutes',
  async run(platform, reportProgress) {
    await platform.services.gep.recoverPublications();
    await reportProgress(100);
  },
};
