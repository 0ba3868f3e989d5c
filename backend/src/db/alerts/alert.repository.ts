import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { alertModel } from './alert.schema.js';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface Alert {
  id: string;
  institutionId: string;
  assetId: string;
  subjectId: string;
  loanId: string;
  valuationId: string;
  kind: 'ltv_breach';
  ltv: number | null;
  ltvThreshold: number;
  outstandingFen: number;
  valueFen: number;
  status: AlertStatus;
  breachKey: string;
  raisedAt: Date;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
}

export type NewAlert = Omit<Alert, 'id' | 'status' | 'breachKey' | 'acknowledgedBy' | 'resolvedAt'>;

const toAlert = (doc: unknown): Alert => withId(doc as { _id: unknown }) as unknown as Alert;
export const activeBreachKey = (loanId: string, assetId: string): string => `${loanId}:${assetId}`;

export class AlertRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = alertModel(connection);
  }

  /** Raises the alert unless one is already active for this loan and asset (then undefined). */
  async raiseOnce(data: NewAlert): Promise<Alert | undefined> {
    try {
      const doc = await this.model.create({ ...data, status: 'open', breachKey: activeBreachKey(data.loanId, data.assetId), acknowledgedBy: null, resolvedAt: null });
      return toAlert(doc.toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  /** Ends the active breach of a loan and asset (its LTV is back under the threshold). */
  async resolveActive(loanId: string, assetId: string, at: Date): Promise<Alert | undefined> {
    const key = activeBreachKey(loanId, assetId);
    const active = await this.model.findOne({ breachKey: key }).lean();
    if (!active) return undefined;
    const doc = await this.model.findOneAndUpdate(
      { _id: active._id, breachKey: key },
      { $set: { status: 'resolved', resolvedAt: at, breachKey: `${key}:resolved:${String(active._id)}` } },
      { returnDocument: 'after' },
    ).lean();
    return doc ? toAlert(doc) : undefined;
  }

  async list(institutionId: string, status: AlertStatus | undefined, page: PageRequest): Promise<Page<Alert>> {
    const query: Record<string, unknown> = { institutionId };
    if (status) query['status'] = status;
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ raisedAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toAlert), total };
  }

  /** Open → acknowledged, for the bank the alert belongs to. */
  async acknowledge(institutionId: string, id: string, by: string): Promise<{ alert?: Alert; exists: boolean }> {
    if (!isObjectId(id)) return { exists: false };
    const doc = await this.model.findOneAndUpdate({ _id: objectId(id), institutionId, status: 'open' }, { $set: { status: 'acknowledged', acknowledgedBy: by } }, { returnDocument: 'after' }).lean();
    if (doc) return { alert: toAlert(doc), exists: true };
    return { exists: (await this.model.countDocuments({ _id: objectId(id), institutionId })) > 0 };
  }

  countForAsset(assetId: string): Promise<number> {
    return this.model.countDocuments({ assetId });
  }
}
