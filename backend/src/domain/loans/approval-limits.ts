// Approval limits by amount tier, per bank: configuration data, versioned, schema-validated. A bank
// without its own version uses the first example tiers of scoring/config/loan-pricing.json.
import type { ApprovalLimitsRecord, LoanRepository } from '../../db/loans/loan.repository.js';
import { isDuplicateKey } from '../../db/plain.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { AppError } from '../errors/index.js';
import type { Actor, Principal } from '../identity/principal.js';
import { loanMaths } from './loan-maths.js';

export interface ApprovalLimitsInput {
  tiers: { level: string; label: string; maxAmountFen?: number | undefined }[];
  defaultLevel: string;
  approverLevels?: Record<string, string> | undefined;
}

export interface ApprovalCheck {
  limitsVersion: number;
  limitsSource: string;
  approverLevel: string;
  requiredLevel: string;
}

export class ApprovalLimits {
  constructor(private readonly deps: { loans: LoanRepository; audit: AuditTrail }) {}

  /** The bank's current limits (version 0 = the configuration file's default tiers). */
  async current(institutionId: string): Promise<ApprovalLimitsRecord> {
    const stored = await this.deps.loans.currentLimits(institutionId);
    if (stored) return stored;
    const example = loanMaths.pricing.approvalLimits[0]!;
    return {
      institutionId, version: 0, defaultLevel: example.tiers[0]!.level, approverLevels: {},
      tiers: example.tiers.map((t) => ({ level: t.level, label: t.label ?? t.level, ...(t.maxAmountFen === undefined ? {} : { maxAmountFen: t.maxAmountFen }) })),
      source: `scoring/config/loan-pricing.json@${loanMaths.pricing.version}`, createdBy: 'system',
    };
  }

  /** Stores the next version of a bank's limits. */
  async publish(actor: Actor & { principal: Principal }, institutionId: string, input: ApprovalLimitsInput): Promise<ApprovalLimitsRecord> {
    const levels = input.tiers.map((t) => t.level);
    if (new Set(levels).size !== levels.length) throw new AppError('VALIDATION_FAILED', 'each tier level appears once', { field: 'tiers' });
    for (const [i, tier] of input.tiers.entries()) {
      const previous = input.tiers[i - 1]?.maxAmountFen;
      if (i < input.tiers.length - 1 && tier.maxAmountFen === undefined) throw new AppError('VALIDATION_FAILED', 'only the last tier may be without a limit', { field: `tiers.${i}.maxAmountFen` });
      if (previous !== undefined && tier.maxAmountFen !== undefined && tier.maxAmountFen <= previous) throw new AppError('VALIDATION_FAILED', 'tier limits rise from one tier to the next', { field: `tiers.${i}.maxAmountFen` });
    }
    if (!levels.includes(input.defaultLevel)) throw new AppError('VALIDATION_FAILED', 'the default level is one of the tiers', { field: 'defaultLevel' });
    for (const [userId, level] of Object.entries(input.approverLevels ?? {})) {
      if (!levels.includes(level)) throw new AppError('VALIDATION_FAILED', 'each approver level is one of the tiers', { field: `approverLevels.${userId}` });
    }
    const before = await this.current(institutionId);
    try {
      const record = await this.deps.loans.insertLimits({
        institutionId, version: before.version + 1, tiers: input.tiers, defaultLevel: input.defaultLevel,
        approverLevels: input.approverLevels ?? {}, source: 'published', createdBy: actor.principal.username,
      });
      await this.deps.audit.append(actor, { action: 'loan-approval-limits.publish', entityType: 'loan-approval-limits', entityId: `${institutionId}@${record.version}`, before: { version: before.version, tiers: before.tiers, approverLevels: before.approverLevels }, after: { version: record.version, tiers: record.tiers, approverLevels: record.approverLevels }, institutionId });
      return record;
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', 'another version of these limits was published at the same moment; read them again');
      throw e;
    }
  }

  /** Refuses when the approver's level does not reach the tier the amount needs. */
  async check(institutionId: string, approverUserId: string, amountFen: number): Promise<ApprovalCheck> {
    const limits = await this.current(institutionId);
    const levels = limits.tiers.map((t) => t.level);
    const required = limits.tiers.find((t) => t.maxAmountFen === undefined || amountFen <= t.maxAmountFen);
    const approverLevel = limits.approverLevels[approverUserId] ?? limits.defaultLevel;
    if (!required || levels.indexOf(approverLevel) < levels.indexOf(required.level)) {
      const own = limits.tiers.find((t) => t.level === approverLevel);
      throw new AppError('LOAN_APPROVAL_LIMIT_EXCEEDED', `${amountFen} fen needs approval at level ${required?.level ?? 'above every tier'}; your level ${approverLevel} approves up to ${own?.maxAmountFen ?? 'any amount'} fen`, {
        details: { amountFen, requiredLevel: required?.level ?? null, approverLevel, limitFen: own?.maxAmountFen ?? null, limitsVersion: limits.version },
      });
    }
    return { limitsVersion: limits.version, limitsSource: limits.source, approverLevel, requiredLevel: required.level };
  }
}
