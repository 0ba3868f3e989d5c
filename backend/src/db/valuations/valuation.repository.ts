import type { Connection } from 'mongoose';
import type { ValuationRequest, ValuationResult } from '@eco/scoring';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { valuationModel } from './valuation.schema.js';

export type ValuationPurpose = 'preliminary' | 'lending' | 'revaluation';

export interface PriceSource {
  reference: string;
  date: string;
  priceFen: number;
  unit: string;
  source: string;
  /** What the price fed: e.g. pricePerM3Fen, spotPriceFenPerT, avg20dPriceFenPerT (20 observations). */
  role: string;
}

export interface Valuation {
  id: string;
  assetId: string;
  subjectId: string;
  institutionId: string | null;
  purpose: ValuationPurpose;
  requestedBy: { userId: string; username: string };
  request: ValuationRequest;
  result: ValuationResult;
  priceSources: PriceSource[];
  configVersion: string;
  /** Every configuration a valuation outside the engine used, by name (a product order: productOrder and valuation). */
  configVersions?: Record<string, string>;
  engineVersion: string;
  valuationDate: string;
  valueFen: number;
  lendingValueFen: number;
  maxLoanFen: number;
  previousValuationId: string | null;
  changeFen: number | null;
  idempotencyKey: string;
  valuedAt: Date;
}

export type NewValuation = Omit<Valuation, 'id'>;

function toValuation(doc: unknown): Valuation {
  const { requestJson, resultJson, ...rest } = withId(doc as { _id: unknown; requestJson: string; resultJson: string });
  return { ...(rest as unknown as Omit<Valuation, 'request' | 'result'>), request: JSON.parse(requestJson) as ValuationRequest, result: JSON.parse(resultJson) as ValuationResult };
}

/** Stored request and result as JSON text: what is read back is exactly what the engine saw and answered. */
export interface StoredValuationText {
  requestJson: string;
  resultJson: string;
}

export class ValuationRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = valuationModel(connection);
  }

  /** Inserts once per idempotency key; a repeat returns the valuation already stored under that key. */
  async insertOnce(data: NewValuation): Promise<{ valuation: Valuation; created: boolean }> {
    const { request, result, ...rest } = data;
    try {
      const doc = await this.model.create({ ...rest, requestJson: JSON.stringify(request), resultJson: JSON.stringify(result) });
      return { valuation: toValuation(doc.toObject()), created: true };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const existing = await this.model.findOne({ idempotencyKey: data.idempotencyKey }).lean();
      return { valuation: toValuation(existing), created: false };
    }
  }

  /** Internal lookup by id; the domain decides who may see it through the asset. */
  async findById(id: string): Promise<Valuation | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findById(objectId(id)).lean();
    return doc ? toValuation(doc) : undefined;
  }

  async findText(id: string): Promise<StoredValuationText | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findById(objectId(id), { requestJson: 1, resultJson: 1 }).lean();
    return doc ? { requestJson: doc.requestJson, resultJson: doc.resultJson } : undefined;
  }

  async latestOf(assetId: string): Promise<Valuation | undefined> {
    const doc = await this.model.findOne({ assetId }).sort({ valuedAt: -1, _id: -1 }).lean();
    return doc ? toValuation(doc) : undefined;
  }

  /** An asset's history, newest first; a bank's view is limited to owner estimates and its own valuations. */
  async history(assetId: string, visibleTo: { institutionId: string } | 'all', limit = 100): Promise<Valuation[]> {
    const query: Record<string, unknown> = { assetId };
    if (visibleTo !== 'all') query['institutionId'] = { $in: [null, visibleTo.institutionId] };
    const docs = await this.model.find(query).sort({ valuedAt: -1, _id: -1 }).limit(limit).lean();
    return docs.map(toValuation);
  }
}
