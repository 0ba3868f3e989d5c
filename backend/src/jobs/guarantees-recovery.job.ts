import type { JobDefinition } from './job-definition.js';

/** Every five minutes: finishes loan confirmations a crash left half-done, releases guarantees of closed loans, notices defaults the hook missed. */
export const guaranteesRecoveryJob: JobDefinition = {
  name: 'guarantees.recovery',
  description: 'Finishes half-done guarantee steps (loan confirmation at the letter), releases guarantees of closed loans and notices missed defaults',
  every: '5 minutes',
  async run(platform, reportProgress) {
    await platform.services.guarantees.recover();
    await reportProgress(100);
  },
};
