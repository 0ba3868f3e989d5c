import { exact, roundHalfEven } from '../../../money/index.js';
import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import { methodForRequest } from '../../method-for-request.js';
import { neutralAdjustment } from '../../neutral-adjustment.js';
import type { Pledge } from '../../types.js';
import { stressPledge, type PreparedPledge } from '../stress-pledge.js';

const pledge: Pledge = { id: 'so2', outstandingLoanFen: 5_000_000, asset: { assetType: 'emission_right', pollutant: 'SO2', tonnes: 10, referencePriceFenPerTonne: 1_000_000 } };
const prepared: PreparedPledge = { pledge, method: methodForRequest(pledge.asset, config), ltvThreshold: 0.8 };

describe('stressPledge', () => {
  it('gives value, lending value, maximum loan and LTV: 10 000 000 fen, × 0.8 = 8 000 000, × 0.7 = 5 600 000, LTV 0.5', () => {
    expect(stressPledge(prepared, { adjustment: neutralAdjustment, valueLossShare: exact(0n) }, config, roundHalfEven)).toEqual({
      id: 'so2', assetType: 'emission_right', valueFen: 10_000_000, lendingValueFen: 8_000_000, maxLoanFen: 5_600_000,
      outstandingLoanFen: 5_000_000, ltv: 0.5, ltvThreshold: 0.8, breach: false, excessLoanFen: 0,
    });
  });

  it('breaches when LTV passes the threshold: 40 % loss → 6 000 000, LTV 0.8333', () => {
    const result = stressPledge(prepared, { adjustment: neutralAdjustment, valueLossShare: exact(2n, 5n) }, config, roundHalfEven);
    // max loan 6 000 000 × 0.8 × 0.7 = 3 360 000; excess 5 000 000 − 3 360 000 = 1 640 000
    expect(result).toMatchObject({ valueFen: 6_000_000, ltv: 0.8333, breach: true, excessLoanFen: 1_640_000 });
  });

  it('breaches with no LTV when a loan remains against nothing', () => {
    expect(stressPledge(prepared, { adjustment: neutralAdjustment, valueLossShare: exact(1n) }, config, roundHalfEven)).toMatchObject({ valueFen: 0, ltv: null, breach: true });
  });
});
