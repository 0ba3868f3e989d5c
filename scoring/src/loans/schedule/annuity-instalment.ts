import { exact, exactAdd, exactDivide, exactMultiply, exactPower, exactSubtract, exactToFen, exactFromFen, type Exact } from '../../money/index.js';

/**
 * The exact level instalment repaying principalFen in `count` periods at periodic rate r:
 * P·r·(1+r)^n / ((1+r)^n − 1), or P/n when r = 0; rounded once half-even.
 */
export function annuityInstalment(principalFen: number, rate: Exact, count: number): number {
  return exactToFen(exactAnnuity(exactFromFen(principalFen), rate, count), undefined, 'instalmentFen');
}

function exactAnnuity(principal: Exact, rate: Exact, count: number): Exact {
  if (rate.numerator === 0n) return exactDivide(principal, exact(BigInt(count)));
  const growth = exactPower(exactAdd(exact(1n), rate), count);
  return exactDivide(exactMultiply(principal, rate, growth), exactSubtract(growth, exact(1n)));
}
