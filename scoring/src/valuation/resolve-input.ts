import { exactFromDecimal, type Exact } from '../money/index.js';
import type { ValuationInputRecord } from './types.js';

export interface ResolvedInput {
  exact: Exact;
  record: ValuationInputRecord;
  defaulted: boolean;
}

/**
 * A numeric input taken from the request when present, otherwise from the configuration default
 * at `configPath`; either way recorded with its unit and source.
 */
export function resolveInput(given: number | undefined, fallback: number, unit: string, configPath: string): ResolvedInput {
  if (given !== undefined) {
    return { exact: exactFromDecimal(given), record: { value: given, unit, source: 'request' }, defaulted: false };
  }
  return { exact: exactFromDecimal(fallback), record: { value: fallback, unit, source: 'default', configPath }, defaulted: true };
}
