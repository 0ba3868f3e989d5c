import { exact, exactCompare, exactMax, exactToFen, roundingModeNamed } from '../money/index.js';
import { effectiveSensitivity } from './effective-sensitivity.js';
import { gradeConfidence } from './grade-confidence.js';
import { loanLimits } from './loan-limits.js';
import { methodForRequest } from './method-for-request.js';
import { neutralAdjustment } from './neutral-adjustment.js';
import { sensitivityRange } from './sensitivity-range.js';
import type { ValuationInputRecord, ValuationConfig, ValuationRequest, ValuationResult, ValuationWarning } from './types.js';

const ZERO = exact(0n);

/**
 * Values one pledged ecological asset the way an appraiser and a bank's risk desk would, showing
 * the work: method and why, every input with unit and source, point value and sensitivity range,
 * confidence, haircuts, lending value, pledge rate, maximum loan and term.
 *
 * Pure: the request must already be valid (see validateValuationRequest); the configuration
 * supplies every default. All arithmetic is exact (bigint rationals); each amount in fen is
 * rounded once, half-even, from its exact value — lendingValueFen and maxLoanFen are therefore
 * rounded from the exact value × (1 − haircut) [× pledge rate], not from the rounded figures.
 */
export function valueAsset(request: ValuationRequest, config: ValuationConfig): ValuationResult {
  const typeConfig = config.assetTypes[request.assetType];
  const rounding = roundingModeNamed(config.rounding);
  const method = methodForRequest(request, config);
  const warnings: ValuationWarning[] = [];
  const raw = method.value(neutralAdjustment);
  const point = exactMax(ZERO, raw);
  if (exactCompare(raw, ZERO) < 0) {
    warnings.push({ code: 'NEGATIVE_VALUE_FLOORED', message: `the method gives ${exactToFen(raw, rounding)} fen (costs exceed income); the value is floored at 0` });
  }
  const range = sensitivityRange(method, effectiveSensitivity(config, request.assetType));
  const limits = loanLimits(request, config, method, point);
  if (!request.valuationDate) warnings.push({ code: 'NO_VALUATION_DATE', message: 'no valuationDate given; the result is not dated', field: 'valuationDate' });
  const dataQuality = request.dataQuality ?? config.confidence.defaultDataQuality;
  return {
    assetType: request.assetType,
    assetId: request.assetId ?? null,
    valuationDate: request.valuationDate ?? null,
    method: method.method,
    methodReason: method.methodReason,
    methodDescription: method.methodDescription,
    valueType: method.valueType,
    valueFen: exactToFen(point, rounding, 'valueFen'),
    range: {
      lowFen: exactToFen(range.low, rounding, 'range.lowFen'),
      highFen: exactToFen(range.high, rounding, 'range.highFen'),
      basis: range.basis,
      low: range.lowCase,
      high: range.highCase,
    },
    confidence: gradeConfidence({
      marketLiquidity: method.marketLiquidity ?? typeConfig.marketLiquidity,
      dataQuality,
      dataQualitySource: request.dataQuality ? 'request' : 'default',
      defaultedValueDrivers: method.defaultedValueDrivers,
      point,
      low: range.low,
      high: range.high,
      wideRangeShare: config.confidence.wideRangeShare,
    }),
    haircut: limits.haircuts.haircut,
    lendingValueFen: exactToFen(limits.lending, rounding, 'lendingValueFen'),
    pledgeRate: request.pledgeRate ?? typeConfig.pledgeRate,
    maxLoanFen: exactToFen(limits.maxLoan, rounding, 'maxLoanFen'),
    maxTermYears: limits.maxTermYears,
    inputs: { ...method.inputs, ...limits.haircuts.inputs, pledgeRate: limits.pledgeRate.record, ...loanTermInput(request.loanTermYears), ...dataQualityInput(request, dataQuality) },
    configVersion: config.version,
    rounding: config.rounding,
    warnings: [...method.warnings, ...warnings, ...limits.warnings],
  };
}

function loanTermInput(years: number | undefined): Record<string, ValuationInputRecord> {
  return years === undefined ? {} : { loanTermYears: { value: years, unit: 'years', source: 'request' } };
}

function dataQualityInput(request: ValuationRequest, dataQuality: string): Record<string, ValuationInputRecord> {
  return {
    dataQuality: request.dataQuality
      ? { value: dataQuality, unit: 'data quality class', source: 'request' }
      : { value: dataQuality, unit: 'data quality class', source: 'default', configPath: 'confidence.defaultDataQuality' },
  };
}

