import rulesJson from '@eco/scoring/config/guarantee-rules.json' with { type: 'json' };
import { checkRiskShares } from '../check-risk-shares.js';
import { defaultGuaranteeRules } from '../default-guarantee-rules.js';
import { validateGuaranteeRules } from '../validate-guarantee-rules.js';

const copy = () => JSON.parse(JSON.stringify(rulesJson)) as Record<string, any>;

describe('the guarantee rules configuration', () => {
  it('loads the default 4321 shares, the 1 %/1.5 % fee caps and the 10×/15× capacity', () => {
    expect(defaultGuaranteeRules.version).toBe('2026.11.1');
    expect(defaultGuaranteeRules.riskShares).toMatchObject({ originalGuarantorBp: 4000, reguarantorBp: 3000, bankBp: 2000, localGovernmentBp: 1000 });
    expect(defaultGuaranteeRules.feeCaps.map((t) => [t.maxSingleBorrowerFen, t.maxAnnualRateBp])).toEqual([[500_000_000, 100], [undefined, 150]]);
    expect(defaultGuaranteeRules.capacity).toMatchObject({ outstandingMultiple: 10, smallBusinessAgricultureMultiple: 15, singleObligorShareBp: 1000 });
  });

  it('refuses shares that do not total 100 %, naming the total', () => {
    const rules = copy();
    rules['riskShares'].bankBp = 2500;
    expect(() => validateGuaranteeRules(rules)).toThrow('guarantee rules: risk shares must total 10000 bp (100 %), got 10500 bp');
    expect(checkRiskShares({ originalGuarantorBp: 5000, reguarantorBp: 2500, bankBp: 2000, localGovernmentBp: 500 })).toEqual({ valid: true, totalBp: 10_000, message: 'risk shares total 100 %' });
  });

  it('refuses an unknown field, and tiers that do not rise', () => {
    const unknown = { ...copy(), extra: 1 };
    expect(() => validateGuaranteeRules(unknown)).toThrow(expect.objectContaining({ field: 'extra' }));
    const falling = copy();
    falling['feeCaps'] = [{ maxSingleBorrowerFen: 500_000_000, maxAnnualRateBp: 100 }, { maxSingleBorrowerFen: 400_000_000, maxAnnualRateBp: 150 }];
    expect(() => validateGuaranteeRules(falling)).toThrow(expect.objectContaining({ field: 'feeCaps[1].maxSingleBorrowerFen' }));
    const unlimitedFirst = copy();
    unlimitedFirst['approvalTiers'] = [{ level: 'a', label: 'A' }, { level: 'b', label: 'B', maxAmountFen: 1 }];
    expect(() => validateGuaranteeRules(unlimitedFirst)).toThrow(expect.objectContaining({ field: 'approvalTiers[0].maxAmountFen' }));
  });
});
