import { roundHalfDown } from './round-half-down.js';
import { roundHalfUp } from './round-half-up.js';
import type { RoundingMode } from './rounding-mode.js';

/** Nearest integer; an exact half goes away from zero (commercial rounding): 2.5 → 3, −2.5 → −3. */
export const roundHalfAwayFromZero: RoundingMode = (numerator, denominator) =>
  numerator < 0n ? roundHalfDown(numerator, denominator) : roundHalfUp(numerator, denominator);
