import type { ValuationInputRecord } from './types.js';

/** The record of an input given in the request. */
export function requestInput(value: unknown, unit: string): ValuationInputRecord {
  return { value, unit, source: 'request' };
}
