import { exact, exactAdd, exactCompare, exactFromDecimal, exactMax, exactMultiply, exactSubtract, exactToNumber, type Exact } from '../money/index.js';
import { shiftDiscountRate } from './discounting/shift-discount-rate.js';
import { neutralAdjustment } from './neutral-adjustment.js';
import type { Adjustment, MethodValuation, SensitivityCase, SensitivitySteps } from './types.js';

export interface ExactRange {
  low: Exact;
  high: Exact;
  lowCase: SensitivityCase;
  highCase: SensitivityCase;
  basis: string;
}

const ZERO = exact(0n);
const ONE = exact(1n);

/**
 * Low and high value from sensitivities: every combination of discount rate ± step, price ± step and
 * volume ± step that moves this method (up to 8 corners) is valued exactly, and the range is the
 * least and greatest of those and the point value — so it always contains the point, even for a
 * method whose value is not monotone in a factor (harvest value minus discounted costs).
 * Values are floored at 0 like the point value.
 */
export function sensitivityRange(method: MethodValuation, steps: SensitivitySteps, base: Adjustment = neutralAdjustment): ExactRange {
  const floor = exactFromDecimal(steps.discountRateFloor);
  const rateShifts = method.sensitive.discountRate && steps.discountRateStep > 0 ? plusMinus(exactFromDecimal(steps.discountRateStep)) : [ZERO];
  const priceFactors = method.sensitive.price && steps.priceStep > 0 ? onePlusMinus(exactFromDecimal(steps.priceStep)) : [ONE];
  const volumeFactors = method.sensitive.volume && steps.volumeStep > 0 ? onePlusMinus(exactFromDecimal(steps.volumeStep)) : [ONE];
  const point = { value: exactMax(ZERO, method.value(base)), adjustment: base };
  const corners = rateShifts.flatMap((shift) =>
    priceFactors.flatMap((price) =>
      volumeFactors.map((volume) => {
        const adjustment: Adjustment = { ...base, discountRateShift: shift, discountRateFloor: floor, priceFactor: scale(base.priceFactor, price), volumeFactor: scale(base.volumeFactor, volume) };
        return { value: exactMax(ZERO, method.value(adjustment)), adjustment };
      }),
    ),
  );
  const all = [point, ...corners];
  const lowest = all.reduce((a, b) => (exactCompare(b.value, a.value) < 0 ? b : a));
  const highest = all.reduce((a, b) => (exactCompare(b.value, a.value) > 0 ? b : a));
  return {
    low: lowest.value,
    high: highest.value,
    lowCase: describe(lowest.adjustment, method),
    highCase: describe(highest.adjustment, method),
    basis: basisText(method, steps, corners.length),
  };
}

function plusMinus(step: Exact): Exact[] {
  return [exactSubtract(ZERO, step), step];
}

function onePlusMinus(step: Exact): Exact[] {
  return [exactSubtract(ONE, step), exactAdd(ONE, step)];
}

function scale(base: Exact, factor: Exact): Exact {
  return exactMultiply(base, factor);
}

function percent(step: number): string {
  return `${exactToNumber(exactMultiply(exactFromDecimal(step), exact(100n)))} %`;
}

function describe(adjustment: Adjustment, method: MethodValuation): SensitivityCase {
  return {
    discountRate: method.discountRate ? exactToNumber(shiftDiscountRate(method.discountRate, adjustment)) : null,
    priceFactor: exactToNumber(adjustment.priceFactor),
    volumeFactor: exactToNumber(adjustment.volumeFactor),
  };
}

function basisText(method: MethodValuation, steps: SensitivitySteps, corners: number): string {
  const parts = [
    method.sensitive.discountRate && steps.discountRateStep > 0 ? `discount rate ±${steps.discountRateStep} (floor ${steps.discountRateFloor})` : null,
    method.sensitive.price && steps.priceStep > 0 ? `price ±${percent(steps.priceStep)}` : null,
    method.sensitive.volume && steps.volumeStep > 0 ? `volume ±${percent(steps.volumeStep)}` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return 'no sensitivity applies: range equals the point value';
  return `least and greatest of the point value and ${corners} combinations of ${parts.join(', ')}`;
}
