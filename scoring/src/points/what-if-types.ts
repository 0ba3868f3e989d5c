// What whatIf returns (schemas/points/what-if-result.schema.json).
import type { IndicatorMeasure, IsoDate, RuleSetRef } from './rule-set-types.js';

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
