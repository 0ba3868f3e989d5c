import type { JobDefinition } from './job-definition.js';

/** Every five minutes: trades a crash left MATCHED (matched over a minute ago) are settled idempotently by their settlement key. */
export const tradingRecoveryJob: JobDefinition = {
  name: 'trading.recovery',
  description: 'Settles ecological-rights trades left MATCHED by an interrupted request (idempotent by the settlement key)',
  every: '5 minutes',
  async run(platform, reportProgress) {
    await platform.services.trading.recoverMatched();
    await reportProgress(100);
  },
};
