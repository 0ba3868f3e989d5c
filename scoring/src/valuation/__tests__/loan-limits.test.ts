import { exact, exactToFen } from '../../money/index.js';
import { defaultValuationConfig as config } from '../default-valuation-config.js';
import { loanLimits } from '../loan-limits.js';
import { methodForRequest } from '../method-for-request.js';
import type { LandRightRequest } from '../types.js';

const land: LandRightRequest = { assetType: 'land_right', areaMu: 1, annualNetIncomeFenPerMu: 1, remainingYears: 4 };

describe('loanLimits', () => {
  it('lends value × (1 − haircut) × pledge rate: 1 000 000 × 0.7 × 0.5 = 350 000, for at most the right’s 4 years', () => {
    const limits = loanLimits(land, config, methodForRequest(land, config), exact(1_000_000n));
    expect([exactToFen(limits.lending), exactToFen(limits.maxLoan), limits.maxTermYears]).toEqual([700_000, 350_000, 4]);
    expect(limits.pledgeRate.record).toMatchObject({ value: 0.5, source: 'default' });
  });

  it('lends nothing on a right without term left, and says why', () => {
    const expired = { ...land, remainingYears: 0 };
    const limits = loanLimits(expired, config, methodForRequest(expired, config), exact(1_000_000n));
    expect(exactToFen(limits.maxLoan)).toBe(0);
    expect(limits.warnings.map((w) => w.code)).toEqual(['NO_LOAN_TERM_LEFT']);
  });

  it('warns that a 100 % haircut leaves nothing to lend against', () => {
    const full = { ...land, haircuts: { market: 1, liquidity: 0, legal: 0, physical: 0 } };
    const limits = loanLimits(full, config, methodForRequest(full, config), exact(1_000_000n));
    expect(exactToFen(limits.lending)).toBe(0);
    expect(limits.warnings.map((w) => w.code)).toEqual(['FULL_HAIRCUT']);
  });
});
