import type { Connection } from 'mongoose';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { ecoCatalogueModels, type alertKinds, type ecosystems, type productCategories } from './eco-catalogue.schema.js';

export interface CatalogueEntry {
  id: string;
  institutionId: string;
  providerInstitutionId: string | null;
  region: string;
  regionLevel: 'prefecture' | 'county';
  ecosystem: (typeof ecosystems)[number];
  product: string;
  category: (typeof productCategories)[number];
  indicator: string;
  unit: string;
  department: string;
  dataSource: string;
  gepService: string | null;
  thresholds: { min: string | null; maxDropShare: string | null };
  createdBy: string;
  createdAt: Date;
}
export type NewCatalogueEntry = Omit<CatalogueEntry, 'id' | 'createdAt'>;

export interface Observation { id: string; entryId: string; date: string; value: string; unit: string; source: string; importedBy: string }
export type NewObservation = Omit<Observation, 'id'>;

export interface MonitoringAlert { id: string; entryId: string; region: string; kind: (typeof alertKinds)[number]; date: string; value: string; reference: string; dropShare: string | null; createdAt: Date }
export type NewAlert = Omit<MonitoringAlert, 'id' | 'createdAt'>;

const plain = <T>(doc: unknown): T => withId(doc as { _id: unknown }) as unknown as T;

/**
 * The catalogue is shared reference data of the regions (every holder of catalogue.read reads all of
 * it); writes are filtered by the keeping institution, imports by the provider institution.
 */
export class EcoCatalogueRepository {
  private readonly m;

  constructor(connection: Connection) {
    this.m = ecoCatalogueModels(connection);
  }

  async insert(entry: NewCatalogueEntry): Promise<CatalogueEntry | undefined> {
    try {
      return plain<CatalogueEntry>((await this.m.entries.create(entry)).toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(id: string): Promise<CatalogueEntry | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.m.entries.findById(objectId(id)).lean();
    return doc ? plain<CatalogueEntry>(doc) : undefined;
  }

  /** An entry the provider institution feeds (imports); another provider's entry is not found. */
  async findForProvider(id: string, providerInstitutionId: string): Promise<CatalogueEntry | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.m.entries.findOne({ _id: objectId(id), providerInstitutionId }).lean();
    return doc ? plain<CatalogueEntry>(doc) : undefined;
  }

  async list(filter: { region?: string | undefined; ecosystem?: string | undefined }): Promise<CatalogueEntry[]> {
    const query: Record<string, unknown> = {};
    if (filter.region) query['region'] = filter.region;
    if (filter.ecosystem) query['ecosystem'] = filter.ecosystem;
    return (await this.m.entries.find(query).sort({ region: 1, ecosystem: 1, product: 1 }).lean()).map((d) => plain<CatalogueEntry>(d));
  }

  async series(entryId: string): Promise<Observation[]> {
    return (await this.m.observations.find({ entryId }).sort({ date: 1 }).lean()).map((d) => plain<Observation>(d));
  }

  async observationOn(entryId: string, date: string): Promise<Observation | undefined> {
    const doc = await this.m.observations.findOne({ entryId, date }).lean();
    return doc ? plain<Observation>(doc) : undefined;
  }

  /** Stores an observation; the same date again is left as it is (false). */
  async insertObservation(o: NewObservation): Promise<boolean> {
    try {
      await this.m.observations.create(o);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async insertAlert(a: NewAlert): Promise<boolean> {
    try {
      await this.m.alerts.create(a);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async alerts(filter: { region?: string | undefined; entryId?: string | undefined }): Promise<MonitoringAlert[]> {
    const query: Record<string, unknown> = {};
    if (filter.region) query['region'] = filter.region;
    if (filter.entryId) query['entryId'] = filter.entryId;
    return (await this.m.alerts.find(query).sort({ date: -1, _id: -1 }).limit(500).lean()).map((d) => plain<MonitoringAlert>(d));
  }
}
