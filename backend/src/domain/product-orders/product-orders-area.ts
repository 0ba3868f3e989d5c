// Wiring of product-order pledges (issue 14), called from platform.ts: registers the product-order
// valuer with the valuation service and builds the confirmation / payment service.
import { defaultProductOrderConfig } from '@eco/scoring';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import type { ValuationService } from '../valuations/valuation-service.js';
import { ProductOrderService, type ReleasePort, type RepaymentPort } from './product-order-service.js';
import { ProductOrderValuer, type GradeSource } from './product-order-valuer.js';

export interface ProductOrdersWiring {
  clock: Clock;
  audit: AuditTrail;
  documents: DocumentService;
  assets: AssetRepository;
  encumbrance: ReleasePort;
  valuations: ValuationService;
  snapshots: GradeSource;
  loans: unknown;
  loanServicing: RepaymentPort;
}

export function productOrdersArea(w: ProductOrdersWiring) {
  w.valuations.registerValuer('product_order', new ProductOrderValuer({ grades: w.snapshots, config: defaultProductOrderConfig, valuationConfigs: { current: () => w.valuations.configInForce() } }));
  const productOrders = new ProductOrderService({ assets: w.assets, documents: w.documents, loans: w.loanServicing, encumbrance: w.encumbrance, audit: w.audit, clock: w.clock });
  return { productOrders };
}
