import { exact, exactAdd, exactDivide, exactPower, exactSubtract, type Exact } from '../../money/index.js';

const ONE = exact(1n);

/**
 * Σ_{t=1..T} (1+g)^(t−1) / (1+i)^t, exactly: the present value at time 0 of a yearly amount paid
 * at the END of years 1..T, starting at 1 and growing by g a year, discounted at i a year
 * (annual compounding, whole years). Closed form (1 − ((1+g)/(1+i))^T) / (i − g); T / (1+i) when g = i.
 * With g = 0 this is the ordinary annuity factor (1 − (1+i)^−T) / i (and T when i = 0 too).
 */
export function growingAnnuityFactor(rate: Exact, growth: Exact, years: number): Exact {
  if (years <= 0) return exact(0n);
  const onePlusRate = exactAdd(ONE, rate);
  const difference = exactSubtract(rate, growth);
  if (difference.numerator === 0n) return exactDivide(exact(BigInt(years)), onePlusRate);
  const ratio = exactDivide(exactAdd(ONE, growth), onePlusRate);
  return exactDivide(exactSubtract(ONE, exactPower(ratio, years)), difference);
}
