import { floorDivide } from './floor-divide.js';
import type { RoundingMode } from './rounding-mode.js';

/** Ceiling, toward +∞: 2.1 → 3, −2.9 → −2. */
export const roundUp: RoundingMode = (numerator, denominator) => {
  const { quotient, remainder } = floorDivide(numerator, denominator);
  return remainder === 0n ? quotient : quotient + 1n;
};
