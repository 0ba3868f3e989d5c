// Valuations of registered assets: the request is built from the asset record, the latest market
// prices and the configuration in force; the engine's result is stored once, with everything needed
// to run it again (request, configuration version, engine version).
import { randomUUID } from 'node:crypto';
import { validateValuationRequest, valueAsset, type ValuationRequest, type ValuationResult } from '@eco/scoring';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset } from '../../db/assets/asset.types.js';
import type { Valuation, ValuationPurpose, ValuationRepository } from '../../db/valuations/valuation.repository.js';
import type { AssetVisibility } from '../assets/asset-visibility.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import type { PriceService } from '../prices/price-service.js';
import { withEngineErrors } from './engine-errors.js';
import { engineVersion } from './engine-version.js';
import { requestFromAsset } from './request-from-asset.js';
import type { ValuationConfigService } from './valuation-config-service.js';

export interface ValuationOptions {
  purpose: ValuationPurpose;
  institutionId: string | null;
  requestedBy: { userId: string; username: string };
  idempotencyKey: string;
  valuationDate: string;
}

export interface HistoryEntry extends Omit<Valuation, 'request' | 'result' | 'changeFen'> {
  method: string;
  confidence: string;
  /** Change against the previous valuation in this list (null for the first). */
  changeFen: number | null;
}

export interface Reproduction {
  identical: boolean;
  configVersion: string;
  storedEngineVersion: string;
  engineVersion: string;
  result: unknown;
}

/** A valuation method outside the engine (product orders, issue 14), registered by its area. */
export interface SpecialValuer {
  value(asset: Asset, valuationDate: string): Promise<{ request: Record<string, unknown>; result: ValuationResult; configVersion: string; configVersions?: Record<string, string> }>;
  reproduce(request: Record<string, unknown>, configVersion: string): ValuationResult;
}

export class ValuationService {
  private readonly special = new Map<string, SpecialValuer>();

  /** Lets an area value its own asset type (product orders) through this service: stored, audited, reproducible like any other. */
  registerValuer(assetType: string, valuer: SpecialValuer): void {
    this.special.set(assetType, valuer);
  }

  constructor(private readonly deps: {
    assets: AssetRepository;
    valuations: ValuationRepository;
    visibility: AssetVisibility;
    prices: PriceService;
    configs: ValuationConfigService;
    audit: AuditTrail;
    clock: Clock;
  }) {}

  /** The valuation configuration in force (recorded by valuers outside the engine, e.g. product orders). */
  configInForce(): Promise<{ version: string; config: { rounding: string } }> {
    return this.deps.configs.current();
  }

  today(): string {
    return this.deps.clock.now().toISOString().slice(0, 10);
  }

  /** An owner's preliminary estimate, or a bank's lending valuation of a verified asset it may see. */
  async request(actor: Actor & { principal: Principal }, assetId: string, body: { purpose: 'preliminary' | 'lending'; valuationDate?: string }): Promise<Valuation> {
    const { principal } = actor;
    const asset = await this.deps.visibility.visibleAsset(principal, assetId);
    const institutionId = this.checkPurpose(principal, asset, body.purpose);
    const { valuation } = await this.value(asset, {
      purpose: body.purpose, institutionId, requestedBy: { userId: principal.userId, username: principal.username },
      idempotencyKey: `request:${randomUUID()}`, valuationDate: body.valuationDate ?? this.today(),
    });
    await this.deps.audit.append(actor, {
      action: 'valuation.create', entityType: 'valuation', entityId: valuation.id, subjectId: asset.subjectId,
      after: { assetId: asset.id, purpose: body.purpose, valueFen: valuation.valueFen, configVersion: valuation.configVersion, engineVersion },
    });
    return valuation;
  }

  /** Values an asset now and stores the result once per idempotency key (revaluation reruns get the first). */
  async value(asset: Asset, options: ValuationOptions): Promise<{ valuation: Valuation; created: boolean }> {
    const special = this.special.get(asset.assetType);
    const { request, result, priceSources, configVersion, configVersions } = special
      ? { ...(await special.value(asset, options.valuationDate)), priceSources: [] }
      : { ...(await this.engineValuation(asset, options.valuationDate)), configVersions: undefined };
    const previous = await this.deps.valuations.latestOf(asset.id);
    const outcome = await this.deps.valuations.insertOnce({
      assetId: asset.id, subjectId: asset.subjectId, institutionId: options.institutionId, purpose: options.purpose, requestedBy: options.requestedBy,
      request: request as ValuationRequest, result, priceSources, configVersion, ...(configVersions ? { configVersions } : {}), engineVersion, valuationDate: options.valuationDate,
      valueFen: result.valueFen, lendingValueFen: result.lendingValueFen, maxLoanFen: result.maxLoanFen,
      previousValuationId: previous?.id ?? null, changeFen: previous ? result.valueFen - previous.valueFen : null,
      idempotencyKey: options.idempotencyKey, valuedAt: this.deps.clock.now(),
    });
    if (outcome.created) await this.rememberOnAsset(asset, outcome.valuation);
    return outcome;
  }

