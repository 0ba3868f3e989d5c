// What a subject (or a platform reader, or a bank with the subject's application) reads about a
// points account: the stored snapshot, the explanation, the history, what-if and replays.
import { computePoints, ruleSetInForce, whatIf, type PointsResult, type RuleSet, type WhatIfResult } from '@eco/scoring';
import type { LedgerEntry, LedgerRepository } from '../../db/points-ledger/ledger.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { PointsEventRepository } from '../../db/points-events/points-event.repository.js';
import type { IndicatorSubmissionRepository } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import type { PopulationRepository, ScoredSubject } from '../../db/points-population/population.repository.js';
import type { Snapshot, SnapshotRepository } from '../../db/points-snapshots/snapshot.repository.js';
import { AppError, notFound } from '../errors/index.js';
import type { Principal } from '../identity/principal.js';
import { monthEnds } from './china-date.js';
import { expiringPoints, gradeScale, nextGradeUp, ruleLabels, withEventEvidence, type ExpiringPoints, type GradeStep } from './explanation.js';
import { verifyLedger, type LedgerVerification } from './ledger-chain.js';
import type { PointsAccess, PointsReadLevel } from './points-access.js';
import type { RescoringService } from './rescoring-service.js';
import type { RuleSetLibrary } from './rule-set-library.js';
import { subjectEvidence } from './subject-evidence.js';

export interface Explanation {
  subject: { id: string; name: string; type: string };
  result: PointsResult;
  grades: GradeStep[];
  labels: ReturnType<typeof ruleLabels>;
  expiring: ExpiringPoints[];
  nextGrade: WhatIfResult | null;
}

export interface HistoryPoint {
  asOf: string;
  totalCentipoints: number | null;
  grade: string | null;
  ruleSet: { id: string; version: string } | null;
}

export interface AccountDeps {
  snapshots: SnapshotRepository;
  ledger: LedgerRepository;
  events: PointsEventRepository;
  submissions: IndicatorSubmissionRepository;
  population: PopulationRepository;
  library: RuleSetLibrary;
  rescoring: RescoringService;
  access: PointsAccess;
}

export class PointsAccountService {
  constructor(private readonly deps: AccountDeps) {}

  /** The current score, grade and benefits (the stored snapshot; computed once if the subject has none yet). */
  async summary(principal: Principal, subjectId: string): Promise<Snapshot & { access: PointsReadLevel }> {
    const access = await this.deps.access.require(principal, subjectId, 'applicant');
    const snapshot = (await this.deps.snapshots.find(subjectId)) ?? (await this.deps.rescoring.rescoreSubject(subjectId));
    return { ...snapshot, access };
  }

  async explanation(principal: Principal, subjectId: string): Promise<Explanation> {
    await this.deps.access.require(principal, subjectId, 'applicant');
    const { subject, ruleSet, result } = await this.scoreNow(subjectId);
    const target = nextGradeUp(ruleSet, result.grade);
    return {
      subject: { id: subject.id, name: subject.name, type: subject.type },
      result, grades: gradeScale(ruleSet), labels: ruleLabels(ruleSet),
      expiring: expiringPoints(result, ruleSet), nextGrade: target ? whatIf(result, ruleSet, target) : null,
    };
  }

  async whatIf(principal: Principal, subjectId: string, target: string): Promise<WhatIfResult> {
    await this.deps.access.require(principal, subjectId, 'full');
    const { ruleSet, result } = await this.scoreNow(subjectId);
    if (!ruleSet.grades.some((g) => g.id === target)) {
      throw new AppError('VALIDATION_FAILED', `target must be one of: ${ruleSet.grades.map((g) => g.id).join(', ')}`, { field: 'target' });
    }
    return whatIf(result, ruleSet, target);
  }

  async ledger(principal: Principal, subjectId: string, page: PageRequest): Promise<Page<LedgerEntry>> {
    await this.deps.access.require(principal, subjectId, 'full');
    return this.deps.ledger.page(subjectId, page);
  }

  async verifyLedger(principal: Principal, subjectId: string): Promise<LedgerVerification> {
    await this.deps.access.require(principal, subjectId, 'full');
    return verifyLedger(this.deps.ledger.chain(subjectId));
  }

  /** Points and grade at the end of each of the last 12 months, each under the rule set in force then. */
  async history(principal: Principal, subjectId: string): Promise<HistoryPoint[]> {
    await this.deps.access.require(principal, subjectId, 'applicant');
    const subject = await this.subject(subjectId);
    const [versions, evidence] = await Promise.all([this.deps.library.scheduled(subject.type), this.evidence(subject)]);
    return monthEnds(this.deps.rescoring.today()).map((asOf) => {
      const ruleSet = inForceOrNull(versions, subject, asOf);
      if (!ruleSet) return { asOf, totalCentipoints: null, grade: null, ruleSet: null };
      const result = computePoints(evidence.subject, evidence, ruleSet, asOf);
      return { asOf, totalCentipoints: result.totalCentipoints, grade: result.grade, ruleSet: result.ruleSet };
    });
  }

  /** The score as of a past date, under the rule-set version in force on that date. */
  async replay(principal: Principal, subjectId: string, asOf: string): Promise<PointsResult> {
    await this.deps.access.require(principal, subjectId, 'full');
    const subject = await this.subject(subjectId);
    const ruleSet = inForceOrNull(await this.deps.library.scheduled(subject.type), subject, asOf);
    if (!ruleSet) throw new AppError('VALIDATION_FAILED', `no ${subject.type} rule set was in force on ${asOf}`, { field: 'asOf' });
    const evidence = await this.evidence(subject);
    return computePoints(evidence.subject, evidence, ruleSet, asOf);
  }

  async scoreNow(subjectId: string): Promise<{ subject: ScoredSubject; ruleSet: RuleSet; result: PointsResult }> {
    const subject = await this.subject(subjectId);
    const asOf = this.deps.rescoring.today();
    const [ruleSet, evidence] = await Promise.all([this.deps.library.inForce(subject.type, asOf), this.evidence(subject)]);
    const result = computePoints(evidence.subject, evidence, ruleSet, asOf);
    return { subject, ruleSet, result: withEventEvidence(result, evidence.events ?? []) };
  }

  private async subject(subjectId: string): Promise<ScoredSubject> {
    const subject = await this.deps.population.find(subjectId);
    if (!subject) throw notFound('points account');
    return subject;
  }

  private async evidence(subject: ScoredSubject) {
    const [events, submissions] = await Promise.all([this.deps.events.activeForSubjects([subject.id]), this.deps.submissions.acceptedForSubjects([subject.id])]);
    return subjectEvidence(subject, events, submissions);
  }
}

function inForceOrNull(versions: readonly RuleSet[], subject: ScoredSubject, asOf: string): RuleSet | null {
  try {
    return ruleSetInForce(versions, subject.type, asOf);
  } catch {
    return null;
  }
}
