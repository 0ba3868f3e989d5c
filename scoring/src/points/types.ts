// Types of the ecological points engine. The JSON Schemas in schemas/points/ are the source of
// truth for the shapes; these types mirror them. All points are integers in hundredths of a point
// ("centipoints"); money is in fen; rates are in basis points (bp) or whole percent.

export type SubjectType = 'individual' | 'enterprise' | 'social_organisation' | 'village';
export type IsoDate = string;

// ---------- rule sets ----------

export interface GradeBenefits {
  loanRateDiscountBp: number;
  creditLimitUpliftPct: number;
  guaranteeFeeDiscountBp: number;
  priorityReview: boolean;
  redemptionFenPerPoint: number;
  source: string;
}

export interface Grade {
  id: string;
  label: string;
  /** Lowest total that earns this grade; absent only on the last (worst) grade. */
  minTotalCentipoints?: number;
  benefits: GradeBenefits;
  source: string;
}

export interface Veto {
  id: string;
  eventType: string;
  forceGrade: string;
  durationDays: number;
  evidenceRequired: boolean;
  source: string;
}

export interface Downgrade {
  id: string;
  eventType: string;
  steps: number;
  durationDays: number;
  evidenceRequired: boolean;
  source: string;
}

export interface AccumulatingRule {
  id: string;
  eventType: string;
  category: string;
  label: string;
  unit: string;
  /** Negative for the negative list. */
  centipointsPerUnit: number;
  dailyCapCentipoints?: number;
  monthlyCapCentipoints?: number;
  expiresAfterDays?: number;
  evidenceRequired: boolean;
  source: string;
}

export interface Band {
  /** Inclusive lower bound of the measure; absent = no lower bound. */
  from?: number;
  /** Exclusive upper bound of the measure; absent = no upper bound. */
  below?: number;
  centipoints: number;
}

export interface LinearAnchor {
  measure: number;
  centipoints: number;
}

export type IndicatorScoring =
  | { method: 'bands'; bands: Band[]; otherwiseCentipoints: number }
  | { method: 'linear'; from: LinearAnchor; to: LinearAnchor }
  | { method: 'yes_no'; yesCentipoints: number; noCentipoints: number };

export type IndicatorMeasure =
  | { kind: 'value'; unit: string }
  | { kind: 'ratio_to_industry_benchmark_pct'; benchmarks: Record<string, number>; source: string }
  | { kind: 'year_on_year_decline_pct' };

export interface Indicator {
  id: string;
  category: string;
  label: string;
  weight: number;
  measure: IndicatorMeasure;
  scoring: IndicatorScoring;
  evidenceRequired: boolean;
  source: string;
}

interface RuleSetBase {
  id: string;
  version: string;
  subjectType: SubjectType;
  effectiveFrom: IsoDate;
  description?: string;
  grades: Grade[];
  vetoes: Veto[];
  downgrades: Downgrade[];
}

export interface AccumulatingRuleSet extends RuleSetBase {
  mode: 'accumulating';
  rules: AccumulatingRule[];
}

export interface WeightedRuleSet extends RuleSetBase {
  mode: 'weighted';
  indicators: Indicator[];
}

export type RuleSet = AccumulatingRuleSet | WeightedRuleSet;

export interface RuleSetRef {
  id: string;
  version: string;
}

// ---------- evidence ----------

export interface Subject {
  id: string;
  type: SubjectType;
  /** Industry code, used to pick the carbon-intensity benchmark. */
  industry?: string;
  region?: string;
}

/** Provenance of one data point: which system, which document. */
export interface EvidenceRef {
  source: string;
  documentId: string;
}

export interface PointsEvent {
  id: string;
  type: string;
  occurredOn: IsoDate;
  quantity: number;
  evidence?: EvidenceRef;
  /** Events reported by several partners for the same behaviour share a key and count once. */
  dedupKey?: string;
}

export type IndicatorValue = number | boolean | { current: number; previous: number };

export interface IndicatorInput {
  indicatorId: string;
  value: IndicatorValue;
  evidence?: EvidenceRef;
}

export interface Evidence {
  events?: PointsEvent[];
  indicators?: IndicatorInput[];
}

export interface SubjectEvidence extends Evidence {
  subject: Subject;
}

export interface Population {
  subjects: SubjectEvidence[];
}

// ---------- results ----------

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

// ---------- what-if ----------

export interface EventAction {
  kind: 'event';
  eventType: string;
  ruleId: string;
  unit: string;
  quantity: number;
  gainCentipoints: number;
  evidenceRequired: boolean;
}

/** The measure an indicator must reach, in its measure's terms (value, ratio % or decline %). */
export interface MeasureTarget {
  from?: number;
  below?: number;
  atMost?: number;
  equals?: boolean;
}

export interface IndicatorAction {
  kind: 'indicator';
  indicatorId: string;
  measureKind: IndicatorMeasure['kind'];
  fromScoreCentipoints: number;
  toScoreCentipoints: number;
  requiredMeasure: MeasureTarget | null;
}

export type WhatIfAction = EventAction | IndicatorAction;

export type UnreachableReason = 'veto_active' | 'downgrade_active' | 'caps_reached' | 'indicators_at_maximum' | 'no_data';

interface WhatIfBase {
  subjectId: string;
  ruleSet: RuleSetRef;
  asOf: IsoDate;
  currentGrade: string | null;
  targetGrade: string;
}

export interface WhatIfReachable extends WhatIfBase {
  reachable: true;
  /** Event actions happen on the as-of day, within that day's and month's remaining caps. */
  actions: WhatIfAction[];
  projectedTotalCentipoints: number;
  projectedGrade: string;
}

export interface WhatIfUnreachable extends WhatIfBase {
  reachable: false;
  reason: UnreachableReason;
  explanation: string;
}

export type WhatIfResult = WhatIfReachable | WhatIfUnreachable;

// ---------- rule-change simulation ----------

/** Distribution of (new total − old total) over the population, in centipoints; null fields when the population is empty. */
export interface ChangeDistribution {
  sumCentipoints: number;
  meanCentipoints: number | null;
  minCentipoints: number | null;
  p10Centipoints: number | null;
  p25Centipoints: number | null;
  medianCentipoints: number | null;
  p75Centipoints: number | null;
  p90Centipoints: number | null;
  maxCentipoints: number | null;
  decreased: number;
  unchanged: number;
  increased: number;
}

export interface SimulationResult {
  asOf: IsoDate;
  oldRuleSet: RuleSetRef;
  newRuleSet: RuleSetRef;
  subjects: number;
  gradeChanged: number;
  /** Counts by direction; null when the two rule sets do not share the same grade scale. */
  gradeImproved: number | null;
  gradeWorsened: number | null;
  /** migration[oldGrade][newGrade] = number of subjects; "(ungraded)" stands for no grade. */
  migration: Record<string, Record<string, number>>;
  totalChange: ChangeDistribution;
}
