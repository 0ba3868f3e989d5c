/** A bond computation refused its input (allocations beyond proceeds, a malformed date, a negative measure). */
export class BondInputError extends Error {
  override readonly name = 'BondInputError';
}
