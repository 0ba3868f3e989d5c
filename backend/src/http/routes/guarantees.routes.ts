// Government financing guarantees: a bank's request for its loan, the guarantor's due diligence,
// recommendation and committee decision, counter-guarantee and letter, the bank's confirmation of
// disbursement and release, and after a default the claim, compensation, re-guarantee claim,
// recoveries and closure. Thin: validation in schemas/api/guarantees, rules in domain/guarantees.
import { buildCompensationNotice, buildGuaranteeLetter } from '../../reports/guarantee-documents.js';
import { AppError } from '../../domain/errors/index.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const bank = { permission: 'loans.review' } as const;
const review = { permission: 'guarantees.review' } as const;
const approve = { permission: 'guarantees.approve' } as const;
const tag = 'guarantees';
const params = 'api/common/id.params';

export const guaranteeRoutes: RouteSpec[] = [
  {
    id: 'guarantees.rules', method: 'GET', path: '/api/guarantee-rules', tag, access: 'authenticated',
    summary: 'The guarantee rules in force (risk shares, fee caps, capacity, claim timeline, approval tiers) with their version',
    handler: async (_i: AuthenticatedInput, p) => p.services.guaranteeRules(),
  },
  {
    id: 'guarantees.rules.versions', method: 'GET', path: '/api/guarantee-rules/versions', tag, access: 'authenticated',
    summary: 'Every stored version of the guarantee rules, newest first (the newest whose effectiveFrom has come is in force)',
    handler: (_i: AuthenticatedInput, p) => p.services.guaranteeRulesVersions.list(),
  },
  {
    id: 'guarantees.rules.version', method: 'GET', path: '/api/guarantee-rules/versions/:version', tag, access: 'authenticated',
    summary: 'One stored version of the guarantee rules (a guarantee records the version it was requested under)', params: 'api/guarantees/rules-version.params',
    handler: (i: AuthenticatedInput<unknown, unknown, { version: string }>, p) => p.services.guaranteeRulesVersions.stored(i.params.version),
  },
  {
    id: 'guarantees.rules.create', method: 'POST', path: '/api/guarantee-rules/versions', tag, access: { permission: 'rulesets.manage' }, successStatus: 201,
    summary: 'Upload a new version of the guarantee rules (validated against schemas/guarantees/guarantee-rules.schema.json; the version must be new)',
    body: 'api/guarantees/rules.body',
    handler: (i: AuthenticatedInput<{ rules: unknown }>, p) => p.services.guaranteeRulesVersions.create(i.actor, i.body),
  },
  {
    id: 'guarantees.guarantors', method: 'GET', path: '/api/guarantee-institutions', tag, access: 'authenticated',
    summary: 'Guarantee institutions a bank may ask, with net assets and the small-business/agriculture flag',
    handler: (_i: AuthenticatedInput, p) => p.services.guarantees.guarantors(),
  },
  {
    id: 'guarantees.profile.get', method: 'GET', path: '/api/guarantee-institutions/:institutionId/profile', tag, access: 'authenticated',
    summary: 'A guarantor’s profile (its own staff, administrators, platform readers)', params: 'api/guarantees/institution.params',
    handler: (i: AuthenticatedInput<unknown, unknown, { institutionId: string }>, p) => p.services.guarantorProfiles.get(i.principal, i.params.institutionId),
  },
  {
    id: 'guarantees.profile.put', method: 'PUT', path: '/api/guarantee-institutions/:institutionId/profile', tag, access: { permission: 'admin.institutions' },
    summary: 'Replace a guarantor’s profile as the next version (expectedVersion 0 creates it)', params: 'api/guarantees/institution.params', body: 'api/guarantees/profile.body',
    handler: (i: AuthenticatedInput<any, unknown, { institutionId: string }>, p) => p.services.guarantorProfiles.put(i.actor, i.params.institutionId, i.body),
  },
  {
    id: 'guarantees.portfolio', method: 'GET', path: '/api/guarantee-portfolio', tag, access: review,
    summary: 'The guarantor’s portfolio: outstanding vs capacity, average fee vs target, counts by state, largest obligors',
    handler: (i: AuthenticatedInput, p) => p.services.guarantees.portfolio(i.principal),
  },
  {
    id: 'guarantees.request', method: 'POST', path: '/api/guarantees', tag, access: bank, successStatus: 201,
    summary: 'A bank requests a guarantee for its loan (the loan waits in GUARANTEE_PENDING) → APPLIED', body: 'api/guarantees/request.body',
    handler: (i: AuthenticatedInput, p) => p.services.guarantees.request(i.actor, i.body),
  },
  {
    id: 'guarantees.list', method: 'GET', path: '/api/guarantees', tag, access: 'authenticated',
    summary: 'Guarantees the caller may see (guarantor staff: their institution’s; a bank: its own requests), oldest state first', query: 'api/guarantees/list.query',
    handler: (i: AuthenticatedInput<unknown, { state?: string; limit: number; offset: number }>, p) => p.services.guarantees.list(i.principal, i.query.state ? i.query.state.split(',') : undefined, i.query),
  },
  {
    id: 'guarantees.get', method: 'GET', path: '/api/guarantees/:id', tag, access: 'authenticated', summary: 'One guarantee with its history and allowed actions', params,
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.guarantees.get(i.principal, i.params.id),
  },
  {
    id: 'guarantees.due-diligence', method: 'POST', path: '/api/guarantees/:id/start-due-diligence', tag, access: review,
    summary: 'APPLIED → DUE_DILIGENCE', params, body: 'api/guarantees/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.guarantees.startDueDiligence(i.actor, i.params.id),
  },
  {
    id: 'guarantees.recommend', method: 'POST', path: '/api/guarantees/:id/recommend', tag, access: review,
    summary: 'DUE_DILIGENCE → COMMITTEE_REVIEW: findings, fee (grade discount, policy cap), risk shares (total 100 %), capacity checked', params, body: 'api/guarantees/recommend.body',
    handler: (i: AuthenticatedInput<any, unknown, Id>, p) => p.services.guarantees.recommend(i.actor, i.params.id, i.body),
  },
  {
    id: 'guarantees.decline', method: 'POST', path: '/api/guarantees/:id/decline', tag, access: review,
    summary: 'APPLIED | DUE_DILIGENCE → REJECTED by the officer', params, body: 'api/guarantees/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.guarantees.decline(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'guarantees.approve', method: 'POST', path: '/api/guarantees/:id/approve', tag, access: approve,
    summary: 'COMMITTEE_REVIEW → APPROVED (never by the recommending officer; within the approver’s tier; capacity again)', params, body: 'api/guarantees/note.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.guarantees.approve(i.actor, i.params.id, i.body.note),
  },
  {
    id: 'guarantees.reject', method: 'POST', path: '/api/guarantees/:id/reject', tag, access: approve,
    summary: 'COMMITTEE_REVIEW → REJECTED', params, body: 'api/guarantees/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.guarantees.reject(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'guarantees.counter-guarantee', method: 'POST', path: '/api/guarantees/:id/request-counter-guarantee', tag, access: review,
    summary: 'APPROVED → COUNTER_GUARANTEE_PENDING', params, body: 'api/guarantees/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.guarantees.requestCounterGuarantee(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'guarantees.counter-guarantee-assets', method: 'GET', path: '/api/guarantees/:id/counter-guarantee-assets', tag, access: review,
    summary: 'The obligor’s verified, free ecological assets (not the loan’s own collateral) the guarantor may take as counter-guarantee', params,
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.guarantees.counterGuaranteeCandidates(i.principal, i.params.id),
  },
  {
    id: 'guarantees.issue-letter', method: 'POST', path: '/api/guarantees/:id/issue-letter', tag, access: review,
    summary: 'COUNTER_GUARANTEE_PENDING → LETTER_ISSUED: counter-guarantee recorded, fee charged, the loan’s guarantee confirmed', params, body: 'api/guarantees/issue-letter.body',
    handler: (i: AuthenticatedInput<any, unknown, Id>, p) => p.services.guarantees.issueLetter(i.actor, i.params.id, i.body),
  },
  {
    id: 'guarantees.confirm-disbursement', method: 'POST', path: '/api/guarantees/:id/confirm-disbursement', tag, access: bank,
    summary: 'LETTER_ISSUED → IN_FORCE: the bank confirms the loan is disbursed', params, body: 'api/guarantees/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.guarantees.confirmDisbursement(i.actor, i.params.id),
  },
  {
    id: 'guarantees.release', method: 'POST', path: '/api/guarantees/:id/release', tag, access: bank,
    summary: 'IN_FORCE → RELEASED once the loan is CLOSED (the daily run also does it)', params, body: 'api/guarantees/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.guarantees.releaseByBank(i.actor, i.params.id),
  },
  {
    id: 'guarantees.claim', method: 'POST', path: '/api/guarantees/:id/claim', tag, access: bank,
    summary: 'DEFAULT_NOTIFIED → CLAIM_SUBMITTED with the overdue proof, contract and collection record', params, body: 'api/guarantees/claim.body',
    handler: (i: AuthenticatedInput<any, unknown, Id>, p) => p.services.guaranteeClaims.submitClaim(i.actor, i.params.id, i.body),
  },
  {
    id: 'guarantees.compensate', method: 'POST', path: '/api/guarantees/:id/compensate', tag, access: approve,
    summary: 'CLAIM_SUBMITTED → COMPENSATED: the claim split by the risk shares to the fen', params, body: 'api/guarantees/note.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.guaranteeClaims.compensate(i.actor, i.params.id, i.body.note),
  },
  {
    id: 'guarantees.reguarantee-claim', method: 'POST', path: '/api/guarantees/:id/reguarantee-claim', tag, access: review,
    summary: 'COMPENSATED → REGUARANTEE_CLAIMED: the re-guarantor’s share claimed', params, body: 'api/guarantees/note.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.guaranteeClaims.claimReguarantee(i.actor, i.params.id, i.body.note),
  },
  {
    id: 'guarantees.reguarantee-acknowledge', method: 'POST', path: '/api/guarantees/:id/reguarantee-acknowledge', tag, access: review,
    summary: 'The re-guarantor’s staff acknowledge the re-guarantee claim filed with them', params, body: 'api/guarantees/note.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.guarantees.acknowledgeReguarantee(i.actor, i.params.id, i.body.note),
  },
  {
    id: 'guarantees.reguarantee-pay', method: 'POST', path: '/api/guarantees/:id/reguarantee-pay', tag, access: review,
    summary: 'The re-guarantor pays its share of the compensation (exactly the claimed share, after acknowledging)', params, body: 'api/guarantees/reguarantee-pay.body',
    handler: (i: AuthenticatedInput<{ amountFen: number; note: string }, unknown, Id>, p) => p.services.guarantees.payReguarantee(i.actor, i.params.id, i.body),
  },
  {
    id: 'guarantees.start-recovery', method: 'POST', path: '/api/guarantees/:id/start-recovery', tag, access: review,
    summary: 'REGUARANTEE_CLAIMED → RECOVERING', params, body: 'api/guarantees/note.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.guaranteeClaims.startRecovery(i.actor, i.params.id, i.body.note),
  },
  {
    id: 'guarantees.recoveries', method: 'POST', path: '/api/guarantees/:id/recoveries', tag, access: review, successStatus: 201,
    summary: 'Record a recovery (shared pro rata by the risk shares)', params, body: 'api/guarantees/recovery.body',
    handler: (i: AuthenticatedInput<any, unknown, Id>, p) => p.services.guaranteeClaims.recordRecovery(i.actor, i.params.id, i.body),
  },
  {
    id: 'guarantees.close', method: 'POST', path: '/api/guarantees/:id/close', tag, access: approve,
    summary: 'RECOVERING → CLOSED (loss = compensation − recoveries)', params, body: 'api/guarantees/note.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.guaranteeClaims.finish(i.actor, i.params.id, 'close', i.body.note),
  },
  {
    id: 'guarantees.write-off', method: 'POST', path: '/api/guarantees/:id/write-off', tag, access: approve,
    summary: 'RECOVERING → WRITTEN_OFF', params, body: 'api/guarantees/note.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.guaranteeClaims.finish(i.actor, i.params.id, 'writeOff', i.body.note),
  },
  ...(['letter', 'compensation-notice'] as const).map((kind): RouteSpec => ({
    id: `guarantees.pdf.${kind}`, method: 'GET', path: `/api/guarantees/:id/${kind}.pdf`, tag, access: 'authenticated', params,
    summary: kind === 'letter' ? 'The guarantee letter (PDF, Chinese), once issued' : 'The compensation notice (PDF, Chinese), once compensated',
    handler: async (i: AuthenticatedInput<unknown, unknown, Id>, p) => {
      const g = await p.services.guarantees.get(i.principal, i.params.id);
      if (kind === 'letter' && !g.letter) throw new AppError('CONFLICT', `there is no guarantee letter: the guarantee is ${g.state}`, { details: { currentState: g.state } });
      if (kind === 'compensation-notice' && !g.compensation) throw new AppError('CONFLICT', `there is no compensation notice: the guarantee is ${g.state}`, { details: { currentState: g.state } });
      const body = await (kind === 'letter' ? buildGuaranteeLetter : buildCompensationNotice)({ guarantee: g, guarantorName: g.guarantorName });
      return { body, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="guarantee-${kind}-${i.params.id}.pdf"` } };
    },
  })),
];
