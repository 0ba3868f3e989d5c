import { floorDivide } from './floor-divide.js';
import type { RoundingMode } from './rounding-mode.js';

/** Nearest integer; an exact half goes toward +∞: 2.5 → 3, −2.5 → −2. */
export const roundHalfUp: RoundingMode = (numerator, denominator) => {
  const { quotient, remainder } = floorDivide(numerator, denominator);
  return 2n * remainder >= denominator ? quotient + 1n : quotient;
};
