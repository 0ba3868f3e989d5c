// Enterprises and organisations submit indicator values with evidence documents (stored with their
// SHA-256); a reviewer accepts or rejects; an accepted value is scored at once.
import { computePoints, PointsInputError, validateEvidence } from '@eco/scoring';
import type { IndicatorSubmission, IndicatorSubmissionRepository, SubmissionState } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { PopulationRepository } from '../../db/points-population/population.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import type { RescoringService } from './rescoring-service.js';
import { reviewTransitions, type ReviewDecision } from './review-workflow.js';
import type { RuleSetLibrary } from './rule-set-library.js';

export interface SubmissionBody {
  indicatorId: string;
  value: IndicatorSubmission['value'];
  period: string;
  documentIds: string[];
}

export interface SubmissionDeps {
  submissions: IndicatorSubmissionRepository;
  population: PopulationRepository;
  documents: DocumentService;
  library: RuleSetLibrary;
  rescoring: RescoringService;
  audit: AuditTrail;
  clock: Clock;
}

type Authenticated = Actor & { principal: Principal };

export class IndicatorSubmissionService {
  constructor(private readonly deps: SubmissionDeps) {}

  async submit(actor: Authenticated, body: SubmissionBody): Promise<IndicatorSubmission> {
    const subjectId = actor.principal.subjectId;
    const subject = subjectId ? await this.deps.population.find(subjectId) : undefined;
    if (!subject || subject.type === 'individual') throw new AppError('FORBIDDEN', 'indicator data is submitted by enterprises and organisations for themselves');
    await this.checkValue(subject, body);
    const documents = await this.deps.documents.requireOwned(actor.principal, body.documentIds, 'documentIds');
    const submission = await this.deps.submissions.insert({
      subjectId: subject.id, indicatorId: body.indicatorId, value: body.value, period: body.period, documentIds: body.documentIds,
      documentHashes: documents.map((d) => d.sha256), state: 'submitted', submittedBy: actor.principal.username, submittedAt: this.deps.clock.now(),
    });
    await this.deps.audit.append(actor, {
      action: 'points.indicator.submit', entityType: 'points_indicator_submission', entityId: submission.id, subjectId: subject.id,
      after: { indicatorId: submission.indicatorId, value: submission.value, period: submission.period, documentHashes: submission.documentHashes },
    });
    return submission;
  }

  /** The value must suit the indicator of the rule set in force (scored as it would be). */
  private async checkValue(subject: NonNullable<Awaited<ReturnType<PopulationRepository['find']>>>, body: SubmissionBody): Promise<void> {
    const asOf = this.deps.rescoring.today();
    const ruleSet = await this.deps.library.inForce(subject.type, asOf);
    if (ruleSet.mode !== 'weighted' || !ruleSet.indicators.some((i) => i.id === body.indicatorId)) {
      throw new AppError('VALIDATION_FAILED', `the ${subject.type} rule set in force has no indicator ${body.indicatorId}`, { field: 'indicatorId' });
    }
    try {
      const evidence = validateEvidence({ subject: { id: subject.id, type: subject.type }, indicators: [{ indicatorId: body.indicatorId, value: body.value }] });
      computePoints(evidence.subject, evidence, ruleSet, asOf);
    } catch (e) {
      if (e instanceof PointsInputError) throw new AppError('VALIDATION_FAILED', e.message, { field: 'value' });
      throw e;
    }
  }

  list(principal: Principal, page: PageRequest, state?: SubmissionState): Promise<Page<IndicatorSubmission>> {
    if (can(principal, 'indicators.review') || readsAllTenants(principal)) return this.deps.submissions.list(undefined, page, state);
    if (!principal.subjectId) return Promise.resolve({ items: [], total: 0 });
    return this.deps.submissions.list(principal.subjectId, page, state);
  }

  async decide(actor: Authenticated, id: string, decision: ReviewDecision, note: string): Promise<IndicatorSubmission> {
    const transition = reviewTransitions.indicator_submission[decision];
    if (!can(actor.principal, transition.permission)) throw forbidden(transition.permission);
    const before = await this.deps.submissions.find(undefined, id);
    if (!before) throw notFound('indicator submission');
    const after = await this.deps.submissions.decide(id, transition.to, { decidedBy: actor.principal.username, decidedAt: this.deps.clock.now(), note });
    if (!after) throw new AppError('POINTS_INVALID_TRANSITION', `this submission is ${before.state}; only a submitted one can be decided`, { field: 'decision' });
    await this.deps.audit.append(actor, {
      action: `points.indicator.${decision}`, entityType: 'points_indicator_submission', entityId: id, subjectId: after.subjectId,
      before: { state: before.state }, after: { state: after.state, note },
    });
    if (after.state === 'accepted') await this.deps.rescoring.rescoreSubject(after.subjectId);
    return after;
  }
}
