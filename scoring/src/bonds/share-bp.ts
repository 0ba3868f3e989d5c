/** part / whole in basis points, rounded half-even; 0 when whole is 0. */
export function shareBp(part: number, whole: number): number {
  if (whole === 0) return 0;
  const numerator = BigInt(part) * 10_000n;
  const denominator = BigInt(whole);
  const quotient = numerator / denominator;
  const remainder = numerator - quotient * denominator;
  const twice = 2n * remainder;
  if (twice < denominator) return Number(quotient);
  if (twice > denominator) return Number(quotient + 1n);
  return Number(quotient % 2n === 0n ? quotient : quotient + 1n);
}
