/** numerator / denominator rounded half up, for integers and a positive denominator. */
export function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
