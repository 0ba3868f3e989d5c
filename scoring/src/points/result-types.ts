// What computePoints returns (schemas/points/points-result.schema.json).
import type { EvidenceRef } from './evidence-types.js';
import type { IsoDate, RuleSet, RuleSetRef, SubjectType } from './rule-set-types.js';

export type EventReason =
  | 'counted'
  | 'capped'
  | 'expired'
  | 'vetoed'
  | 'downgraded'
  | 'missing_evidence'
  | 'duplicate'
  | 'no_rule'
  | 'after_as_of';

export type IndicatorReason = 'counted' | 'missing_data' | 'missing_evidence' | 'no_benchmark';

export interface EventLine {
  kind: 'event';
  eventId: string;
  eventType: string;
  occurredOn: IsoDate;
  ruleId: string | null;
  quantity: number;
  /** quantity × points per unit, before expiry and caps. */
  rawCentipoints: number;
  /** What the event adds to the total as of the as-of date (after expiry and caps). */
  centipoints: number;
  reason: EventReason;
  vetoId?: string;
  downgradeId?: string;
  /** Provenance of the event, when it came with evidence. */
  evidence?: EvidenceRef;
}

export interface IndicatorLine {
  kind: 'indicator';
  indicatorId: string;
  category: string;
  weight: number;
  /** The measured quantity in the indicator's measure (value, ratio % or decline %), null without data. */
  measure: number | null;
  scoreCentipoints: number | null;
  reason: IndicatorReason;
  /** Provenance of the value, when it came with evidence. */
  evidence?: EvidenceRef;
}

export type ExplanationLine = EventLine | IndicatorLine;

export interface CategoryTotal {
  category: string;
  centipoints: number;
}

export interface AppliedVeto {
  vetoId: string;
  eventId: string;
  forceGrade: string;
  from: IsoDate;
  until: IsoDate;
}

export interface AppliedDowngrade {
  downgradeId: string;
  eventId: string;
  steps: number;
  from: IsoDate;
  until: IsoDate;
}

export interface Coverage {
  withData: number;
  total: number;
  /** withData / total in basis points (10000 = full coverage), rounded down. */
  shareBp: number;
}

export interface BenefitsResult {
  grade: string;
  loanRateDiscountBp: number;
  creditLimitUpliftPct: number;
  guaranteeFeeDiscountBp: number;
  priorityReview: boolean;
  redemptionValueFen: number;
}

export interface PointsResult {
  subjectId: string;
  subjectType: SubjectType;
  asOf: IsoDate;
  ruleSet: RuleSetRef;
  mode: RuleSet['mode'];
  totalCentipoints: number;
  /** The grade the total alone earns, before vetoes and downgrades. */
  baseGrade: string | null;
  /** Final grade; null only when a weighted rule set has no indicator with data and no veto. */
  grade: string | null;
  benefits: BenefitsResult | null;
  breakdown: CategoryTotal[];
  lines: ExplanationLine[];
  vetoesApplied: AppliedVeto[];
  downgradesApplied: AppliedDowngrade[];
  coverage: Coverage;
}
