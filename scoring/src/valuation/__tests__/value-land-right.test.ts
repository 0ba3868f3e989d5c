import { defaultValuationConfig as config } from '../default-valuation-config.js';
import type { LandRightRequest } from '../types.js';
import { valueAsset } from '../value-asset.js';

const farm: LandRightRequest = { assetType: 'land_right', areaMu: 100, annualNetIncomeFenPerMu: 80_000, remainingYears: 3, discountRate: 0.05, improvementsFen: 1_000_000 };

describe('valueLandRight', () => {
  it('discounts the net income of each contract year and adds improvements', () => {
    // yearly income = 100 mu × 80 000 fen = 8 000 000; Σ_{t=1..3} 1.05^−t = 2.7232480294
    // V = 8 000 000 × 2.7232480294 + 1 000 000 = 22 785 984.2350 → 22 785 984 fen
    expect(valueAsset(farm, config)).toMatchObject({ method: 'land_right.income_present_value', valueFen: 22_785_984 });
  });

  it('keeps only the improvements when the contract has no years left, but lends nothing', () => {
    // improvements 1 000 000 fen; lending 1 000 000 × (1 − 0.3) = 700 000; no term left → max loan 0
    const result = valueAsset({ ...farm, remainingYears: 0 }, config);
    expect(result).toMatchObject({ valueFen: 1_000_000, lendingValueFen: 700_000, maxLoanFen: 0, maxTermYears: 0 });
    expect(result.warnings.map((w) => w.code)).toEqual(['RIGHT_EXPIRED', 'NO_VALUATION_DATE', 'NO_LOAN_TERM_LEFT']);
  });

  it('takes improvements as 0 when not given', () => {
    // 8 000 000 × 2.7232480294 = 21 785 984.2350 → 21 785 984
    const { improvementsFen: _omitted, ...bare } = farm;
    const result = valueAsset(bare, config);
    expect(result.valueFen).toBe(21_785_984);
    expect(result.inputs.improvementsFen).toMatchObject({ value: 0, source: 'default' });
  });
});
