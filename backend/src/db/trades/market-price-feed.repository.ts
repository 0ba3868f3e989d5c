// Trades feed the market price series valuation reads (collection `prices`): one observation per
// reference and day with source 'platform-trading', rewritten as the day's trades accumulate. A price
// recorded that day from another source (an administrator, an import) is never overwritten.
import type { Connection } from 'mongoose';
import { priceModel } from '../prices/price.schema.js';
import { isDuplicateKey } from '../plain.js';

export const tradingPriceSource = 'platform-trading';

export class MarketPriceFeedRepository {
  private readonly collection;

  constructor(connection: Connection) {
    this.collection = priceModel(connection).collection;
  }

  /** Sets the day's volume-weighted price; false when another source already priced that day. */
  async publish(reference: string, date: string, priceFen: number, unit: string, at: Date): Promise<boolean> {
    try {
      await this.collection.updateOne(
        { reference, date, source: tradingPriceSource },
        { $set: { priceFen, unit, recordedBy: 'trading', recordedAt: at } },
        { upsert: true },
      );
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }
}
