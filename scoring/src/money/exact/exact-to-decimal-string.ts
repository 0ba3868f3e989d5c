import type { RoundingMode } from '../rounding/rounding-mode.js';
import { roundHalfEven } from '../rounding/round-half-even.js';
import type { Exact } from './exact.js';

/** Decimal text with exactly `places` digits after the point, rounded once with the named mode. */
export function exactToDecimalString(value: Exact, places: number, rounding: RoundingMode = roundHalfEven): string {
  const scale = 10n ** BigInt(places);
  const scaled = rounding(value.numerator * scale, value.denominator);
  const sign = scaled < 0n ? '-' : '';
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(places + 1, '0');
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
