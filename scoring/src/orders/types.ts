// Product-order pledges (产品订单质押, issue 14): a confirmed purchase order or receivable for
// ecological products valued as a discounted, diluted receivable. Amounts in integer fen, rates
// as decimals per year, dates ISO YYYY-MM-DD.

/** Versioned configuration (scoring/config/product-order-config.json, schema schemas/securitisation/product-order-config.schema.json). */
export interface ProductOrderConfig {
  version: string;
  effectiveFrom: string;
  currency: 'CNY';
  rounding: 'half-even';
  /** Expected shortfall in quality/quantity, decimal of the order amount. */
  dilutionRate: number;
  /** Annual discount rate, decimal per year; simple discount over actual days / 365. */
  discountRate: number;
  /** Buyer-credit factor by the buyer's ecological-credit grade (buyer on the platform). */
  buyerCreditFactors: Record<string, number>;
  /** Factor for a buyer that is not on the platform or has no grade. */
  ungradedBuyerFactor: number;
  haircuts: { market: number; liquidity: number; legal: number; physical: number };
  pledgeRate: number;
  /** LTV = outstanding loan / value; above this the pledge breaches (margin call). */
  ltvThreshold: number;
  /** Days after the payment date the loan may still run. */
  graceDays: number;
  /** Sensitivities that make the low–high range: discount rate ± points, dilution ± points. */
  sensitivity: { discountRatePoints: number; dilutionPoints: number };
  source?: string;
}

export interface ProductOrderValuationInput {
  amountFen: number;
  valuationDate: string;
  paymentDate: string;
  /** The buyer's current grade when the buyer is a graded subject on the platform, else null. */
  buyerGrade: string | null;
  /** Overrides of the configured defaults (recorded as from the request). */
  dilutionRate?: number;
  discountRate?: number;
}

export interface OrderInputRecord {
  value: number | string | null;
  unit: string;
  source: 'request' | 'configuration';
  configPath?: string;
}

export interface ProductOrderValuation {
  method: 'product_order.discounted_receivable';
  methodDescription: string;
  valueFen: number;
  range: { lowFen: number; highFen: number };
  daysToPayment: number;
  buyerCreditFactor: number;
  haircut: { market: number; liquidity: number; legal: number; physical: number; total: number };
  lendingValueFen: number;
  pledgeRate: number;
  maxLoanFen: number;
  /** The latest date a loan secured by this order may end: payment date + grace days. */
  latestLoanEndDate: string;
  inputs: Record<string, OrderInputRecord>;
  configVersion: string;
  rounding: 'half-even';
  warnings: { code: string; message: string }[];
}
