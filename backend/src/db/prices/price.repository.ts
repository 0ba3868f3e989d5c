import type { Connection } from 'mongoose';
import { isDuplicateKey, withId } from '../plain.js';
import { priceModel } from './price.schema.js';

export interface PriceObservation {
  reference: string;
  date: string;
  priceFen: number;
  unit: string;
  source: string;
}

export interface Price extends PriceObservation {
  id: string;
  recordedBy: string;
  recordedAt: Date;
}

const toPrice = (doc: unknown): Price => withId(doc as { _id: unknown }) as unknown as Price;

/** Market prices are reference data, shared by every tenant. */
export class PriceRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = priceModel(connection);
  }

  /** Inserts an observation; returns undefined when the reference already has a price that day. */
  async insert(data: PriceObservation & { recordedBy: string; recordedAt: Date }): Promise<Price | undefined> {
    try {
      return toPrice((await this.model.create(data)).toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  /** Bulk load of reference data (demo seeding); observations already present are skipped. */
  async insertMany(data: (PriceObservation & { recordedBy: string; recordedAt: Date })[]): Promise<void> {
    try {
      await this.model.insertMany(data, { ordered: false });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }

  async findOn(reference: string, date: string): Promise<Price | undefined> {
    const doc = await this.model.findOne({ reference, date }).lean();
    return doc ? toPrice(doc) : undefined;
  }

  /** The latest observations on or before a date, newest first. */
  async latest(reference: string, onOrBefore: string, count: number): Promise<Price[]> {
    const docs = await this.model.find({ reference, date: { $lte: onOrBefore } }).sort({ date: -1 }).limit(count).lean();
    return docs.map(toPrice);
  }

  /** The observation just before a date (price-move detection). */
  async previous(reference: string, before: string): Promise<Price | undefined> {
    const doc = await this.model.findOne({ reference, date: { $lt: before } }).sort({ date: -1 }).lean();
    return doc ? toPrice(doc) : undefined;
  }

  async series(reference: string, from?: string, to?: string): Promise<Price[]> {
    const date: Record<string, string> = {};
    if (from) date['$gte'] = from;
    if (to) date['$lte'] = to;
    const query = Object.keys(date).length ? { reference, date } : { reference };
    const docs = await this.model.find(query).sort({ date: 1 }).limit(5000).lean();
    return docs.map(toPrice);
  }

  async references(): Promise<string[]> {
    return ((await this.model.distinct('reference')) as string[]).sort();
  }
}
