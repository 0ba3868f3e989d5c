import { floorDivide } from './floor-divide.js';
import type { RoundingMode } from './rounding-mode.js';

/** Nearest integer; an exact half goes to the even neighbour (banker's rounding): 2.5 → 2, 3.5 → 4, −2.5 → −2. */
export const roundHalfEven: RoundingMode = (numerator, denominator) => {
  const { quotient, remainder } = floorDivide(numerator, denominator);
  const twice = 2n * remainder;
  if (twice < denominator) return quotient;
  if (twice > denominator) return quotient + 1n;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
};
