// Product orders (产品订单, issue 14) valued by the scoring library's valueProductOrder, through the
// valuation service (stored, audited and reproducible like every valuation): the unpaid amount,
// diluted, discounted from the payment date, times the buyer-credit factor of the buyer's grade
// when the buyer is a graded subject on the platform. The loan term limit is the payment date plus
// the grace days, in whole months from the valuation date.
import { valueProductOrder, type ProductOrderConfig, type ProductOrderValuation, type ValuationResult } from '@eco/scoring';
import type { Asset } from '../../db/assets/asset.types.js';
import { AppError } from '../errors/index.js';
import type { SpecialValuer } from '../valuations/valuation-service.js';

export interface GradeSource {
  find(subjectId: string): Promise<{ grade: string | null } | undefined>;
}

/** Whole months from one ISO date to another (0 when the second is earlier). */
export function wholeMonthsBetweenIso(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

export interface OrderValuationRequest {
  assetType: 'product_order';
  assetId: string;
  valuationDate: string;
  amountFen: number;
  paidFen: number;
  paymentDate: string;
  buyerGrade: string | null;
}

export function orderResult(request: OrderValuationRequest, config: ProductOrderConfig): ValuationResult {
  const unpaid = request.amountFen - request.paidFen;
  if (unpaid <= 0) throw new AppError('PRODUCT_ORDER_INVALID_STEP', 'the order is settled: nothing is left to value');
  const v: ProductOrderValuation = valueProductOrder({ amountFen: unpaid, valuationDate: request.valuationDate, paymentDate: request.paymentDate, buyerGrade: request.buyerGrade }, config);
  const months = wholeMonthsBetweenIso(request.valuationDate, v.latestLoanEndDate);
  const sens = config.sensitivity;
  const result = {
    assetType: 'product_order',
    assetId: request.assetId,
    valuationDate: request.valuationDate,
    method: v.method,
    methodReason: 'a confirmed order is a receivable: the amount the buyer still owes, diluted for shortfalls and discounted to its payment date',
    methodDescription: v.methodDescription,
    valueType: 'market',
    valueFen: v.valueFen,
    range: {
      lowFen: v.range.lowFen, highFen: v.range.highFen, basis: `dilution ± ${sens.dilutionPoints}, discount rate ± ${sens.discountRatePoints}`,
      low: { discountRate: config.discountRate + sens.discountRatePoints, priceFactor: 1, volumeFactor: 1 },
      high: { discountRate: Math.max(0, config.discountRate - sens.discountRatePoints), priceFactor: 1, volumeFactor: 1 },
    },
    confidence: request.buyerGrade !== null
      ? { grade: 'medium', reasons: [`the buyer is graded ${request.buyerGrade} on the platform`] }
      : { grade: 'low', reasons: ['the buyer has no grade on the platform'] },
    haircut: v.haircut,
    lendingValueFen: v.lendingValueFen,
    pledgeRate: v.pledgeRate,
    maxLoanFen: months === 0 ? 0 : v.maxLoanFen,
    maxTermYears: months / 12,
    inputs: {
      ...Object.fromEntries(Object.entries(v.inputs).map(([k, r]) => [k, r])),
      paidFen: { value: request.paidFen, unit: 'fen', source: 'request', note: 'buyer payments already recorded' },
      latestLoanEndDate: { value: v.latestLoanEndDate, unit: 'date', source: 'configuration', configPath: 'graceDays', note: 'payment date + grace days' },
      daysToPayment: { value: v.daysToPayment, unit: 'days', source: 'request' },
      buyerCreditFactor: { value: v.buyerCreditFactor, unit: 'factor', source: 'configuration', configPath: 'buyerCreditFactors' },
    },
    configVersion: v.configVersion,
    rounding: v.rounding,
    warnings: [...v.warnings, ...(months === 0 ? [{ code: 'NO_LOAN_TERM_LEFT', message: `the order's payment date + grace (${v.latestLoanEndDate}) is less than a month away: no loan can be made against it`, field: 'paymentDate' }] : [])],
  };
  return result as unknown as ValuationResult;
}

/** The valuation configuration in force (its version is recorded with every order valuation). */
export interface ValuationConfigSource {
  current(): Promise<{ version: string; config: { rounding: string } }>;
}

/**
 * Values product orders. Each valuation records both configuration versions it ran under: the
 * product-order configuration (dilution, discount, buyer factors, haircuts, pledge rate, grace) and
 * the valuation configuration in force (the platform's valuation rules: rounding, the range and
 * confidence conventions every valuation follows), on the valuation and in its stored request.
 */
export class ProductOrderValuer implements SpecialValuer {
  constructor(private readonly deps: { grades: GradeSource; config: ProductOrderConfig; valuationConfigs: ValuationConfigSource }) {}

  async value(asset: Asset, valuationDate: string): Promise<{ request: Record<string, unknown>; result: ValuationResult; configVersion: string; configVersions: Record<string, string> }> {
    const d = asset.details as { amountFen: number; paymentDate: string; buyerSubjectId?: string };
    const grade = d.buyerSubjectId ? ((await this.deps.grades.find(d.buyerSubjectId))?.grade ?? null) : null;
    const paidFen = (asset.orderPayments ?? []).reduce((s, p) => s + p.amountFen, 0);
    const valuationConfig = await this.deps.valuationConfigs.current();
    if (valuationConfig.config.rounding !== this.deps.config.rounding) {
      throw new AppError('PRODUCT_ORDER_INVALID_STEP', `the valuation configuration ${valuationConfig.version} rounds ${valuationConfig.config.rounding}, the product-order configuration ${this.deps.config.version} ${this.deps.config.rounding}: they must agree`);
    }
    const configVersions = { productOrder: this.deps.config.version, valuation: valuationConfig.version };
    const request: OrderValuationRequest = { assetType: 'product_order', assetId: asset.id, valuationDate, amountFen: d.amountFen, paidFen, paymentDate: d.paymentDate, buyerGrade: grade };
    return { request: { ...request, configVersions }, result: orderResult(request, this.deps.config), configVersion: this.deps.config.version, configVersions };
  }

  /** Runs a stored request again; it must have been valued under this product-order configuration version. */
  reproduce(request: Record<string, unknown>): ValuationResult {
    const recorded = (request['configVersions'] as Record<string, string> | undefined)?.['productOrder'];
    if (recorded !== undefined && recorded !== this.deps.config.version) {
      throw new AppError('PRODUCT_ORDER_INVALID_STEP', `the valuation used product-order configuration ${recorded}; only ${this.deps.config.version} is available`);
    }
    const { configVersions: _versions, ...order } = request;
    return orderResult(order as unknown as OrderValuationRequest, this.deps.config);
  }
}
