import { sumFen } from '../../money/index.js';
import type { Instalment, ScheduleTotals } from '../types.js';

/** Principal, interest and total over the instalments. */
export function scheduleTotals(instalments: readonly Instalment[]): ScheduleTotals {
  return {
    principalFen: sumFen(instalments.map((i) => i.principalFen)),
    interestFen: sumFen(instalments.map((i) => i.interestFen)),
    totalFen: sumFen(instalments.map((i) => i.totalFen)),
  };
}
