import { auditChainCheckJob } from './audit-chain-check.job.js';
import { bondReportsJob } from './bond-reports.job.js';
import { certificationExpiryJob } from './certification-expiry.job.js';
import { compensationDeemedAcceptanceJob } from './compensation-deemed-acceptance.job.js';
import { gepRecoveryJob } from './gep-recovery.job.js';
import { guaranteesRecoveryJob } from './guarantees-recovery.job.js';
import type { JobDefinition } from './job-definition.js';
import { loansOverdueJob } from './loans-overdue.job.js';
import { loansRecoveryJob } from './loans-recovery.job.js';
import { pointsRecomputeJob } from './points-recompute.job.js';
import { purgeExpiredSessionsJob } from './purge-expired-sessions.job.js';
import { revaluationCarbonJob } from './revaluation-carbon.job.js';
import { revaluationPriceMovesJob } from './revaluation-price-moves.job.js';
import { revaluationYearlyJob } from './revaluation-yearly.job.js';
import { securitisationRecoveryJob } from './securitisation-recovery.job.js';
import { tradingRecoveryJob } from './trading-recovery.job.js';

/** Every background job. Later areas add theirs here (revaluation, nightly points recompute…). */
export const jobDefinitions: readonly JobDefinition[] = [
  auditChainCheckJob, purgeExpiredSessionsJob, pointsRecomputeJob,
  revaluationCarbonJob, revaluationYearlyJob, revaluationPriceMovesJob,
  loansOverdueJob, loansRecoveryJob, guaranteesRecoveryJob, bondReportsJob,
  compensationDeemedAcceptanceJob, gepRecoveryJob, certificationExpiryJob, tradingRecoveryJob, securitisationRecoveryJob,
];
