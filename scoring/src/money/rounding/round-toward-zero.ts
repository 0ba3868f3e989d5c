import type { RoundingMode } from './rounding-mode.js';

/** Truncation: 2.9 → 2, −2.9 → −2. */
export const roundTowardZero: RoundingMode = (numerator, denominator) => numerator / denominator;
