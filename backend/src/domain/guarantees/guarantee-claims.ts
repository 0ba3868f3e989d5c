// After a default: the bank's claim (overdue proof, contract, collection record; after the
// configured overdue days; at most the coverage), compensation split by the risk shares exactly to
// the fen, the re-guarantee claim, recoveries shared pro rata, and closure or write-off.
import { claimTimeline, exact, exactMultiply, exactToFen, roundDown, splitByRiskShares, type GuaranteeRules } from '@eco/scoring';
import type { GuaranteeRepository } from '../../db/guarantees/guarantee.repository.js';
import type { Guarantee } from '../../db/guarantees/guarantee.types.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError } from '../errors/index.js';
import type { GuaranteeService } from './guarantee-service.js';
import { isoDay } from './guarantee-service.js';
import { guaranteeScopeOf, type Caller, type GuaranteeWorkflow } from './guarantee-workflow.js';

export interface ClaimInput {
  amountFen: number;
  overdueProofDocumentId: string;
  contractDocumentId: string;
  collectionRecordDocumentId: string;
}

export class GuaranteeClaims {
  constructor(private readonly deps: {
    guarantees: GuaranteeRepository;
    workflow: GuaranteeWorkflow;
    service: GuaranteeService;
    documents: DocumentService;
    rulesFor: (version: string) => Promise<GuaranteeRules>;
    clock: Clock;
  }) {}

  /** The bank's claim: DEFAULT_NOTIFIED → CLAIM_SUBMITTED, within the coverage and once the overdue days have passed. */
  async submitClaim(actor: Caller, id: string, input: ClaimInput) {
    const scope = guaranteeScopeOf(actor.principal);
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.authorise(actor, 'submitClaim');
    const replay = await this.deps.workflow.replay(actor, scope, id, 'submitClaim');
    if (replay) return this.deps.service.view(replay);
    this.deps.workflow.assertFrom('submitClaim', g);
    const today = isoDay(this.deps.clock.now());
    const rules = await this.deps.rulesFor(g.rulesVersion);
    const timeline = claimTimeline(rules, { overdueSince: g.defaultNotice!.overdueSince, claimedOn: today });
    if (timeline.claimableFrom > today) {
      throw new AppError('GUARANTEE_CHECK_FAILED', `a claim may be filed from ${timeline.claimableFrom} (${rules.claims.overdueDaysBeforeClaim} days after the loan fell overdue on ${g.defaultNotice!.overdueSince}); today is ${today}`, {
        details: { check: 'claim_timeline_and_cover', claimableFrom: timeline.claimableFrom, overdueSince: g.defaultNotice!.overdueSince, overdueDaysBeforeClaim: rules.claims.overdueDaysBeforeClaim, today, rulesVersion: rules.version },
      });
    }
    const coverageRatioBp = g.recommendation?.coverageRatioBp ?? rules.coverageRatioBp;
    const maxClaimFen = exactToFen(exactMultiply(exact(BigInt(g.amountFen)), exact(BigInt(coverageRatioBp), 10_000n)), roundDown);
    if (input.amountFen > maxClaimFen) {
      throw new AppError('GUARANTEE_CHECK_FAILED', `the claim of ${input.amountFen} fen is above the cover of ${maxClaimFen} fen`, { field: 'amountFen', details: { check: 'claim_timeline_and_cover', maxClaimFen } });
    }
    const ids = [input.overdueProofDocumentId, input.contractDocumentId, input.collectionRecordDocumentId];
    await this.deps.documents.requireOwned(actor.principal, ids, 'documentIds');
    const claim = {
      amountFen: input.amountFen, documentIds: { overdueProof: ids[0], contract: ids[1], collectionRecord: ids[2] },
      claimedAt: this.deps.clock.now(), payBy: timeline.payBy, by: actor.principal.username,
    };
    return this.deps.service.view(await this.deps.workflow.move(actor, scope, g, 'submitClaim', { set: { claim } }));
  }

  /**
   * CLAIM_SUBMITTED → COMPENSATED: the claim split by the risk shares with allocateFen (leftover fen
   * to the original guarantor first, then the re-guarantor, the bank, the local government); the
   * guarantor pays the bank the claim less the bank's own share.
   */
  async compensate(actor: Caller, id: string, note: string) {
    const scope = guaranteeScopeOf(actor.principal);
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.authorise(actor, 'compensate');
    this.deps.workflow.assertFrom('compensate', g);
    const split = splitByRiskShares(g.claim!.amountFen, g.recommendation!.riskShares);
    const today = isoDay(this.deps.clock.now());
    const { reguaranteeClaimBy } = claimTimeline(await this.deps.rulesFor(g.rulesVersion), { overdueSince: g.defaultNotice!.overdueSince, compensatedOn: today });
    const compensation = { amountFen: g.claim!.amountFen, split, paidToBankFen: g.claim!.amountFen - split.bank, at: this.deps.clock.now(), by: actor.principal.username, reguaranteeClaimBy };
    return this.deps.service.view(await this.deps.workflow.move(actor, scope, g, 'compensate', { set: { compensation }, reason: note }));
  }

