// Small hand-checkable rule sets and evidence builders shared by the points tests.
import type { AccumulatingRuleSet, EvidenceRef, Grade, GradeBenefits, PointsEvent, WeightedRuleSet } from '../types.js';

export const proof: EvidenceRef = { source: 'enforcement-registry', documentId: 'doc-1' };

export function event(id: string, type: string, occurredOn: string, quantity = 1, extra: Partial<PointsEvent> = {}): PointsEvent {
  return { id, type, occurredOn, quantity, ...extra };
}

function benefits(loanRateDiscountBp: number, redemptionFenPerPoint: number): GradeBenefits {
  return { loanRateDiscountBp, creditLimitUpliftPct: loanRateDiscountBp > 0 ? 20 : 0, guaranteeFeeDiscountBp: 10, priorityReview: loanRateDiscountBp >= 50, redemptionFenPerPoint, source: 'test' };
}

export function gradeScale(cutOffs: [number, number, number]): Grade[] {
  return [
    { id: 'top', label: 'Top', minTotalCentipoints: cutOffs[0], benefits: benefits(50, 100), source: 'test' },
    { id: 'mid', label: 'Mid', minTotalCentipoints: cutOffs[1], benefits: benefits(20, 10), source: 'test' },
    { id: 'low', label: 'Low', minTotalCentipoints: cutOffs[2], benefits: benefits(0, 0), source: 'test' },
    { id: 'bottom', label: 'Bottom', benefits: benefits(-25, 0), source: 'test' },
  ];
}

/** walk: 0.02/step, 1 point a day, 3-day expiry · bus: 1.2/ride, 3 points a month · sort: 1/act, no caps · discharge: −3, evidence required. */
export const accumulating: AccumulatingRuleSet = {
  id: 'test-accumulating',
  version: '2.1.0',
  subjectType: 'individual',
  mode: 'accumulating',
  effectiveFrom: '2026-01-01',
  rules: [
    { id: 'walk', eventType: 'walking_steps', category: 'travel', label: 'Walking', unit: 'step', centipointsPerUnit: 2, dailyCapCentipoints: 100, expiresAfterDays: 3, evidenceRequired: false, source: 'test' },
    { id: 'bus', eventType: 'bus_ride', category: 'travel', label: 'Bus', unit: 'ride', centipointsPerUnit: 120, monthlyCapCentipoints: 300, expiresAfterDays: 365, evidenceRequired: false, source: 'test' },
    { id: 'sort', eventType: 'garbage_sorting', category: 'waste', label: 'Sorting', unit: 'act', centipointsPerUnit: 100, evidenceRequired: false, source: 'test' },
    { id: 'discharge', eventType: 'illegal_discharge', category: 'violations', label: 'Discharge', unit: 'occurrence', centipointsPerUnit: -300, expiresAfterDays: 365, evidenceRequired: true, source: 'test' },
  ],
  grades: gradeScale([1000, 300, 0]),
  vetoes: [
    { id: 'crime', eventType: 'environmental_crime', forceGrade: 'bottom', durationDays: 1095, evidenceRequired: true, source: 'test' },
    { id: 'warning', eventType: 'formal_warning', forceGrade: 'low', durationDays: 30, evidenceRequired: false, source: 'test' },
  ],
  downgrades: [{ id: 'incident', eventType: 'incident', steps: 1, durationDays: 365, evidenceRequired: false, source: 'test' }],
};

/** Weights 50 + 30 + 20: compliance bands, restoration linear 0→100 %, permit yes/no; then carbon (see `carbon`). */
export const weighted: WeightedRuleSet = {
  id: 'test-weighted',
  version: '1.0.0',
  subjectType: 'enterprise',
  mode: 'weighted',
  effectiveFrom: '2026-01-01',
  indicators: [
    {
      id: 'compliance', category: 'pollution', label: 'Compliance', weight: 50, measure: { kind: 'value', unit: '%' },
      scoring: { method: 'bands', bands: [{ from: 100, centipoints: 10000 }, { from: 95, below: 100, centipoints: 8000 }, { from: 90, below: 95, centipoints: 5000 }], otherwiseCentipoints: 0 },
      evidenceRequired: true, source: 'test',
    },
    { id: 'restoration', category: 'ecology', label: 'Restoration', weight: 30, measure: { kind: 'value', unit: '%' }, scoring: { method: 'linear', from: { measure: 0, centipoints: 0 }, to: { measure: 100, centipoints: 10000 } }, evidenceRequired: false, source: 'test' },
    { id: 'permit', category: 'management', label: 'Permit', weight: 20, measure: { kind: 'value', unit: 'yes/no' }, scoring: { method: 'yes_no', yesCentipoints: 10000, noCentipoints: 2000 }, evidenceRequired: false, source: 'test' },
  ],
  grades: gradeScale([9500, 8000, 6000]),
  vetoes: [{ id: 'crime', eventType: 'environmental_crime', forceGrade: 'bottom', durationDays: 1095, evidenceRequired: true, source: 'test' }],
  downgrades: [{ id: 'incident', eventType: 'incident', steps: 1, durationDays: 365, evidenceRequired: true, source: 'test' }],
};

/** Carbon account: intensity vs benchmark (weight 60) and year-on-year decline (weight 40). */
export const carbon: WeightedRuleSet = {
  ...weighted,
  id: 'test-carbon',
  indicators: [
    {
      id: 'intensity', category: 'carbon', label: 'Intensity', weight: 60,
      measure: { kind: 'ratio_to_industry_benchmark_pct', benchmarks: { C30: 2.8 }, source: 'test' },
      scoring: { method: 'bands', bands: [{ below: 80, centipoints: 10000 }, { from: 80, below: 100, centipoints: 8000 }, { from: 100, below: 120, centipoints: 5000 }], otherwiseCentipoints: 2000 },
      evidenceRequired: false, source: 'test',
    },
    {
      id: 'decline', category: 'carbon', label: 'Decline', weight: 40, measure: { kind: 'year_on_year_decline_pct' },
      scoring: { method: 'linear', from: { measure: 0, centipoints: 4000 }, to: { measure: 10, centipoints: 10000 } }, evidenceRequired: false, source: 'test',
    },
  ],
};
