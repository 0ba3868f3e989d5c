import { CompensationInputError } from './compensation-input-error.js';
import { gepAdjustment } from './gep-adjustment.js';
import { qualityPayment } from './quality-payment.js';
import { quantityPayment } from './quantity-payment.js';
import type { CompensationMonitoring, CompensationTerms, Settlement, SettlementLine } from './types.js';

/**
 * One period's settlement, line by line: water quality (schedule by P), water quantity (shortfall or
 * surplus), the optional GEP adjustment, then the net between the parties; the payer never pays more
 * than its contribution to the pool (a 'pool_cap' line shows the cut).
 */
export function settleCompensation(terms: CompensationTerms, monitoring: CompensationMonitoring): Settlement {
  const lines: SettlementLine[] = [];
  let qualityIndex = null;
  if (terms.waterQuality) {
    if (!monitoring.pollutantMeans) throw new CompensationInputError('the agreement assesses water quality: pollutant means are needed', 'pollutantMeans');
    const q = qualityPayment(terms.waterQuality, monitoring.pollutantMeans);
    qualityIndex = q.index;
    lines.push(q.line);
  }
  if (terms.waterQuantity) {
    if (monitoring.deliveredM3 === undefined) throw new CompensationInputError('the agreement assesses water quantity: the delivered volume is needed', 'deliveredM3');
    lines.push(quantityPayment(terms.waterQuantity, monitoring.deliveredM3));
  }
  if (terms.gepAdjustment) {
    if (!monitoring.upstreamRegulatingGep) throw new CompensationInputError('the agreement adjusts by GEP: the upstream regulating-service GEP of both years is needed', 'upstreamRegulatingGep');
    lines.push(gepAdjustment(terms.gepAdjustment, monitoring.upstreamRegulatingGep));
  }
  const netSignedFen = lines.reduce((sum, l) => sum + l.signedFen, 0);
  const payer = netSignedFen > 0 ? 'downstream' : netSignedFen < 0 ? 'upstream' : null;
  const net = Math.abs(netSignedFen);
  const poolFen = payer === 'downstream' ? terms.contributions.downstreamFen : payer === 'upstream' ? terms.contributions.upstreamFen : 0;
  const amountFen = Math.min(net, poolFen);
  if (amountFen < net) {
    const cut = net - amountFen;
    lines.push({ code: 'pool_cap', payer: null, payee: null, amountFen: cut, signedFen: payer === 'downstream' ? -cut : cut, basis: { netFen: net, payerContributionFen: poolFen } });
  }
  return { qualityIndex, lines, netSignedFen, payer: amountFen === 0 ? null : payer, payee: amountFen === 0 ? null : payer === 'downstream' ? 'upstream' : 'downstream', amountFen };
}
