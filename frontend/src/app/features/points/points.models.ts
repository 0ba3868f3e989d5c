/** What the points API answers (backend/src/domain/points). Points are centipoints (1/100 point). */

export interface Benefits {
  grade: string;
  loanRateDiscountBp: number;
  creditLimitUpliftPct: number;
  guaranteeFeeDiscountBp: number;
  priorityReview: boolean;
  redemptionValueFen: number;
}

export interface Coverage {
  withData: number;
  total: number;
  shareBp: number;
}

export interface AppliedVeto {
  vetoId: string;
  eventId: string;
  forceGrade: string;
  from: string;
  until: string;
}

export interface AppliedDowngrade {
  downgradeId: string;
  eventId: string;
  steps: number;
  from: string;
  until: string;
}

export interface PointsSummary {
  subjectId: string;
  subjectName: string;
  subjectType: string;
  asOf: string;
  ruleSetId: string;
  ruleSetVersion: string;
  totalCentipoints: number;
  ledgerBalanceCentipoints: number;
  baseGrade: string | null;
  grade: string | null;
  gradeSince: string | null;
  benefits: Benefits | null;
  breakdown: { category: string; centipoints: number }[];
  vetoesApplied: AppliedVeto[];
  downgradesApplied: AppliedDowngrade[];
  coverage: Coverage;
  access: 'full' | 'applicant';
}

export interface EventLine {
  kind: 'event';
  eventId: string;
  eventType: string;
  occurredOn: string;
  ruleId: string | null;
  quantity: number;
  rawCentipoints: number;
  centipoints: number;
  reason: string;
  evidence?: { source: string; documentId: string };
}

export interface IndicatorLine {
  kind: 'indicator';
  indicatorId: string;
  category: string;
  weight: number;
  measure: number | null;
  scoreCentipoints: number | null;
  reason: string;
  evidence?: { source: string; documentId: string };
}

export type ExplanationLine = EventLine | IndicatorLine;

export interface WhatIfAction {
  kind: 'event' | 'indicator';
  eventType?: string;
  ruleId?: string;
  unit?: string;
  quantity?: number;
  gainCentipoints?: number;
  indicatorId?: string;
  fromScoreCentipoints?: number;
  toScoreCentipoints?: number;
  requiredMeasure?: { from?: number; below?: number; atMost?: number; equals?: boolean } | null;
}

export interface WhatIfResult {
  reachable: boolean;
  currentGrade: string | null;
  targetGrade: string;
  actions?: WhatIfAction[];
  projectedTotalCentipoints?: number;
  reason?: string;
  explanation?: string;
}

export interface GradeStep {
  id: string;
  label: string;
  labelI18n?: Record<string, string>;
  minTotalCentipoints: number | null;
}

export interface RuleLabel {
  label: string;
  labelI18n?: Record<string, string>;
  unit?: string;
  unitI18n?: Record<string, string>;
  category: string;
}

export interface Explanation {
  subject: { id: string; name: string; type: string };
  result: {
    asOf: string;
    mode: 'accumulating' | 'weighted';
    totalCentipoints: number;
    grade: string | null;
    ruleSet: { id: string; version: string };
    lines: ExplanationLine[];
  };
  grades: GradeStep[];
  labels: Record<string, RuleLabel>;
  expiring: { expiresOn: string; centipoints: number }[];
  nextGrade: WhatIfResult | null;
}

export interface HistoryPoint {
  asOf: string;
  totalCentipoints: number | null;
  grade: string | null;
}

export interface LedgerEntry {
  id: string;
  seq: number;
  at: string;
  ref: string;
  eventId?: string;
  eventType?: string;
  occurredOn?: string;
  indicatorId?: string;
  ruleId?: string;
  ruleSetId: string;
  ruleSetVersion: string;
  centipoints: number;
  reason: string;
  hash: string;
}

export interface PointsCase {
  id: string;
  kind: 'objection' | 'credit_repair';
  subjectId: string;
  target?: 'ledger_entry' | 'grade';
  ledgerEntryId?: string;
  grade?: string;
  reason: string;
  state: 'submitted' | 'accepted' | 'rejected';
  filedAt: string;
  dueBy: string;
  overdue: boolean;
  note?: string;
}

export interface IndicatorSubmission {
  id: string;
  subjectId: string;
  indicatorId: string;
  value: number | boolean | { current: number; previous: number };
  period: string;
  documentIds: string[];
  documentHashes: string[];
  state: 'submitted' | 'accepted' | 'rejected';
  submittedAt: string;
  note?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}
