import { CompensationInputError } from '../compensation-input-error.js';
import { gepAdjustment } from '../gep-adjustment.js';
import { pilotBasins } from '../pilot-basins.js';
import { qualityPayment } from '../quality-payment.js';
import { quantityPayment } from '../quantity-payment.js';
import { settleCompensation } from '../settle-compensation.js';
import { validateCompensationTerms } from '../validate-compensation-terms.js';
import { waterQualityIndex } from '../water-quality-index.js';
import type { CompensationTerms, WaterQualityTerms, WaterQuantityTerms } from '../types.js';

// Four pollutants with equal weights, K0 = 0.85; downstream pays 3 million yuan for P ≤ 0.8 and 2 million
// for 0.8 < P ≤ 1; above 1 the upstream party pays 3 million yuan.
const quality: WaterQualityTerms = {
  k0: '0.85',
  pollutants: [
    { code: 'codmn', baseline: '4', weight: '0.25' },
    { code: 'nh3n', baseline: '0.5', weight: '0.25' },
    { code: 'tp', baseline: '0.1', weight: '0.25' },
    { code: 'tn', baseline: '1', weight: '0.25' },
  ],
  schedule: [
    { upToIndex: '0.8', payer: 'downstream', amountFen: 300_000_000 },
    { upToIndex: '1', payer: 'downstream', amountFen: 200_000_000 },
    { upToIndex: null, payer: 'upstream', amountFen: 300_000_000 },
  ],
};
const clean = { codmn: '3.2', nh3n: '0.45', tp: '0.085', tn: '0.95' };
const polluted = { codmn: '5', nh3n: '0.6', tp: '0.12', tn: '1.3' };
// 300 million m³ agreed; 0.10 yuan per m³ short (at most 20 million yuan), 0.05 yuan per m³ above (at most 10 million).
const quantity: WaterQuantityTerms = { agreedM3: '300000000', shortfallRateFen: 10, surplusRateFen: 5, maxShortfallFen: 2_000_000_000, maxSurplusFen: 1_000_000_000 };

describe('waterQualityIndex', () => {
  it('computes P = K0 × Σ k_i C_i / C_i0: 0.85 × 0.25 × (0.8 + 0.9 + 0.85 + 0.95) = 0.74375 → 0.7438 (half to even), met', () => {
    expect(waterQualityIndex(quality, clean)).toEqual({
      index: '0.7438', k0: '0.85', met: true,
      terms: [
        { code: 'codmn', mean: '3.2', baseline: '4', weight: '0.25', ratio: '0.8000', weighted: '0.2000' },
        { code: 'nh3n', mean: '0.45', baseline: '0.5', weight: '0.25', ratio: '0.9000', weighted: '0.2250' },
        { code: 'tp', mean: '0.085', baseline: '0.1', weight: '0.25', ratio: '0.8500', weighted: '0.2125' },
        { code: 'tn', mean: '0.95', baseline: '1', weight: '0.25', ratio: '0.9500', weighted: '0.2375' },
      ],
    });
  });

  it('gives 0.85 × 1.2375 = 1.051875 → 1.0519, not met, for the polluted period', () => {
    expect(waterQualityIndex(quality, polluted)).toMatchObject({ index: '1.0519', met: false });
  });

  it('refuses weights that do not sum to 1 and a missing mean', () => {
    const weights = { ...quality, pollutants: quality.pollutants.map((p, i) => (i === 0 ? { ...p, weight: '0.3' } : p)) };
    expect(() => waterQualityIndex(weights, clean)).toThrow(new CompensationInputError('the weights sum to 1.0500, not 1', 'waterQuality.pollutants'));
    expect(() => waterQualityIndex(quality, { codmn: '1' })).toThrow(new CompensationInputError('no mean concentration for nh3n', 'pollutantMeans.nh3n'));
  });
});

describe('qualityPayment', () => {
  it('P ≤ 1: the downstream party pays the upstream party by the schedule', () => {
    expect(qualityPayment(quality, clean).line).toEqual({
      code: 'water_quality', payer: 'downstream', payee: 'upstream', amountFen: 300_000_000, signedFen: 300_000_000,
      basis: { index: '0.7438', met: true, tier: 1, upToIndex: '0.8' },
    });
  });

  it('P exactly 1 is still met: the second tier, downstream pays 2 million yuan', () => {
    const k1 = { ...quality, k0: '1' };
    const atOne = { codmn: '4', nh3n: '0.5', tp: '0.1', tn: '1' };
    expect(qualityPayment(k1, atOne).line).toMatchObject({ payer: 'downstream', amountFen: 200_000_000, basis: { index: '1.0000', met: true, tier: 2 } });
  });

  it('P > 1: the upstream party pays the downstream party', () => {
    expect(qualityPayment(quality, polluted).line).toMatchObject({ payer: 'upstream', payee: 'downstream', amountFen: 300_000_000, signedFen: -300_000_000 });
  });
});

describe('quantityPayment', () => {
  it('a shortfall of 12 345 678.5 m³ × 10 fen: the upstream party pays 123 456 785 fen', () => {
    expect(quantityPayment(quantity, '287654321.5')).toEqual({
      code: 'water_quantity', payer: 'upstream', payee: 'downstream', amountFen: 123_456_785, signedFen: -123_456_785,
      basis: { agreedM3: '300000000', deliveredM3: '287654321.5', differenceM3: '-12345678.50', rateFen: 10, uncappedFen: 123_456_785, capFen: 2_000_000_000, capped: false },
    });
  });

  it('a shortfall beyond the limit pays the limit', () => {
    expect(quantityPayment(quantity, '50000000')).toMatchObject({ payer: 'upstream', amountFen: 2_000_000_000, basis: { uncappedFen: 2_500_000_000, capped: true } });
  });

  it('a surplus of 12 000 000.5 m³ × 5 fen = 60 000 002.5 → 60 000 002 (half to even): the downstream party pays', () => {
    expect(quantityPayment(quantity, '312000000.5')).toMatchObject({ payer: 'downstream', payee: 'upstream', amountFen: 60_000_002, signedFen: 60_000_002 });
  });

  it('exactly the agreed volume: nobody pays', () => {
    expect(quantityPayment(quantity, '300000000')).toMatchObject({ payer: null, payee: null, amountFen: 0, signedFen: 0 });
  });
});

