// The registry side of a settlement, on the assets collection: additive fields only
// (`trading.total`, `trading.available`, `trading.transfers`) and, for a title, the owner. Each
// settlement is one conditional update of the asset document: it applies only while the seller still
// owns the asset, enough is available, the encumbrance allows it and this settlement key has not
// been applied — so a retried settlement changes nothing and of concurrent ones each unit moves once.
import type { Connection } from 'mongoose';
import { assetModel } from '../assets/asset.schema.js';
import { isObjectId, objectId } from '../plain.js';

export interface RegistryTransfer {
  settlementKey: string;
  tradeId: string;
  sellerSubjectId: string;
  buyerSubjectId: string;
  quantity: number;
  kind: 'sale' | 'lease';
  /** A title (land or forest right): the owner becomes the buyer. */
  title: boolean;
  /** The pledgee bank that consented, when the asset is pledged or frozen. */
  consentedBy: string | null;
  at: Date;
}

export class RegistryTransferRepository {
  private readonly collection;

  constructor(connection: Connection) {
    this.collection = assetModel(connection).collection;
  }

  /** First offer of an asset: its tradable total becomes known (no-op when already set). */
  async openForTrading(assetId: string, total: number): Promise<void> {
    if (!isObjectId(assetId)) return;
    await this.collection.updateOne({ _id: objectId(assetId), trading: { $exists: false } }, { $set: { trading: { total, available: total, transfers: [] } } });
  }

  async availableOf(assetId: string): Promise<number | undefined> {
    const doc = await this.collection.findOne({ _id: objectId(assetId) }, { projection: { trading: 1 } });
    const trading = doc?.['trading'] as { available?: number } | undefined;
    return trading?.available;
  }

  async applied(assetId: string, settlementKey: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: objectId(assetId), 'trading.transfers.settlementKey': settlementKey })) > 0;
  }

  /** The one conditional update that moves the quantity (and the title). True when it applied. */
  async transfer(assetId: string, t: RegistryTransfer): Promise<boolean> {
    const encumbrance = t.consentedBy
      ? { $or: [{ 'encumbrance.status': 'free' }, { 'encumbrance.institutionId': t.consentedBy }] }
      : { 'encumbrance.status': 'free' };
    const set: Record<string, unknown> = { updatedAt: t.at };
    if (t.title) set['subjectId'] = t.buyerSubjectId;
    const result = await this.collection.updateOne(
      { _id: objectId(assetId), subjectId: t.sellerSubjectId, state: 'verified', 'trading.available': { $gte: t.quantity }, 'trading.transfers.settlementKey': { $ne: t.settlementKey }, ...encumbrance },
      { $inc: { 'trading.available': -t.quantity }, $push: { 'trading.transfers': t } as never, $set: set },
    );
    return result.modifiedCount === 1;
  }
}
