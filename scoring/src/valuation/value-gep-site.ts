import { exact, exactAdd, exactFromDecimal, exactMultiply, type Exact } from '../money/index.js';
import { requestInput } from './request-input.js';
import type { GepSiteRequest, MethodValuation, ValuationConfig, ValuationWarning } from './types.js';

const DESCRIPTION =
  'GEP accounting: V = Σ physical quantity × unit price over the listed ecosystem services (provisioning, ' +
  'regulating, cultural). An accounting value of ecological potential, not a cash flow: it is lent against ' +
  'only when backed by a cash flow, and then only up to the configured share.';

/** GEP site (生态产品总值): accounting value of ecosystem services; never lent against alone. */
export function valueGepSite(request: GepSiteRequest, config: ValuationConfig): MethodValuation {
  const backed = request.cashFlowBacked ?? false;
  const capShare = config.assetTypes.gep_site.cashFlowCapShare;
  const services = request.services.map((s) => ({ quantity: exactFromDecimal(s.quantity), price: exactFromDecimal(s.unitPriceFen) }));
  const warnings: ValuationWarning[] = [];
  if (!backed) {
    warnings.push({
      code: 'GEP_NOT_CASH_FLOW_BACKED',
      message: 'GEP is an accounting value; without a cash-flow-backed repayment source its lending value is 0',
      field: 'cashFlowBacked',
    });
  }
  return {
    method: 'gep_site.service_accounting',
    methodReason: 'a GEP site is valued by ecosystem-service accounting (quantity × unit price)',
    methodDescription: DESCRIPTION,
    valueType: 'accounting',
    inputs: {
      services: requestInput(request.services, 'list of {quantity in its unit, fen per unit}'),
      cashFlowBacked: request.cashFlowBacked === undefined ? { value: false, unit: 'boolean', source: 'default' } : requestInput(backed, 'boolean'),
      cashFlowCapShare: { value: capShare, unit: 'share of GEP value (decimal)', source: 'configuration', configPath: 'assetTypes.gep_site.cashFlowCapShare' },
    },
    warnings,
    sensitive: { discountRate: false, price: true, volume: true },
    discountRate: null,
    rightRemainingYears: request.rightRemainingYears ?? null,
    defaultedValueDrivers: [],
    lendingValueCapShare: backed ? exactFromDecimal(capShare) : exact(0n),
    value: (adjustment) =>
      services.reduce<Exact>(
        (total, s) => exactAdd(total, exactMultiply(s.quantity, adjustment.volumeFactor, s.price, adjustment.priceFactor)),
        exact(0n),
      ),
  };
}
