// The annual allocation and impact report of a green bond: drafted by the issuer with each financed
// project's quantified benefits, verified by the bond's external reviewer, published by the issuer.
// Totals are the exact sums of the projects' figures (scoring: aggregateImpact).
import { aggregateImpact, BondInputError, findTaxonomyEntry } from '@eco/scoring';
import type { BondRepository, ImpactReportRepository } from '../../db/bonds/bond.repository.js';
import type { ImpactReport, ProjectBenefits } from '../../db/bonds/bond.types.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, type Principal } from '../identity/principal.js';
import { impactReportStateMachine, type ImpactReportAction, type ImpactReportState } from './bond-state-machine.js';
import { ledgerOf, loanLineId } from './bond-service.js';
import { bondAuditTenant, bondScopeOf, userRef, type BondWorkflow, type Caller } from './bond-workflow.js';

/** Bonds in these states have had proceeds to report on. */
const reportableStates = ['ALLOCATING', 'FULLY_ALLOCATED', 'MATURED', 'DELABELLED'];

export interface ImpactReportInput {
  year: number;
  narrative: string;
  projects: ProjectBenefits[];
}

function invalidReportTransition(action: ImpactReportAction, currentState: ImpactReportState): AppError {
  const step = impactReportStateMachine[action];
  return new AppError('BOND_REPORT_INVALID_TRANSITION', `cannot ${action} an impact report that is ${currentState} (allowed from ${step.from.join(', ')})`, {
    details: { currentState, allowed: [...step.from], action },
  });
}

export class ImpactReports {
  constructor(private readonly deps: { bonds: BondRepository; reports: ImpactReportRepository; workflow: BondWorkflow; audit: AuditTrail; clock: Clock }) {}

