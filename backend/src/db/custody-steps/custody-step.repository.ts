import type { Connection } from 'mongoose';
import { isDuplicateKey, withId } from '../plain.js';
import { custodyStepModel, type custodyStepTypes } from './custody-step.schema.js';

export type CustodyStepType = (typeof custodyStepTypes)[number];

export interface Performer {
  kind: 'institution' | 'subject';
  id: string;
  name: string;
}

export interface CustodySignature {
  algorithm: 'HMAC-SHA256';
  /** Names the key: 'institution:<id>' or 'subject:<id>'. */
  keyId: string;
  value: string;
}

export interface CustodyStep {
  id: string;
  batchId: string;
  seq: number;
  type: CustodyStepType;
  performedAt: Date;
  location: string;
  description: string;
  quantity: number | null;
  documents: { id: string; filename: string; sha256: string }[];
  performer: Performer;
  recordedBy: { userId: string; username: string };
  recordedAt: Date;
  prevHash: string;
  hash: string;
  signature: CustodySignature;
}

const toStep = (doc: unknown): CustodyStep => withId(doc as { _id: unknown }) as unknown as CustodyStep;

/** Steps are read through their batch (the batch decides who may see it); every query names the batch. */
export class CustodyStepRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = custodyStepModel(connection);
  }

  /** Appends step `seq`; false when another append took that position first. */
  async insert(step: Omit<CustodyStep, 'id'>): Promise<boolean> {
    try {
      await this.model.create(step);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async chain(batchId: string): Promise<CustodyStep[]> {
    const docs = await this.model.find({ batchId }).sort({ seq: 1 }).lean();
    return docs.map(toStep);
  }

  async last(batchId: string): Promise<CustodyStep | undefined> {
    const doc = await this.model.findOne({ batchId }).sort({ seq: -1 }).lean();
    return doc ? toStep(doc) : undefined;
  }
}
