import type { Grade } from './types.js';

/** Index of the best grade whose cut-off the total reaches; the last grade takes every lower total. */
export function gradeIndexForTotal(grades: readonly Grade[], totalCentipoints: number): number {
  const index = grades.findIndex((grade) => grade.minTotalCentipoints !== undefined && totalCentipoints >= grade.minTotalCentipoints);
  return index === -1 ? grades.length - 1 : index;
}
