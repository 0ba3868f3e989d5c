import { ValuationInputError } from './valuation-input-error.js';

/** The value of an input a method cannot do without; names the missing field otherwise. */
export function requireInput<T>(value: T | undefined, field: string, method: string): T {
  if (value === undefined) throw new ValuationInputError(`${field} is required for the ${method} method`, field);
  return value;
}
