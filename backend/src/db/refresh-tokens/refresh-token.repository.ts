import type { Connection } from 'mongoose';
import { objectId } from '../plain.js';
import { refreshTokenModel } from './refresh-token.schema.js';

export interface StoredRefreshToken {
  userId: string;
  familyId: string;
  expiresAt: Date;
  revokedAt?: Date | undefined;
  revokedReason?: string | undefined;
}

export class RefreshTokenRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = refreshTokenModel(connection);
  }

  async insert(tokenHash: string, userId: string, familyId: string, expiresAt: Date): Promise<void> {
    await this.model.create({ tokenHash, userId: objectId(userId), familyId, expiresAt });
  }

  /**
   * Consumes a live token exactly once (compare-and-set on revokedAt): concurrent refreshes with
   * the same token cannot both succeed.
   */
  async consume(tokenHash: string, now: Date, reason: string): Promise<StoredRefreshToken | undefined> {
    const doc = await this.model
      .findOneAndUpdate(
        { tokenHash, revokedAt: { $exists: false }, expiresAt: { $gt: now } },
        { $set: { revokedAt: now, revokedReason: reason } },
        { returnDocument: 'before' },
      )
      .lean();
    return doc ? { userId: String(doc.userId), familyId: doc.familyId, expiresAt: doc.expiresAt } : undefined;
  }

  async find(tokenHash: string): Promise<StoredRefreshToken | undefined> {
    const doc = await this.model.findOne({ tokenHash }).lean();
    return doc
      ? { userId: String(doc.userId), familyId: doc.familyId, expiresAt: doc.expiresAt, revokedAt: doc.revokedAt ?? undefined, revokedReason: doc.revokedReason ?? undefined }
      : undefined;
  }

  async revokeFamily(familyId: string, now: Date, reason: string): Promise<number> {
    const result = await this.model.updateMany(
      { familyId, revokedAt: { $exists: false } },
      { $set: { revokedAt: now, revokedReason: reason } },
    );
    return result.modifiedCount;
  }

  async revokeAllOfUser(userId: string, now: Date, reason: string): Promise<number> {
    const result = await this.model.updateMany(
      { userId: objectId(userId), revokedAt: { $exists: false } },
      { $set: { revokedAt: now, revokedReason: reason } },
    );
    return result.modifiedCount;
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $lte: now } });
    return result.deletedCount;
  }
}
