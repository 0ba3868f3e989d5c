import type { JobDefinition } from './job-definition.js';

/** Nightly: walk the audit hash chain; a broken chain fails the job, naming the first broken link. */
export const auditChainCheckJob: JobDefinition = {
  name: 'audit.verify-chain',
  description: 'Verifies the audit trail’s SHA-256 chain',
  every: '0 2 * * *',
  async run(platform, reportProgress) {
    const total = Math.max(1, await platform.services.audit.count());
    const result = await platform.services.audit.verify((checked) => void reportProgress(Math.min(99, Math.floor((checked / total) * 100))));
    if (!result.ok) throw new Error(`audit chain broken at record ${result.firstBroken!.seq}: ${result.firstBroken!.reason}`);
    await reportProgress(100);
  },
};
