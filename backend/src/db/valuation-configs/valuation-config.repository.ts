import type { Connection } from 'mongoose';
import type { ValuationConfig } from '@eco/scoring';
import { isDuplicateKey } from '../plain.js';
import { valuationConfigModel } from './valuation-config.schema.js';

export interface RevaluationPolicy {
  /** Relative price move (decimal) that triggers revaluation of the assets priced by that reference. */
  priceMoveThreshold: number;
}

export interface StoredValuationConfig {
  version: string;
  config: ValuationConfig;
  revaluation: RevaluationPolicy;
  createdBy: string;
  createdAt: Date;
}

interface ConfigDoc {
  version: string;
  configJson: string;
  revaluation?: RevaluationPolicy | null;
  createdBy: string;
  createdAt: Date;
}

const policyOf = (doc: Pick<ConfigDoc, 'revaluation'>): RevaluationPolicy => ({ priceMoveThreshold: doc.revaluation!.priceMoveThreshold });

function toStored(doc: ConfigDoc): StoredValuationConfig {
  return {
    version: doc.version,
    config: JSON.parse(doc.configJson) as ValuationConfig,
    revaluation: policyOf(doc),
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
  };
}

/** Configuration versions are platform data (not tenant data). */
export class ValuationConfigRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = valuationConfigModel(connection);
  }

  /** Stores a new version; returns false when the version already exists. */
  async insert(data: Omit<StoredValuationConfig, 'config'> & { config: ValuationConfig }): Promise<boolean> {
    try {
      await this.model.create({ ...data, configJson: JSON.stringify(data.config) });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async findVersion(version: string): Promise<StoredValuationConfig | undefined> {
    const doc = await this.model.findOne({ version }).lean();
    return doc ? toStored(doc) : undefined;
  }

  async newest(): Promise<StoredValuationConfig | undefined> {
    const doc = await this.model.findOne({}).sort({ createdAt: -1, _id: -1 }).lean();
    return doc ? toStored(doc) : undefined;
  }

  async list(): Promise<Omit<StoredValuationConfig, 'config'>[]> {
    const docs = await this.model.find({}, { configJson: 0 }).sort({ createdAt: -1, _id: -1 }).lean();
    return docs.map((doc) => ({ version: doc.version, revaluation: policyOf(doc), createdBy: doc.createdBy, createdAt: doc.createdAt }));
  }
}
