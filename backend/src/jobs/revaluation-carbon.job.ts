import type { JobDefinition } from './job-definition.js';

/** Daily: revalue every pledged carbon holding; LTV breaches raise one alert each to the lending bank. */
export const revaluationCarbonJob: JobDefinition = {
  name: 'revaluation.carbon-daily',
  description: 'Revalues pledged carbon holdings (CEA/CCER/forestry) and checks their loans’ LTV',
  every: '0 1 * * *',
  async run(platform, reportProgress) {
    await platform.services.revaluation.carbonDaily(reportProgress);
  },
};
