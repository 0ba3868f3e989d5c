import type { JobDefinition } from './job-definition.js';

/** Daily: instalments past the grace period make loans OVERDUE; past the default threshold DEFAULTED (guarantee hook raised). */
export const loansOverdueJob: JobDefinition = {
  name: 'loans.overdue',
  description: 'Marks loans with instalments past the grace period OVERDUE and, past the default threshold, DEFAULTED',
  every: '30 1 * * *',
  async run(platform, reportProgress) {
    await platform.services.loanServicing.runOverdue();
    await reportProgress(100);
  },
};
