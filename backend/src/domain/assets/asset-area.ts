// Wiring of the ecological-asset area (registry, prices, valuations, revaluation, alerts), called
// from platform.ts so the shared wiring file stays one line per area.
import type { Connection } from 'mongoose';
import { AlertRepository } from '../../db/alerts/alert.repository.js';
import { AssetRepository } from '../../db/assets/asset.repository.js';
import { PriceRepository } from '../../db/prices/price.repository.js';
import { ValuationConfigRepository } from '../../db/valuation-configs/valuation-config.repository.js';
import { ValuationRepository } from '../../db/valuations/valuation.repository.js';
import type { BankRelationships } from '../access/bank-relationships.js';
import { AlertService } from '../alerts/alert-service.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { PriceService } from '../prices/price-service.js';
import { RevaluationService } from '../valuations/revaluation-service.js';
import { StressService } from '../valuations/stress-service.js';
import { ValuationConfigService } from '../valuations/valuation-config-service.js';
import { ValuationService } from '../valuations/valuation-service.js';
import { AssetEncumbrance } from './asset-encumbrance.js';
import { AssetService } from './asset-service.js';
import { AssetVisibility } from './asset-visibility.js';

export function assetRepositories(connection: Connection) {
  return {
    assets: new AssetRepository(connection),
    prices: new PriceRepository(connection),
    valuations: new ValuationRepository(connection),
    valuationConfigs: new ValuationConfigRepository(connection),
    alerts: new AlertRepository(connection),
  };
}

export function assetServices(
  repositories: ReturnType<typeof assetRepositories>,
  shared: { audit: AuditTrail; clock: Clock; documents: DocumentService; bankRelationships: BankRelationships },
) {
  const { audit, clock } = shared;
  const visibility = new AssetVisibility({ assets: repositories.assets, bankRelationships: shared.bankRelationships });
  const prices = new PriceService({ prices: repositories.prices, audit, clock });
  const valuationConfigs = new ValuationConfigService({ configs: repositories.valuationConfigs, audit, clock });
  const valuations = new ValuationService({ assets: repositories.assets, valuations: repositories.valuations, visibility, prices, configs: valuationConfigs, audit, clock });
  const alerts = new AlertService({ alerts: repositories.alerts, audit, clock });
  return {
    assets: new AssetService({ assets: repositories.assets, visibility, documents: shared.documents, audit, clock }),
    /** The loan workflow's handle on pledges: pledge, release, freeze, unfreeze, updateLoanExposure. */
    assetEncumbrance: new AssetEncumbrance({ assets: repositories.assets, audit, clock }),
    prices,
    valuationConfigs,
    valuations,
    alerts,
    revaluation: new RevaluationService({ assets: repositories.assets, valuations, configs: valuationConfigs, prices, alerts, clock }),
    stress: new StressService({ assets: repositories.assets, prices, configs: valuationConfigs, clock }),
  };
}
