import type { JobDefinition } from './job-definition.js';

/** Hourly: remove expired refresh tokens and finished rate-limit windows. */
export const purgeExpiredSessionsJob: JobDefinition = {
  name: 'auth.purge-expired',
  description: 'Removes expired refresh tokens and rate-limit windows',
  every: '1 hour',
  async run(platform, reportProgress) {
    const now = platform.clock.now();
    await platform.repositories.refreshTokens.purgeExpired(now);
    await reportProgress(50);
    await platform.repositories.rateLimits.purgeExpired(now);
    await reportProgress(100);
  },
};
