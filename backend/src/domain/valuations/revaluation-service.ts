// Revaluation of pledged assets (carbon daily, other rights yearly, and when a price moves more than
// the configured threshold): each asset is valued once per run (idempotency key run + asset), the
// LTV of its loan recomputed, and a breach raises exactly one alert to the lending bank.
import { defaultProductOrderConfig } from '@eco/scoring';
import type { AssetType } from '@eco/scoring';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset } from '../../db/assets/asset.types.js';
import type { AlertService } from '../alerts/alert-service.js';
import type { Clock } from '../clock.js';
import type { Actor } from '../identity/principal.js';
import type { PriceService } from '../prices/price-service.js';
import type { ValuationConfigService } from './valuation-config-service.js';
import type { ValuationService } from './valuation-service.js';

export const revaluationActor: Actor = { requestId: 'revaluation' };
const requester = { userId: 'system', username: 'revaluation' };

export interface RevaluationRun {
  /** Names the run: a rerun with the same key finds the valuations it already stored. */
  runKey: string;
  assets: Asset[];
}

export interface RevaluationSummary {
  runKey: string;
  revalued: number;
  alertsRaised: number;
  failures: { assetId: string; code: string; message: string }[];
}

export class RevaluationService {
  constructor(private readonly deps: {
    assets: AssetRepository;
    valuations: ValuationService;
    configs: ValuationConfigService;
    prices: PriceService;
    alerts: AlertService;
    clock: Clock;
  }) {}

  /** Daily: every pledged carbon holding. */
  async carbonDaily(onProgress?: (percent: number) => Promise<void>): Promise<RevaluationSummary> {
    const assets = await this.deps.assets.listPledged({ assetTypes: ['carbon'] });
    return this.run({ runKey: `carbon-daily:${this.today()}`, assets }, onProgress);
  }

  /** Yearly: every other pledged right. */
  async yearly(onProgress?: (percent: number) => Promise<void>): Promise<RevaluationSummary> {
    const others: AssetType[] = ['water_right', 'forest_right', 'emission_right', 'land_right', 'gep_site'];
    const assets = await this.deps.assets.listPledged({ assetTypes: others });
    return this.run({ runKey: `yearly:${this.today().slice(0, 4)}`, assets }, onProgress);
  }

  /** Pledged assets whose price has moved more than the threshold since their last valuation. */
  async priceMoves(onProgress?: (percent: number) => Promise<void>): Promise<RevaluationSummary> {
    const { revaluation } = await this.deps.configs.current();
    const moved: Asset[] = [];
    for (const asset of await this.deps.assets.listPledged({})) {
      if (await this.priceMovedFor(asset, revaluation.priceMoveThreshold)) moved.push(asset);
    }
    return this.run({ runKey: `price-move:${this.today()}`, assets: moved }, onProgress);
  }

  async run({ runKey, assets }: RevaluationRun, onProgress?: (percent: number) => Promise<void>): Promise<RevaluationSummary> {
    const summary: RevaluationSummary = { runKey, revalued: 0, alertsRaised: 0, failures: [] };
    for (const [index, asset] of assets.entries()) {
      await this.revalueOne(runKey, asset, summary);
      await onProgress?.(Math.floor(((index + 1) / assets.length) * 100));
    }
    if (assets.length === 0) await onProgress?.(100);
    return summary;
  }

  private async revalueOne(runKey: string, asset: Asset, summary: RevaluationSummary): Promise<void> {
    const loan = asset.pledgedLoan;
    if (!loan) return;
    try {
      const { valuation } = await this.deps.valuations.value(asset, {
        purpose: 'revaluation', institutionId: loan.institutionId, requestedBy: requester, idempotencyKey: `revaluation:${runKey}:${asset.id}`, valuationDate: this.today(),
      });
      summary.revalued++;
      const alert = await this.deps.alerts.evaluate(revaluationActor, {
        institutionId: loan.institutionId, assetId: asset.id, subjectId: asset.subjectId, loanId: loan.loanId, valuationId: valuation.id,
        outstandingFen: loan.outstandingFen, valueFen: valuation.valueFen, ltvThreshold: asset.assetType === 'product_order' ? defaultProductOrderConfig.ltvThreshold : (await this.deps.configs.current()).config.assetTypes[asset.assetType].ltvThreshold,
      });
      if (alert) summary.alertsRaised++;
    } catch (e) {
      const error = e as { code?: string; message: string };
      summary.failures.push({ assetId: asset.id, code: error.code ?? 'INTERNAL', message: error.message });
    }
  }

  private async priceMovedFor(asset: Asset, threshold: number): Promise<boolean> {
    const last = asset.lastValuation;
    if (!asset.priceReference || !last?.priceFen) return false;
    const [latest] = await this.deps.prices.latest(asset.priceReference, this.today()).catch(() => []);
    if (!latest || latest.date === last.priceDate) return false;
    return Math.abs(latest.priceFen - last.priceFen) > last.priceFen * threshold;
  }

  private today(): string {
    return this.deps.clock.now().toISOString().slice(0, 10);
  }
}
