import type { Connection } from 'mongoose';
import { rateLimitModel } from './rate-limit.schema.js';

export class RateLimitRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = rateLimitModel(connection);
  }

  /** Counts one hit in the window atomically (upsert + $inc) and returns the count so far. */
  async hit(key: string, windowMs: number, now: Date): Promise<number> {
    const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
    const id = `${key}:${windowStart}`;
    const expiresAt = new Date(windowStart + windowMs);
    for (let attempt = 0; ; attempt++) {
      try {
        const doc = await this.model
          .findOneAndUpdate({ _id: id }, { $inc: { count: 1 }, $setOnInsert: { expiresAt } }, { upsert: true, returnDocument: 'after' })
          .lean();
        return doc!.count;
      } catch (e) {
        // Two first hits may race on the upsert; the loser retries as an update.
        if ((e as { code?: number }).code !== 11000 || attempt > 3) throw e;
      }
    }
  }

  async purgeExpired(now: Date): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $lte: now } });
    return result.deletedCount;
  }
}
