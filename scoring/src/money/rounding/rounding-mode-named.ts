import { MoneyError } from '../money-error.js';
import { roundDown } from './round-down.js';
import { roundHalfAwayFromZero } from './round-half-away-from-zero.js';
import { roundHalfDown } from './round-half-down.js';
import { roundHalfEven } from './round-half-even.js';
import { roundHalfUp } from './round-half-up.js';
import { roundTowardZero } from './round-toward-zero.js';
import { roundUp } from './round-up.js';
import type { RoundingMode, RoundingName } from './rounding-mode.js';

const MODES: Record<RoundingName, RoundingMode> = {
  'half-even': roundHalfEven,
  'half-up': roundHalfUp,
  'half-down': roundHalfDown,
  'half-away-from-zero': roundHalfAwayFromZero,
  up: roundUp,
  down: roundDown,
  'toward-zero': roundTowardZero,
};

/** The rounding mode a configuration names, e.g. 'half-even'. */
export function roundingModeNamed(name: string): RoundingMode {
  const mode = MODES[name as RoundingName];
  if (!mode) throw new MoneyError(`unknown rounding mode "${name}"; known: ${Object.keys(MODES).join(', ')}`, 'rounding');
  return mode;
}
