/** floor(n / d) and the remainder in [0, d) for d > 0 — the common ground of every mode. */
export function floorDivide(numerator: bigint, denominator: bigint): { quotient: bigint; remainder: bigint } {
  let quotient = numerator / denominator;
  let remainder = numerator % denominator;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += denominator;
  }
  return { quotient, remainder };
}
