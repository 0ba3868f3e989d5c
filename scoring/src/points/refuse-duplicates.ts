import { PointsInputError } from './points-input-error.js';

/** Throws at the path of the first id that repeats an earlier one. */
export function refuseDuplicates(ids: string[], path: (index: number) => string, what: string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) throw new PointsInputError(`duplicate ${what} "${id}"`, path(index));
    seen.add(id);
  });
}
