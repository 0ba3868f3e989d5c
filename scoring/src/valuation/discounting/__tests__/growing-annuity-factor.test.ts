import { exact, exactFromDecimal, exactReduce } from '../../../money/index.js';
import { growingAnnuityFactor } from '../growing-annuity-factor.js';

const d = exactFromDecimal;

describe('growingAnnuityFactor', () => {
  it('discounts end-of-year payments: Σ_{t=1..2} 1.05^−t = 1/1.05 + 1/1.1025 = 2.05/1.1025 = 820/441', () => {
    expect(exactReduce(growingAnnuityFactor(d(0.05), exact(0n), 2))).toEqual(exact(820n, 441n));
  });

  it('is the number of years when nothing is discounted', () => {
    expect(exactReduce(growingAnnuityFactor(exact(0n), exact(0n), 7))).toEqual(exact(7n));
  });

  it('is T / (1 + i) when growth equals the rate: 3 / 1.04 = 75/26', () => {
    expect(exactReduce(growingAnnuityFactor(d(0.04), d(0.04), 3))).toEqual(exact(75n, 26n));
  });

  it('grows later payments: 1/1.1 + 1.05/1.21 = 2.15/1.21 = 215/121', () => {
    expect(exactReduce(growingAnnuityFactor(d(0.1), d(0.05), 2))).toEqual(exact(215n, 121n));
  });

  it('is 0 for no years', () => {
    expect(exactReduce(growingAnnuityFactor(d(0.05), exact(0n), 0))).toEqual(exact(0n));
  });
});
