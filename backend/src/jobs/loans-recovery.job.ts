import type { JobDefinition } from './job-definition.js';

/** Every five minutes: finishes or undoes loan steps a crash left half-done (pledge at disbursement, release at closure, acceptance). */
export const loansRecoveryJob: JobDefinition = {
  name: 'loans.recovery',
  description: 'Finishes or undoes half-done loan steps (pledges, releases, acceptances) after a crash',
  every: '5 minutes',
  async run(platform, reportProgress) {
    await platform.services.loanServicing.recover();
    await reportProgress(100);
  },
};
