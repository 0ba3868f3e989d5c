import type { JobDefinition } from './job-definition.js';

/** Every five minutes: clears the loan markers a crashed pool selection (or cancel) left behind; a loan its pool holds keeps its marker. */
export const securitisationRecoveryJob: JobDefinition = {
  name: 'securitisation.recovery',
  description: 'Finishes interrupted loan-pool selections: removes markers of loans the pool does not hold, and markers of cancelled or missing pools',
  every: '5 minutes',
  async run(platform, reportProgress) {
    await platform.services.securitisation.recoverSelections();
    await reportProgress(100);
  },
};
