import type { JobDefinition } from './job-definition.js';

/**
 * Daily: issuers of outstanding green bonds whose allocation and impact report for last year is
 * missing are reminded (audit trail); financed projects whose taxonomy entry is no longer eligible
 * delabel their bond; loan marks of green financial bonds left by an interrupted link or unlink are cleared.
 */
export const bondReportsJob: JobDefinition = {
  name: 'bonds.reports-due',
  description: 'Reminds issuers of due annual impact reports and delabels bonds whose financed projects left the green taxonomy',
  every: '0 3 * * *',
  async run(platform, reportProgress) {
    await platform.services.bondReports.remindDue();
    await reportProgress(50);
    await platform.services.bonds.recheckEligibility();
    await reportProgress(90);
    await platform.services.bonds.recoverLoanLinks();
    await reportProgress(100);
  },
};
