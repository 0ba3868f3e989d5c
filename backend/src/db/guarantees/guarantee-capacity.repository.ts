import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../plain.js';
import { guaranteeCapacityModel } from './guarantee-capacity.schema.js';

export interface CapacityReservation {
  amountFen: number;
  subjectId: string;
  at: Date;
  /** The approval attempt that created the reservation: its clean-up releases only its own reservation. */
  attemptId?: string;
}

export interface GuaranteeCapacityCounter {
  institutionId: string;
  outstandingFen: number;
  obligors: Record<string, number>;
  reservations: Record<string, CapacityReservation>;
  rebuiltAt: Date;
}

const toCounter = (doc: unknown): GuaranteeCapacityCounter => {
  const { _id, ...rest } = doc as { _id: unknown } & GuaranteeCapacityCounter;
  return { ...rest, obligors: rest.obligors ?? {}, reservations: rest.reservations ?? {} };
};

/** Keys of the counter maps are database ids (hex): no dots or dollars. */
const key = (id: string): string => {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`not a plain id: ${id}`);
  return id;
};

/** The per-guarantor capacity counter (platform data of the guarantee area, keyed by the guarantor). */
export class GuaranteeCapacityRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = guaranteeCapacityModel(connection);
  }

  async list(): Promise<GuaranteeCapacityCounter[]> {
    return (await this.model.find({}).lean()).map(toCounter);
  }

  async find(institutionId: string): Promise<GuaranteeCapacityCounter | undefined> {
    const doc = await this.model.findOne({ institutionId }).lean();
    return doc ? toCounter(doc) : undefined;
  }

  /** Creates the counter from the given reservations when there is none yet (a concurrent creation wins harmlessly). */
  async createIfMissing(institutionId: string, reservations: Record<string, CapacityReservation>, at: Date): Promise<void> {
    const obligors: Record<string, number> = {};
    let outstandingFen = 0;
    for (const r of Object.values(reservations)) {
      outstandingFen += r.amountFen;
      obligors[key(r.subjectId)] = (obligors[key(r.subjectId)] ?? 0) + r.amountFen;
    }
    try {
      await this.model.updateOne({ institutionId }, { $setOnInsert: { institutionId, outstandingFen, obligors, reservations, rebuiltAt: at } }, { upsert: true });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }

  /** Replaces the counter with the given reservations (demo seeding and repair; not used while requests run). */
  async replace(institutionId: string, reservations: Record<string, CapacityReservation>, at: Date): Promise<void> {
    await this.model.deleteOne({ institutionId });
    await this.createIfMissing(institutionId, reservations, at);
  }

  /**
   * Reserves capacity for one guarantee: one conditional `$inc`, applied only while the guarantor's
   * outstanding stays ≤ outstandingLimitFen and the obligor's ≤ obligorLimitFen, and only once per
   * guarantee. Undefined when a limit (or an existing reservation of the guarantee) refuses it.
   */
  async reserve(institutionId: string, guaranteeId: string, r: CapacityReservation, limits: { outstandingLimitFen: number; obligorLimitFen: number }): Promise<GuaranteeCapacityCounter | undefined> {
    const obligor = `obligors.${key(r.subjectId)}`;
    const reservation = `reservations.${key(guaranteeId)}`;
    // The obligor's entry exists (0) before the guarded increment, so the guard is a plain comparison.
    await this.model.updateOne({ institutionId, [obligor]: { $exists: false } }, { $set: { [obligor]: 0 } });
    const doc = await this.model.findOneAndUpdate(
      { institutionId, [reservation]: { $exists: false }, outstandingFen: { $lte: limits.outstandingLimitFen - r.amountFen }, [obligor]: { $lte: limits.obligorLimitFen - r.amountFen } },
      { $inc: { outstandingFen: r.amountFen, [obligor]: r.amountFen }, $set: { [reservation]: r } },
      { returnDocument: 'after' },
    ).lean();
    return doc ? toCounter(doc) : undefined;
  }

  /**
   * Gives back the guarantee's reservation only while it is the one this attempt created (the attempt id
   * is in the filter): a failed approval never releases the reservation a concurrent approval made.
   */
  async releaseAttempt(institutionId: string, guaranteeId: string, attemptId: string): Promise<boolean> {
    const counter = await this.find(institutionId);
    const r = counter?.reservations[guaranteeId];
    if (!r || r.attemptId !== attemptId) return false;
    const reservation = `reservations.${key(guaranteeId)}`;
    const result = await this.model.updateOne(
      { institutionId, [`${reservation}.attemptId`]: attemptId, [`${reservation}.amountFen`]: r.amountFen },
      { $inc: { outstandingFen: -r.amountFen, [`obligors.${key(r.subjectId)}`]: -r.amountFen }, $unset: { [reservation]: '' } },
    );
    return result.modifiedCount === 1;
  }

  /** Gives the guarantee's reservation back (a no-op when it holds none). */
  async release(institutionId: string, guaranteeId: string): Promise<boolean> {
    const counter = await this.find(institutionId);
    const r = counter?.reservations[guaranteeId];
    if (!r) return false;
    const reservation = `reservations.${key(guaranteeId)}`;
    const result = await this.model.updateOne(
      { institutionId, [`${reservation}.amountFen`]: r.amountFen },
      { $inc: { outstandingFen: -r.amountFen, [`obligors.${key(r.subjectId)}`]: -r.amountFen }, $unset: { [reservation]: '' } },
    );
    return result.modifiedCount === 1;
  }
}
