// A bank's portfolio stress test: its pledged assets, valued from today's prices, under the
// configuration's built-in scenarios (drought, carbon price fall, forest fire, permit not renewed).
import { stressPortfolio, validateValuationRequest, type Pledge, type StressResult } from '@eco/scoring';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { PriceService } from '../prices/price-service.js';
import { AppError, notFound } from '../errors/index.js';
import type { Principal } from '../identity/principal.js';
import type { Clock } from '../clock.js';
import { withEngineErrors } from './engine-errors.js';
import { requestFromAsset } from './request-from-asset.js';
import type { ValuationConfigService } from './valuation-config-service.js';

export interface PortfolioStress extends StressResult {
  valuationDate: string;
  assets: { id: string; name: string; assetType: string; loanId: string; certificateNumber: string }[];
}

export class StressService {
  constructor(private readonly deps: { assets: AssetRepository; prices: PriceService; configs: ValuationConfigService; clock: Clock }) {}

  async forBank(principal: Principal, scenarioId?: string): Promise<PortfolioStress> {
    if (!principal.institutionId) throw new AppError('FORBIDDEN', 'a stress test covers a bank’s own collateral');
    const { config } = await this.deps.configs.current();
    const scenarios = scenarioId ? config.stressScenarios.filter((s) => s.id === scenarioId) : config.stressScenarios;
    if (scenarios.length === 0) throw notFound(`stress scenario ${scenarioId}`);
    const valuationDate = this.deps.clock.now().toISOString().slice(0, 10);
    // Product orders (issue 14) carry no ecological stress of the engine's scenarios: they are left out.
    const assets = (await this.deps.assets.listPledgedTo(principal.institutionId)).filter((a) => a.assetType !== 'product_order');
    const pledges: Pledge[] = [];
    for (const asset of assets) {
      const { request } = await requestFromAsset(asset, valuationDate, this.deps.prices);
      pledges.push({ id: asset.id, asset: withEngineErrors(() => validateValuationRequest(request)), outstandingLoanFen: asset.pledgedLoan?.outstandingFen ?? 0 });
    }
    const result = withEngineErrors(() => stressPortfolio(pledges, scenarios, config));
    return {
      ...result, valuationDate,
      assets: assets.map((a) => ({ id: a.id, name: a.name, assetType: a.assetType, loanId: a.encumbrance.loanId ?? '', certificateNumber: a.certificateNumber })),
    };
  }
}
