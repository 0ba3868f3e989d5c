import { exactCompare, exactDivide, exactFromDecimal, exactSubtract, type Exact } from '../money/index.js';
import type { DataQuality, ConfidenceGrade } from './types.js';

export interface ConfidenceInputs {
  marketLiquidity: ConfidenceGrade;
  dataQuality: DataQuality;
  dataQualitySource: 'request' | 'default';
  defaultedValueDrivers: string[];
  point: Exact;
  low: Exact;
  high: Exact;
  wideRangeShare: number;
}

const RANK: ConfidenceGrade[] = ['low', 'medium', 'high'];
const QUALITY_GRADE: Record<DataQuality, ConfidenceGrade> = { verified: 'high', reported: 'medium', estimated: 'low' };

/**
 * Confidence grade: the weaker of market liquidity and data quality, one step lower when value-driving
 * inputs had to be defaulted, one step lower when the sensitivity range is wider than the configured
 * share of the value, and low when there is no value at all. Every step is given as a reason.
 */
export function gradeConfidence(inputs: ConfidenceInputs): { grade: ConfidenceGrade; reasons: string[] } {
  const qualityGrade = QUALITY_GRADE[inputs.dataQuality];
  const reasons = [
    `market liquidity of this asset: ${inputs.marketLiquidity}`,
    `data quality: ${inputs.dataQuality}${inputs.dataQualitySource === 'default' ? ' (assumed, not stated in the request)' : ''}`,
  ];
  let rank = Math.min(RANK.indexOf(inputs.marketLiquidity), RANK.indexOf(qualityGrade));
  if (inputs.defaultedValueDrivers.length > 0) {
    rank -= 1;
    reasons.push(`value-driving inputs taken from defaults: ${inputs.defaultedValueDrivers.join(', ')}`);
  }
  if (inputs.point.numerator === 0n) {
    rank = 0;
    reasons.push('the value is zero');
  } else {
    const width = exactDivide(exactSubtract(inputs.high, inputs.low), inputs.point);
    if (exactCompare(width, exactFromDecimal(inputs.wideRangeShare)) > 0) {
      rank -= 1;
      reasons.push(`sensitivity range is wider than ${inputs.wideRangeShare} of the value`);
    }
  }
  return { grade: RANK[Math.max(0, rank)] ?? 'low', reasons };
}

