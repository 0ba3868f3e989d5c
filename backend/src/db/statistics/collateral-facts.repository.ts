// Read-only facts for the regulator's statistics beyond loans: pledged assets by type, the pledged
// value behind each lent loan (LTV), guarantees outstanding and compensated, subjects by grade. Raw
// collections with $match/$group only (both engines), the rest in code; `institutionId` restricts
// each to one bank's business.
import { Types, type Connection } from 'mongoose';

/** Guarantees whose letter is out and not yet released or closed. */
const guaranteeOutstandingStates = ['LETTER_ISSUED', 'IN_FORCE', 'DEFAULT_NOTIFIED', 'CLAIM_SUBMITTED'];
const lentStates = ['ACTIVE', 'OVERDUE', 'DEFAULTED'];

export class CollateralFactRepository {
  constructor(private readonly connection: Connection) {}

  private collection(name: string) {
    return this.connection.db!.collection(name);
  }

  /** Pledged assets by type: count and last valuation (uses the encumbrance index). */
  async pledgedByType(institutionId?: string): Promise<{ assetType: string; assets: number; valueFen: number }[]> {
    const match: Record<string, unknown> = { 'encumbrance.status': 'pledged' };
    if (institutionId) match['encumbrance.institutionId'] = institutionId;
    const rows = await this.collection('assets').aggregate<{ _id: string; assets: number; valueFen: number }>([
      { $match: match },
      { $group: { _id: '$assetType', assets: { $sum: 1 }, valueFen: { $sum: '$lastValuation.valueFen' } } },
    ]).toArray();
    return rows.map((r) => ({ assetType: r._id, assets: r.assets, valueFen: r.valueFen ?? 0 })).sort((a, b) => a.assetType.localeCompare(b.assetType));
  }

  /** Each lent loan's principal balance and the last valuations of the assets pledged to it. */
  async lentLoanCollateral(institutionId?: string): Promise<{ balanceFen: number; pledgedValueFen: number }[]> {
    const query: Record<string, unknown> = { state: { $in: lentStates } };
    if (institutionId) query['institutionId'] = institutionId;
    const loans = await this.collection('loans').find(query, { projection: { pledgedAssetIds: 1, outstanding: 1 } }).toArray();
    const ids = [...new Set(loans.flatMap((l) => (l['pledgedAssetIds'] as string[] | undefined) ?? []))].filter((id) => Types.ObjectId.isValid(id));
    const assets = ids.length ? await this.collection('assets').find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }, { projection: { lastValuation: 1 } }).toArray() : [];
    const value = new Map(assets.map((a) => [String(a._id), ((a['lastValuation'] as { valueFen?: number } | null)?.valueFen ?? 0)]));
    return loans.map((l) => ({
      balanceFen: ((l['outstanding'] as { principalOutstandingFen?: number } | null)?.principalOutstandingFen ?? 0),
      pledgedValueFen: ((l['pledgedAssetIds'] as string[] | undefined) ?? []).reduce((s, id) => s + (value.get(id) ?? 0), 0),
    }));
  }

  /** Guarantees outstanding (letter out) and compensated, for the loans of one bank or all. */
  async guarantees(institutionId?: string): Promise<{ outstanding: { guarantees: number; amountFen: number }; compensated: { guarantees: number; amountFen: number } }> {
    const base: Record<string, unknown> = institutionId ? { bankId: institutionId } : {};
    const [outstanding] = await this.collection('guarantees').aggregate<{ guarantees: number; amountFen: number }>([
      { $match: { ...base, state: { $in: guaranteeOutstandingStates } } },
      { $group: { _id: null, guarantees: { $sum: 1 }, amountFen: { $sum: '$amountFen' } } },
    ]).toArray();
    const [compensated] = await this.collection('guarantees').aggregate<{ guarantees: number; amountFen: number }>([
      { $match: { ...base, 'compensation.amountFen': { $gt: 0 } } },
      { $group: { _id: null, guarantees: { $sum: 1 }, amountFen: { $sum: '$compensation.amountFen' } } },
    ]).toArray();
    return {
      outstanding: { guarantees: outstanding?.guarantees ?? 0, amountFen: outstanding?.amountFen ?? 0 },
      compensated: { guarantees: compensated?.guarantees ?? 0, amountFen: compensated?.amountFen ?? 0 },
    };
  }

  /** Subjects by ecological-credit grade (the points snapshots; { subjectType, grade } index). */
  async gradeDistribution(): Promise<{ grade: string; subjects: number }[]> {
    const rows = await this.collection('points_snapshots').aggregate<{ _id: string | null; subjects: number }>([
      { $group: { _id: '$grade', subjects: { $sum: 1 } } },
    ]).toArray();
    return rows.map((r) => ({ grade: r._id ?? 'none', subjects: r.subjects })).sort((a, b) => a.grade.localeCompare(b.grade));
  }
}
