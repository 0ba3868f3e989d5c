import { defaultValuationConfig as config } from '../default-valuation-config.js';
import type { CarbonRequest } from '../types.js';
import { valueAsset } from '../value-asset.js';

const allowances: CarbonRequest = { assetType: 'carbon', kind: 'CEA', quantityTco2e: 10_000, spotPriceFenPerT: 6_200, avg20dPriceFenPerT: 6_000, dataQuality: 'verified', valuationDate: '2026-11-29' };

describe('valueCarbon', () => {
  it('uses the lower of spot and 20-day average and the 35 % clearing haircut', () => {
    // 10 000 t × min(6 200, 6 000) = 60 000 000 fen; lending × (1 − 0.35) = 39 000 000; max loan × 0.8 = 31 200 000
    const result = valueAsset(allowances, config);
    expect(result).toMatchObject({ valueFen: 60_000_000, lendingValueFen: 39_000_000, maxLoanFen: 31_200_000 });
    expect(result.haircut).toEqual({ market: 0.25, liquidity: 0.05, legal: 0.03, physical: 0.02, total: 0.35 });
  });

  it('grades verified allowances on a liquid market high', () => {
    expect(valueAsset(allowances, config).confidence.grade).toBe('high');
  });

  it('deducts the configured reversal buffer from forestry credits', () => {
    // 5 000 t × min(1 200, 1 250) × (1 − 0.2) = 4 800 000 fen
    const result = valueAsset({ assetType: 'carbon', kind: 'forestry', quantityTco2e: 5_000, spotPriceFenPerT: 1_200, avg20dPriceFenPerT: 1_250 }, config);
    expect(result.valueFen).toBe(4_800_000);
    expect(result.inputs.bufferRate).toMatchObject({ value: 0.2, source: 'default', configPath: 'assetTypes.carbon.kinds.forestry.bufferRate' });
    expect(result.confidence.grade).toBe('low');
  });

  it('falls back to the spot price when no 20-day average is given, and warns', () => {
    const { avg20dPriceFenPerT: _omitted, ...spotOnly } = allowances;
    const result = valueAsset(spotOnly, config);
    expect(result.valueFen).toBe(62_000_000); // 10 000 × 6 200
    expect(result.warnings.map((w) => w.code)).toContain('NO_20_DAY_AVERAGE');
    expect(result.confidence.grade).toBe('medium');
  });
});
