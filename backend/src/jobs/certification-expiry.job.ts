import type { JobDefinition } from './job-definition.js';

/** Hourly: a producer enterprise whose last valid certificate expired (or was revoked) loses its certified-production indicator value; rescored at once (idempotent). */
export const certificationExpiryJob: JobDefinition = {
  name: 'certification.expiry',
  description: 'Feeds certified production (valid product certificate or not) to the enterprise points engine after certificates expire',
  every: '1 hour',
  async run(platform, reportProgress) {
    await platform.services.certifiedProduction.syncAll();
    await reportProgress(100);
  },
};
