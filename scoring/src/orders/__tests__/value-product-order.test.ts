import { defaultProductOrderConfig } from '../default-product-order-config.js';
import { OrderInputError } from '../order-input-error.js';
import { validateProductOrderConfig } from '../validate-product-order-config.js';
import { valueProductOrder } from '../value-product-order.js';

const config = defaultProductOrderConfig;

describe('valueProductOrder', () => {
  it('values a 10 000 yuan walnut order paid in 100 days by a blue-graded buyer: 931 000 × 365 / 369.5 = 919 661.705 → 919 662 fen', () => {
    // amount × (1 − 0.05) × 0.98 = 931 000 fen; discount 1 + 0.045 × 100/365 = 369.5/365.
    const result = valueProductOrder({ amountFen: 1_000_000, valuationDate: '2026-01-01', paymentDate: '2026-04-11', buyerGrade: 'blue' }, config);
    expect(result).toMatchObject({
      method: 'product_order.discounted_receivable',
      valueFen: 919_662,
      daysToPayment: 100,
      buyerCreditFactor: 0.98,
      // low: dilution 0.10, rate 0.06 → 882 000 × 365/371 = 867 735.85; high: dilution 0, rate 0.03 → 980 000 × 365/368 = 972 010.87
      range: { lowFen: 867_736, highFen: 972_011 },
      haircut: { market: 0.05, liquidity: 0.05, legal: 0.05, physical: 0.05, total: 0.2 },
      // lending = exact value × 0.8 = 735 729.36; max loan = × 0.7 = 515 010.55 (each from the exact value)
      lendingValueFen: 735_729,
      pledgeRate: 0.7,
      maxLoanFen: 515_011,
      latestLoanEndDate: '2026-07-10',
      configVersion: config.version,
      warnings: [],
    });
    expect(result.inputs['dilutionRate']).toEqual({ value: 0.05, unit: 'decimal', source: 'configuration', configPath: 'dilutionRate' });
  });

  it('values an order already due from a buyer off the platform undiscounted with the ungraded factor 0.9, and says so', () => {
    const result = valueProductOrder({ amountFen: 1_000_000, valuationDate: '2026-05-01', paymentDate: '2026-04-11', buyerGrade: null }, config);
    expect(result).toMatchObject({ valueFen: 855_000, daysToPayment: 0, buyerCreditFactor: 0.9, lendingValueFen: 684_000, maxLoanFen: 478_800 });
    expect(result.warnings.map((w) => w.code)).toEqual(['PAYMENT_DATE_PASSED', 'BUYER_UNGRADED']);
  });

  it('treats a grade the configuration does not know as ungraded', () => {
    const result = valueProductOrder({ amountFen: 1_000_000, valuationDate: '2026-04-11', paymentDate: '2026-04-11', buyerGrade: 'Z' }, config);
    expect(result.valueFen).toBe(855_000);
  });

  it('takes the dilution and discount rate from the request when given, and records them as from the request', () => {
    // 2 000 000 × (1 − 0.2) × 1 / (1 + 0.073 × 50/365) = 1 600 000 / 1.01 = 1 584 158.42 → 1 584 158
    const result = valueProductOrder({ amountFen: 2_000_000, valuationDate: '2026-01-01', paymentDate: '2026-02-20', buyerGrade: 'green', dilutionRate: 0.2, discountRate: 0.073 }, config);
    expect(result.valueFen).toBe(1_584_158);
    expect(result.inputs['discountRate']).toEqual({ value: 0.073, unit: 'decimal per year', source: 'request' });
  });

  it('rounds an exact half-fen to the even fen: 1 fen × 0.5 dilution undiscounted is 0.5 → 0', () => {
    const result = valueProductOrder({ amountFen: 1, valuationDate: '2026-01-01', paymentDate: '2026-01-01', buyerGrade: 'green', dilutionRate: 0.5 }, config);
    expect(result.valueFen).toBe(0);
    expect(valueProductOrder({ amountFen: 3, valuationDate: '2026-01-01', paymentDate: '2026-01-01', buyerGrade: 'green', dilutionRate: 0.5 }, config).valueFen).toBe(2);
  });

  it('refuses a non-positive amount, a malformed date and a dilution above 1, naming the field', () => {
    expect(() => valueProductOrder({ amountFen: 0, valuationDate: '2026-01-01', paymentDate: '2026-02-01', buyerGrade: null }, config)).toThrow(OrderInputError);
    expect(() => valueProductOrder({ amountFen: 10, valuationDate: '2026-1-1', paymentDate: '2026-02-01', buyerGrade: null }, config)).toThrow(expect.objectContaining({ field: 'valuationDate' }));
    expect(() => valueProductOrder({ amountFen: 10, valuationDate: '2026-01-01', paymentDate: '2026-02-01', buyerGrade: null, dilutionRate: 1.5 }, config)).toThrow(expect.objectContaining({ field: 'dilutionRate' }));
  });
});

describe('validateProductOrderConfig', () => {
  it('accepts the shipped configuration and refuses a pledge rate of 0', () => {
    expect(validateProductOrderConfig(structuredClone(config)).version).toBe(config.version);
    expect(() => validateProductOrderConfig({ ...config, pledgeRate: 0 })).toThrow(expect.objectContaining({ field: 'pledgeRate' }));
  });
});
