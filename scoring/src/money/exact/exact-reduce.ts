import { exact, type Exact } from './exact.js';

/** The same value in lowest terms (for display, storage or equality by shape). */
export function exactReduce(value: Exact): Exact {
  return exact(value.numerator, value.denominator);
}
