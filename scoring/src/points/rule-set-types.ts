// Rule sets: versioned data validated by schemas/points/rule-set.schema.json.

export type SubjectType = 'individual' | 'enterprise' | 'social_organisation' | 'village';
export type IsoDate = string;
/** The same text in other languages, keyed by BCP 47 tag (`zh-CN`, `en`); the plain field is the fallback. */
export type LocalizedText = Record<string, string>;

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
  labelI18n?: LocalizedText;
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
  labelI18n?: LocalizedText;
  unit: string;
  unitI18n?: LocalizedText;
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
  labelI18n?: LocalizedText;
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