  /**
   * COMPENSATED → REGUARANTEE_CLAIMED: the re-guarantor's share (and the local government's) claimed,
   * within the rules' re-guarantee claim days of the compensation (refused after, with the dates);
   * the re-guarantor pays within the days to pay.
   */
  async claimReguarantee(actor: Caller, id: string, note: string) {
    const scope = guaranteeScopeOf(actor.principal);
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.authorise(actor, 'claimReguarantee');
    const replay = await this.deps.workflow.replay(actor, scope, id, 'claimReguarantee');
    if (replay) return this.deps.service.view(replay);
    this.deps.workflow.assertFrom('claimReguarantee', g);
    const rules = await this.deps.rulesFor(g.rulesVersion);
    const today = isoDay(this.deps.clock.now());
    const claimBy = g.compensation!.reguaranteeClaimBy;
    if (claimBy && today > claimBy) {
      throw new AppError('GUARANTEE_CHECK_FAILED', `the re-guarantee claim was due by ${claimBy} (${rules.claims.reguaranteeClaimDays} days after compensation); today is ${today}`, {
        details: { check: 'reguarantee_claim_deadline', reguaranteeClaimBy: claimBy, reguaranteeClaimDays: rules.claims.reguaranteeClaimDays, today, rulesVersion: rules.version },
      });
    }
    const split = g.compensation!.split;
    const payBy = claimTimeline(rules, { overdueSince: g.defaultNotice!.overdueSince, claimedOn: today }).payBy;
    const reguaranteeClaim = { amountFen: split.reguarantor, localGovernmentFen: split.localGovernment, at: this.deps.clock.now(), by: actor.principal.username, payBy, acknowledgedAt: null, paidAt: null, paidFen: null };
    return this.deps.service.view(await this.deps.workflow.move(actor, scope, g, 'claimReguarantee', { set: { reguaranteeClaim }, reason: note }));
  }

  async startRecovery(actor: Caller, id: string, note: string) {
    const g = await this.deps.workflow.actionable(actor.principal, id);
    return this.deps.service.view(await this.deps.workflow.move(actor, guaranteeScopeOf(actor.principal), g, 'startRecovery', { reason: note }));
  }

  /** A recovery while RECOVERING, shared pro rata by the risk shares (one compare-and-set on the count of recoveries). */
  async recordRecovery(actor: Caller, id: string, input: { amountFen: number; note: string }) {
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.assertActsFor(guaranteeScopeOf(actor.principal), g);
    this.deps.workflow.authorise(actor, 'startRecovery');
    if (g.state !== 'RECOVERING') throw new AppError('GUARANTEE_INVALID_TRANSITION', `recoveries are recorded while RECOVERING; the guarantee is ${g.state}`, { details: { currentState: g.state, allowed: ['RECOVERING'], action: 'recordRecovery' } });
    if (g.recoveredFen + input.amountFen > g.compensation!.amountFen) {
      throw new AppError('VALIDATION_FAILED', `recoveries may not exceed the compensation of ${g.compensation!.amountFen} fen (recovered so far ${g.recoveredFen} fen)`, { field: 'amountFen' });
    }
    const recovery = { seq: g.recoveries.length + 1, amountFen: input.amountFen, split: splitByRiskShares(input.amountFen, g.recommendation!.riskShares), note: input.note, at: this.deps.clock.now(), by: actor.principal.username };
    const after = await this.deps.guarantees.update(g.id, { institutionId: g.institutionId, state: 'RECOVERING', recoveries: { $size: g.recoveries.length } }, { $push: { recoveries: recovery }, $inc: { recoveredFen: input.amountFen } });
    if (!after) throw new AppError('CONFLICT', 'another recovery was recorded at the same moment; read the guarantee again and retry', { details: { currentState: g.state } });
    await this.deps.workflow.audit(actor, 'guarantee.recovery', g, after);
    return this.deps.service.view(after);
  }

  /** RECOVERING → CLOSED (or WRITTEN_OFF): the loss is the compensation less what was recovered. */
  async finish(actor: Caller, id: string, kind: 'close' | 'writeOff', note: string) {
    const g = await this.deps.workflow.actionable(actor.principal, id);
    const closure = { kind: kind === 'close' ? 'closed' : 'written_off', note, lossFen: (g.compensation?.amountFen ?? 0) - g.recoveredFen, at: this.deps.clock.now(), by: actor.principal.username };
    return this.deps.service.view(await this.deps.workflow.move(actor, guaranteeScopeOf(actor.principal), g, kind, { set: { closure }, reason: note, expected: { recoveredFen: g.recoveredFen } }));
  }

  /** What the compensation notice PDF is built from. */
  async compensationContext(g: Guarantee): Promise<Guarantee> {
    if (!g.compensation) throw new AppError('CONFLICT', `there is no compensation notice: the guarantee is ${g.state}`, { details: { currentState: g.state } });
    return g;
  }
}
