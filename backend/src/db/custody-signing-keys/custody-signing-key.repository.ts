import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../plain.js';
import { custodySigningKeyModel } from './custody-signing-key.schema.js';

/** Performer keys are platform secrets, not tenant data: looked up only by the performer's key name. */
export class CustodySigningKeyRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = custodySigningKeyModel(connection);
  }

  /** The performer's key, created on its first step (a concurrent creator's key wins the race and is used by both). */
  async keyOf(performerKey: string, now: Date): Promise<string> {
    const existing = await this.find(performerKey);
    if (existing) return existing;
    try {
      await this.model.create({ performerKey, secret: randomBytes(32).toString('hex'), createdAt: now });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    return (await this.find(performerKey))!;
  }

  async find(performerKey: string): Promise<string | undefined> {
    const doc = await this.model.findOne({ performerKey }).lean();
    return doc ? String(doc.secret) : undefined;
  }
}
