import { exact, exactFromDecimal, exactToFen } from '../../money/index.js';
import { lendingValue } from '../lending-value.js';

describe('lendingValue', () => {
  it('is value × (1 − haircut): 1 000 000 × (1 − 0.3) = 700 000', () => {
    expect(exactToFen(lendingValue(exact(1_000_000n), exactFromDecimal(0.3), null))).toBe(700_000);
  });

  it('never exceeds value × cap share: min(700 000, 250 000) = 250 000; a cap of 0 lends nothing', () => {
    expect(exactToFen(lendingValue(exact(1_000_000n), exactFromDecimal(0.3), exactFromDecimal(0.25)))).toBe(250_000);
    expect(exactToFen(lendingValue(exact(1_000_000n), exact(0n), exact(0n)))).toBe(0);
  });
});