  private async engineValuation(asset: Asset, valuationDate: string) {
    const stored = await this.deps.configs.current();
    const built = await requestFromAsset(asset, valuationDate, this.deps.prices);
    const request = withEngineErrors(() => validateValuationRequest(built.request));
    const result = withEngineErrors(() => valueAsset(request, stored.config));
    return { request, result, priceSources: built.priceSources, configVersion: stored.version };
  }

  async get(principal: Principal, id: string): Promise<Valuation> {
    const valuation = await this.deps.valuations.findById(id);
    if (!valuation) throw notFound('valuation');
    await this.deps.visibility.visibleAsset(principal, valuation.assetId).catch(() => { throw notFound('valuation'); });
    if (!this.mayReadValuation(principal, valuation)) throw notFound('valuation');
    return valuation;
  }

  /** An asset's valuations, newest first, each with its change against the previous one listed. */
  async history(principal: Principal, assetId: string): Promise<HistoryEntry[]> {
    const asset = await this.deps.visibility.visibleAsset(principal, assetId);
    const bankView = !readsAllTenants(principal) && !principal.subjectId && principal.institutionId;
    const items = await this.deps.valuations.history(asset.id, bankView ? { institutionId: principal.institutionId! } : 'all');
    return items.map(({ request: _request, result, ...rest }, i) => ({
      ...rest, method: result.method, confidence: result.confidence.grade,
      changeFen: items[i + 1] ? rest.valueFen - items[i + 1]!.valueFen : null,
    }));
  }

  /** Runs the stored request again with the stored configuration version; identical means byte-for-byte the same result. */
  async reproduce(principal: Principal, id: string): Promise<Reproduction> {
    const valuation = await this.get(principal, id);
    const text = (await this.deps.valuations.findText(id))!;
    const special = this.special.get(valuation.result.assetType);
    if (special) {
      const result = special.reproduce(JSON.parse(text.requestJson) as Record<string, unknown>, valuation.configVersion);
      return { identical: JSON.stringify(result) === text.resultJson, configVersion: valuation.configVersion, storedEngineVersion: valuation.engineVersion, engineVersion, result };
    }
    const stored = await this.deps.configs.version(valuation.configVersion);
    const result = withEngineErrors(() => valueAsset(validateValuationRequest(JSON.parse(text.requestJson)), stored.config));
    const resultJson = JSON.stringify(result);
    return { identical: resultJson === text.resultJson, configVersion: stored.version, storedEngineVersion: valuation.engineVersion, engineVersion, result };
  }

  private checkPurpose(principal: Principal, asset: Asset, purpose: 'preliminary' | 'lending'): string | null {
    if (purpose === 'preliminary') {
      if (principal.subjectId !== asset.subjectId || !can(principal, 'assets.register')) throw forbidden('assets.register');
      return null;
    }
    if (!can(principal, 'valuations.request') || !principal.institutionId) throw forbidden('valuations.request');
    if (asset.state !== 'verified') {
      throw new AppError('ASSET_NOT_VERIFIED', `the asset is ${asset.state}; only verified assets are valued for lending`, { details: { state: asset.state } });
    }
    return principal.institutionId;
  }

  private mayReadValuation(principal: Principal, valuation: Valuation): boolean {
    if (readsAllTenants(principal) || principal.subjectId === valuation.subjectId) return true;
    return valuation.institutionId === null || valuation.institutionId === principal.institutionId;
  }

  private async rememberOnAsset(asset: Asset, valuation: Valuation): Promise<void> {
    const main = valuation.priceSources[0];
    await this.deps.assets.compareAndSet(asset.id, {}, {
      lastValuation: { valuationId: valuation.id, valueFen: valuation.valueFen, valuedAt: valuation.valuedAt, priceFen: main?.priceFen ?? null, priceDate: main?.date ?? null },
    });
  }
}
