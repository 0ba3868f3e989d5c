// The score port over the points area (issue 6): the subject's stored snapshot gives the grade,
// the benefits (loan-rate discount in bp) and the vetoes applied, with the rule-set version.
import type { ApplicantScore, ScorePort } from './loan-ports.js';

export interface SnapshotLike {
  asOf: string;
  ruleSetId: string;
  ruleSetVersion: string;
  grade: string | null;
  benefits: { loanRateDiscountBp: number } | null;
  vetoesApplied: { vetoId: string; until: string }[];
}

export interface SnapshotSource {
  find(subjectId: string): Promise<SnapshotLike | undefined>;
}

export class SnapshotScore implements ScorePort {
  constructor(private readonly snapshots: SnapshotSource) {}

  async current(subjectId: string, today: string): Promise<ApplicantScore | null> {
    const snapshot = await this.snapshots.find(subjectId);
    if (!snapshot) return null;
    return {
      grade: snapshot.grade,
      loanRateDiscountBp: snapshot.benefits?.loanRateDiscountBp ?? 0,
      activeVetoes: (snapshot.vetoesApplied ?? []).filter((v) => !v.until || v.until >= today).map((v) => ({ vetoId: v.vetoId, until: v.until ?? null })),
      ruleSetId: snapshot.ruleSetId,
      ruleSetVersion: snapshot.ruleSetVersion,
      asOf: snapshot.asOf,
    };
  }
}