describe('gepAdjustment', () => {
  it('1 % of a 12 345 678 950 fen gain = 123 456 789.5 → 123 456 790: the downstream party pays', () => {
    expect(gepAdjustment({ share: '0.01', maxFen: 200_000_000 }, { previousFen: 1_000_000_000_000, currentFen: 1_012_345_678_950 }))
      .toMatchObject({ payer: 'downstream', amountFen: 123_456_790, signedFen: 123_456_790, basis: { changeFen: 12_345_678_950, uncappedFen: 123_456_790, capped: false } });
  });

  it('a loss makes the upstream party pay, at most the limit', () => {
    expect(gepAdjustment({ share: '0.01', maxFen: 100_000_000 }, { previousFen: 1_012_345_678_950, currentFen: 1_000_000_000_000 }))
      .toMatchObject({ payer: 'upstream', amountFen: 100_000_000, signedFen: -100_000_000, basis: { uncappedFen: -123_456_790, capped: true } });
  });
});

describe('settleCompensation', () => {
  const terms: CompensationTerms = { contributions: { upstreamFen: 500_000_000, downstreamFen: 500_000_000 }, waterQuality: quality, waterQuantity: quantity, gepAdjustment: { share: '0.01', maxFen: 200_000_000 } };
  const monitoring = { pollutantMeans: clean, deliveredM3: '287654321.5', upstreamRegulatingGep: { previousFen: 1_000_000_000_000, currentFen: 1_012_345_678_950 } };

  it('nets the lines: 300 000 000 − 123 456 785 + 123 456 790 = 300 000 005 fen from downstream to upstream', () => {
    const s = settleCompensation(terms, monitoring);
    expect(s.lines.map((l) => [l.code, l.signedFen])).toEqual([['water_quality', 300_000_000], ['water_quantity', -123_456_785], ['gep_adjustment', 123_456_790]]);
    expect(s).toMatchObject({ netSignedFen: 300_000_005, payer: 'downstream', payee: 'upstream', amountFen: 300_000_005 });
    expect(s.qualityIndex?.index).toBe('0.7438');
  });

  it('never takes more from the payer than its contribution to the pool', () => {
    const s = settleCompensation({ ...terms, contributions: { upstreamFen: 500_000_000, downstreamFen: 250_000_000 } }, monitoring);
    expect(s.amountFen).toBe(250_000_000);
    expect(s.lines.at(-1)).toEqual({ code: 'pool_cap', payer: null, payee: null, amountFen: 50_000_005, signedFen: -50_000_005, basis: { netFen: 300_000_005, payerContributionFen: 250_000_000 } });
  });

  it('a polluted period with a shortfall: the upstream party pays 300 000 000 + 123 456 785 = 423 456 785 fen', () => {
    const s = settleCompensation({ ...terms, gepAdjustment: undefined }, { ...monitoring, pollutantMeans: polluted });
    expect(s).toMatchObject({ netSignedFen: -423_456_785, payer: 'upstream', payee: 'downstream', amountFen: 423_456_785 });
  });

  it('asks for the monitoring data the agreement assesses', () => {
    expect(() => settleCompensation(terms, { deliveredM3: '1' })).toThrow(new CompensationInputError('the agreement assesses water quality: pollutant means are needed', 'pollutantMeans'));
  });
});

describe('validateCompensationTerms', () => {
  it('accepts the example terms', () => {
    expect(validateCompensationTerms({ contributions: { upstreamFen: 1, downstreamFen: 1 }, waterQuality: quality, waterQuantity: quantity })).toBeDefined();
  });

  it('refuses a schedule where the upstream party pays for P ≤ 1', () => {
    const wrong = { ...quality, schedule: [{ upToIndex: '1', payer: 'upstream', amountFen: 1 }, { upToIndex: null, payer: 'upstream', amountFen: 1 }] };
    expect(() => validateCompensationTerms({ contributions: { upstreamFen: 1, downstreamFen: 1 }, waterQuality: wrong }))
      .toThrow(new CompensationInputError('for P ≤ 1 the downstream party pays', 'waterQuality.schedule[0].payer'));
  });

  it('refuses terms without any assessment and unknown fields', () => {
    expect(() => validateCompensationTerms({ contributions: { upstreamFen: 1, downstreamFen: 1 } })).toThrow(CompensationInputError);
    expect(() => validateCompensationTerms({ contributions: { upstreamFen: 1, downstreamFen: 1 }, waterQuantity: quantity, bonus: 1 })).toThrow(CompensationInputError);
  });
});

describe('pilotBasins', () => {
  it('holds the six pilot basins with their upstream and downstream regions', () => {
    expect(pilotBasins.basins.map((b) => `${b.code}: ${b.upstream.regionZh} → ${b.downstream.regionZh}`)).toEqual([
      'baiyang_buke: 塔城地区 → 克拉玛依市', 'kaidu_kongque_bosten: 和静县 → 库尔勒市', 'ebinur: 温泉县 → 精河县',
      'tarim: 阿克苏地区 → 巴音郭楞蒙古自治州', 'kashgar: 克孜勒苏柯尔克孜自治州 → 喀什地区', 'hotan: 和田地区 → 阿克苏地区',
    ]);
  });
});
