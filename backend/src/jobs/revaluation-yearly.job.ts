import type { JobDefinition } from './job-definition.js';

/** Yearly (2 January): revalue pledged water, forest, emission and land rights and GEP sites. */
export const revaluationYearlyJob: JobDefinition = {
  name: 'revaluation.yearly',
  description: 'Revalues pledged water, forest, emission and land rights and GEP sites and checks their loans’ LTV',
  every: '0 3 2 1 *',
  async run(platform, reportProgress) {
    await platform.services.revaluation.yearly(reportProgress);
  },
};
