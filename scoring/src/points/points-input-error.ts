/**
 * Refusal of a rule set, evidence or population. `path` is a JSON pointer to the first offending
 * value (e.g. `/rules/3/dailyCapCentipoints`), so callers can answer 400 with `field: path`.
 */
export class PointsInputError extends Error {
  override readonly name = 'PointsInputError';

  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }

  get field(): string {
    return this.path;
  }
}
