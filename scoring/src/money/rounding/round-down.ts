import { floorDivide } from './floor-divide.js';
import type { RoundingMode } from './rounding-mode.js';

/** Floor, toward −∞: 2.9 → 2, −2.1 → −3. */
export const roundDown: RoundingMode = (numerator, denominator) => floorDivide(numerator, denominator).quotient;
