import type { JobDefinition } from './job-definition.js';

/** Every 15 minutes: revalue pledged assets whose market price moved more than the configured threshold. */
export const revaluationPriceMovesJob: JobDefinition = {
  name: 'revaluation.price-moves',
  description: 'Revalues pledged assets whose price moved beyond the configured threshold since their last valuation',
  every: '15 minutes',
  async run(platform, reportProgress) {
    await platform.services.revaluation.priceMoves(reportProgress);
  },
};
