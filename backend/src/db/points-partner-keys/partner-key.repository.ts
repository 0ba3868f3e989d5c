import type { Connection } from 'mongoose';
import { withId } from '../plain.js';
import { partnerKeyModel } from './partner-key.schema.js';

export interface PartnerKey {
  id: string;
  institutionId: string;
  label: string;
  prefix: string;
  eventTypes: string[];
  createdBy: string;
  createdAt: Date;
  revokedAt?: Date | undefined;
}

export class PartnerKeyRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = partnerKeyModel(connection);
  }

  async create(data: Omit<PartnerKey, 'id'> & { keyHash: string }): Promise<PartnerKey> {
    const doc = await this.model.create(data);
    const { keyHash: _hash, ...rest } = doc.toObject();
    return withId(rest) as PartnerKey;
  }

  async findActiveByHash(keyHash: string): Promise<PartnerKey | undefined> {
    const doc = await this.model.findOne({ keyHash, revokedAt: { $exists: false } }, { keyHash: 0 }).lean();
    return doc ? (withId(doc) as PartnerKey) : undefined;
  }

  async listForInstitution(institutionId: string): Promise<PartnerKey[]> {
    const docs = await this.model.find({ institutionId }, { keyHash: 0 }).sort({ createdAt: -1 }).lean();
    return docs.map((d) => withId(d) as PartnerKey);
  }
}
