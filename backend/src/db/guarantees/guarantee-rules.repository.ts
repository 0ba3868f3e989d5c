import { Schema, type Connection } from 'mongoose';
import type { GuaranteeRules } from '@eco/scoring';
import { isDuplicateKey } from '../plain.js';

// Versions of the guarantee rules (risk shares, fee caps, capacity, claim timeline, approval tiers);
// never changed once stored. The newest is in force; each guarantee records the version it used.
const rulesSchema = new Schema(
  {
    version: { type: String, required: true },
    /** The rules as canonical JSON (stored whole, read back byte for byte). */
    rulesJson: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'guarantee_rules', versionKey: false },
);
// A version is stored once; a guarantee's steps read the version it records.
rulesSchema.index({ version: 1 }, { unique: true });
// The version in force: the newest.
rulesSchema.index({ createdAt: -1 });

const build = (c: Connection) => c.model('GuaranteeRules', rulesSchema);
const model = (c: Connection): ReturnType<typeof build> => (c.models['GuaranteeRules'] as ReturnType<typeof build> | undefined) ?? build(c);

export interface StoredGuaranteeRules {
  version: string;
  rules: GuaranteeRules;
  createdBy: string;
  createdAt: Date;
}

interface RulesDoc {
  version: string;
  rulesJson: string;
  createdBy: string;
  createdAt: Date;
}

const toStored = (doc: RulesDoc): StoredGuaranteeRules => ({ version: doc.version, rules: JSON.parse(doc.rulesJson) as GuaranteeRules, createdBy: doc.createdBy, createdAt: doc.createdAt });

/** Guarantee rule versions are platform data (not tenant data). */
export class GuaranteeRulesRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = model(connection);
  }

  /** Stores a new version; false when the version already exists. */
  async insert(data: StoredGuaranteeRules): Promise<boolean> {
    try {
      await this.model.create({ version: data.version, rulesJson: JSON.stringify(data.rules), createdBy: data.createdBy, createdAt: data.createdAt });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async findVersion(version: string): Promise<StoredGuaranteeRules | undefined> {
    const doc = await this.model.findOne({ version }).lean();
    return doc ? toStored(doc) : undefined;
  }

  async newest(): Promise<StoredGuaranteeRules | undefined> {
    const doc = await this.model.findOne({}).sort({ createdAt: -1, _id: -1 }).lean();
    return doc ? toStored(doc) : undefined;
  }

  /** Every version with its rules, newest first (a handful of small documents). */
  async all(): Promise<StoredGuaranteeRules[]> {
    return (await this.model.find({}).sort({ createdAt: -1, _id: -1 }).lean()).map(toStored);
  }

  async list(): Promise<Omit<StoredGuaranteeRules, 'rules'>[]> {
    const docs = await this.model.find({}, { rulesJson: 0 }).sort({ createdAt: -1, _id: -1 }).lean();
    return docs.map((d) => ({ version: d.version, createdBy: d.createdBy, createdAt: d.createdAt }));
  }
}
