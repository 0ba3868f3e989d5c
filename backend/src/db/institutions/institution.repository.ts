import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isObjectId, objectId, withId } from '../plain.js';
import { ownRecordFilter } from '../tenant-filter.js';
import { institutionModel, type InstitutionType } from './institution.schema.js';

export interface Institution {
  id: string;
  name: string;
  nameEn?: string | undefined;
  type: InstitutionType;
  region: string;
  code: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewInstitution {
  name: string;
  nameEn?: string | undefined;
  type: InstitutionType;
  region: string;
  code: string;
}

/** Tenant filter: undefined = every institution (platform readers); otherwise just one. */
export type InstitutionScope = { institutionId?: string | undefined; all: boolean };

const scoped = (scope: InstitutionScope, extra: Record<string, unknown> = {}) => ownRecordFilter({ all: scope.all, ownId: scope.institutionId }, extra);

export class InstitutionRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = institutionModel(connection);
  }

  async create(data: NewInstitution): Promise<Institution> {
    const doc = await this.model.create(data);
    return withId(doc.toObject()) as Institution;
  }

  async findById(scope: InstitutionScope, id: string): Promise<Institution | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter = scoped(scope, { _id: objectId(id) });
    if (!filter) return undefined;
    const doc = await this.model.findOne(filter).lean();
    return doc ? (withId(doc) as Institution) : undefined;
  }

  /** Platform-internal lookup (e.g. to describe a user's own institution); not for tenant reads. */
  async findByIdUnscoped(id: string): Promise<Institution | undefined> {
    return this.findById({ all: true }, id);
  }

  async findByCode(code: string): Promise<Institution | undefined> {
    const doc = await this.model.findOne({ code }).lean();
    return doc ? (withId(doc) as Institution) : undefined;
  }

  async list(scope: InstitutionScope, page: PageRequest, type?: InstitutionType): Promise<Page<Institution>> {
    const filter = scoped(scope, type ? { type } : {});
    if (!filter) return { items: [], total: 0 };
    const [docs, total] = await Promise.all([
      this.model.find(filter).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map((d) => withId(d) as Institution), total };
  }

  async update(scope: InstitutionScope, id: string, changes: Partial<NewInstitution>): Promise<{ before: Institution; after: Institution } | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter = scoped(scope, { _id: objectId(id) });
    if (!filter) return undefined;
    const before = await this.model.findOneAndUpdate(filter, { $set: changes }, { returnDocument: 'before' }).lean();
    if (!before) return undefined;
    const after = await this.model.findById(before._id).lean();
    return { before: withId(before) as Institution, after: withId(after!) as Institution };
  }
}
