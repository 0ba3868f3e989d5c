import { exactCompare, toExact } from '../money/index.js';
import type { SettlementLine, WaterQualityTerms } from './types.js';
import { waterQualityIndexExact } from './water-quality-index.js';

/** The water-quality line: P from the period's means, the schedule's tier for P, who pays whom and how much. */
export function qualityPayment(terms: WaterQualityTerms, means: Record<string, string>): { line: SettlementLine; index: ReturnType<typeof waterQualityIndexExact>['result'] } {
  const { index, result } = waterQualityIndexExact(terms, means);
  const tierIndex = terms.schedule.findIndex((t) => t.upToIndex === null || exactCompare(index, toExact(t.upToIndex)) <= 0);
  const tier = terms.schedule[tierIndex]!;
  const payee = tier.payer === 'downstream' ? 'upstream' : 'downstream';
  const amountFen = tier.amountFen;
  return {
    index: result,
    line: {
      code: 'water_quality', payer: amountFen === 0 ? null : tier.payer, payee: amountFen === 0 ? null : payee, amountFen,
      signedFen: tier.payer === 'downstream' ? amountFen : -amountFen,
      basis: { index: result.index, met: result.met, tier: tierIndex + 1, upToIndex: tier.upToIndex },
    },
  };
}