  async draft(actor: Caller, bondId: string, input: ImpactReportInput): Promise<ImpactReport> {
    if (!can(actor.principal, 'bonds.issue')) throw forbidden('bonds.issue');
    const bond = await this.deps.workflow.visible(actor.principal, bondId);
    if (!reportableStates.includes(bond.state)) {
      throw new AppError('BOND_INVALID_TRANSITION', `cannot report on a bond that is ${bond.state} (allowed from ${reportableStates.join(', ')})`, { details: { currentState: bond.state, allowed: reportableStates, action: 'draftImpactReport' } });
    }
    const ledger = ledgerOf(bond);
    const financedIds = new Set(ledger.byProject.map((p) => p.projectId));
    for (const [index, p] of input.projects.entries()) {
      // A line is a financed project, or a linked loan of a bank's green financial bond (`loan:<loanId>`).
      const project = bond.projects.find((x) => x.id === p.projectId) ?? (bond.linkedLoans ?? []).find((l) => loanLineId(l.loanId) === p.projectId);
      if (!project || !financedIds.has(p.projectId)) throw new AppError('VALIDATION_FAILED', 'not a project or linked loan financed by this bond', { field: `projects.${index}.projectId` });
      const allowed = new Set(findTaxonomyEntry(project.taxonomyCode)!.measures.map((m) => m.code));
      for (const measure of Object.keys(p.measures)) {
        if (!allowed.has(measure)) throw new AppError('VALIDATION_FAILED', `${measure} is not a benefit measure of ${project.taxonomyCode}`, { field: `projects.${index}.measures.${measure}` });
      }
    }
    let totals: Record<string, number>;
    try {
      totals = aggregateImpact(input.projects).totals;
    } catch (e) {
      if (e instanceof BondInputError) throw new AppError('VALIDATION_FAILED', e.message, { field: 'projects' });
      throw e;
    }
    const now = this.deps.clock.now();
    const report = await this.deps.reports.insertDraft({
      bondId: bond.id, issuerSubjectId: bond.issuerSubjectId ?? null, issuerInstitutionId: bond.issuerInstitutionId ?? null, reviewerInstitutionId: bond.reviewerInstitutionId, year: input.year, state: 'DRAFT', stateSince: now,
      allocation: { proceedsFen: ledger.proceedsFen, allocatedFen: ledger.allocatedFen, unallocatedFen: ledger.unallocatedFen, allocatedShareBp: ledger.allocatedShareBp, byProject: ledger.byProject },
      projects: input.projects, totals, narrative: input.narrative, verification: null, publishedAt: null,
      history: [{ action: 'draft', from: null, to: 'DRAFT', at: now, by: userRef(actor.principal), ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}) }],
    });
    if (!report) throw new AppError('BOND_REPORT_EXISTS', `the bond already has a report for ${input.year}`, { field: 'year' });
    await this.deps.audit.append(actor, { action: 'bond.impactReport.draft', entityType: 'bond_impact_report', entityId: report.id, before: undefined, after: { state: report.state, year: report.year, totals }, ...bondAuditTenant(actor, report) });
    return report;
  }

  async get(principal: Principal, id: string): Promise<ImpactReport> {
    const report = await this.deps.reports.find(bondScopeOf(principal), id);
    if (!report) throw notFound('impact report');
    return report;
  }

  async listForBond(principal: Principal, bondId: string): Promise<ImpactReport[]> {
    await this.deps.workflow.visible(principal, bondId);
    return this.deps.reports.listForBond(bondScopeOf(principal), bondId);
  }

  /** The caller's reports in these states (a reviewer's verification queue: DRAFT). */
  async list(principal: Principal, states: readonly string[] | undefined): Promise<ImpactReport[]> {
    return this.deps.reports.list(bondScopeOf(principal), states);
  }

  /** DRAFT → VERIFIED by the bond's external reviewer. */
  async verify(actor: Caller, id: string, note: string): Promise<ImpactReport> {
    return this.move(actor, id, 'verify', { verification: { by: userRef(actor.principal), at: this.deps.clock.now(), note } });
  }

  /** VERIFIED → PUBLISHED by the issuer. */
  async publish(actor: Caller, id: string): Promise<ImpactReport> {
    return this.move(actor, id, 'publish', { publishedAt: this.deps.clock.now() });
  }

  private async move(actor: Caller, id: string, action: ImpactReportAction, set: Record<string, unknown>): Promise<ImpactReport> {
    const step = impactReportStateMachine[action];
    if (!can(actor.principal, step.permission)) throw forbidden(step.permission);
    const scope = bondScopeOf(actor.principal);
    if (actor.idempotencyKey) {
      const replay = await this.deps.reports.findByIdempotencyKey(scope, id, action, actor.idempotencyKey);
      if (replay) return replay;
    }
    const report = await this.get(actor.principal, id);
    if (!step.from.includes(report.state)) throw invalidReportTransition(action, report.state);
    const now = this.deps.clock.now();
    const history = { action, from: report.state, to: step.to, at: now, by: userRef(actor.principal), ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}) };
    const after = await this.deps.reports.transition(scope, id, [report.state], { ...set, state: step.to, stateSince: now }, history);
    if (!after) {
      const current = await this.get(actor.principal, id);
      throw invalidReportTransition(action, current.state);
    }
    await this.deps.audit.append(actor, { action: `bond.impactReport.${action}`, entityType: 'bond_impact_report', entityId: id, before: { state: report.state }, after: { state: after.state }, ...bondAuditTenant(actor, after) });
    return after;
  }

  /**
   * The reminder job: each bond whose report for last year is due gets one reminder in the audit trail
   * (tenant: the issuer), which the issuer's audit view shows.
   */
  async remindDue(): Promise<{ bondId: string; issuerSubjectId: string | null; issuerInstitutionId: string | null; year: number }[]> {
    const due = await this.dueReports();
    for (const d of due) {
      await this.deps.audit.append({ requestId: 'bond-report-reminder' }, {
        action: 'bond.impactReport.due', entityType: 'bond', entityId: d.bondId, after: { year: d.year, message: `the ${d.year} allocation and impact report is due` },
        ...(d.issuerSubjectId ? { subjectId: d.issuerSubjectId } : { institutionId: d.issuerInstitutionId ?? undefined }),
      });
    }
    return due;
  }

  /** Outstanding bonds issued more than a year ago without a report for the last full year (the reminder job). */
  async dueReports(): Promise<{ bondId: string; issuerSubjectId: string | null; issuerInstitutionId: string | null; year: number }[]> {
    const today = this.deps.clock.now().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4)) - 1;
    const due: { bondId: string; issuerSubjectId: string | null; issuerInstitutionId: string | null; year: number }[] = [];
    for (const bond of await this.deps.bonds.listAll(['ISSUED', 'ALLOCATING', 'FULLY_ALLOCATED'])) {
      if (!bond.issueDate || Number(bond.issueDate.slice(0, 4)) > year) continue;
      if (!(await this.deps.reports.yearsOf(bond.id)).includes(year)) due.push({ bondId: bond.id, issuerSubjectId: bond.issuerSubjectId ?? null, issuerInstitutionId: bond.issuerInstitutionId ?? null, year });
    }
    return due;
  }
}
