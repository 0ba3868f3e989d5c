import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isObjectId, objectId, withId } from '../plain.js';
import { ownRecordFilter } from '../tenant-filter.js';
import { subjectModel, type SubjectType } from './subject.schema.js';

export interface Subject {
  id: string;
  type: SubjectType;
  name: string;
  nameEn?: string | undefined;
  region: string;
  code: string;
  industry?: string | undefined;
  basin?: string | undefined;
  createdAt: Date;
  updatedAt: Date;
}

export type NewSubject = Omit<Subject, 'id' | 'createdAt' | 'updatedAt'>;

/** Tenant filter: platform readers see all subjects; a subject's users see only their own. */
export type SubjectScope = { subjectId?: string | undefined; all: boolean };

const scoped = (scope: SubjectScope, extra: Record<string, unknown> = {}) => ownRecordFilter({ all: scope.all, ownId: scope.subjectId }, extra);

export class SubjectRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = subjectModel(connection);
  }

  async create(data: NewSubject): Promise<Subject> {
    const doc = await this.model.create(data);
    return withId(doc.toObject()) as Subject;
  }

  async findById(scope: SubjectScope, id: string): Promise<Subject | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter = scoped(scope, { _id: objectId(id) });
    if (!filter) return undefined;
    const doc = await this.model.findOne(filter).lean();
    return doc ? (withId(doc) as Subject) : undefined;
  }

  async findByIdUnscoped(id: string): Promise<Subject | undefined> {
    return this.findById({ all: true }, id);
  }

  /** Several subjects by id in one query, for internal reads; unknown ids are left out. */
  async findByIdsUnscoped(ids: readonly string[]): Promise<Map<string, Subject>> {
    const valid = [...new Set(ids)].filter(isObjectId);
    if (valid.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: valid.map(objectId) } }).lean();
    return new Map(docs.map((d) => withId(d) as Subject).map((s) => [s.id, s]));
  }

  async list(scope: SubjectScope, page: PageRequest, type?: SubjectType): Promise<Page<Subject>> {
    const filter = scoped(scope, type ? { type } : {});
    if (!filter) return { items: [], total: 0 };
    const [docs, total] = await Promise.all([
      this.model.find(filter).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map((d) => withId(d) as Subject), total };
  }

  async update(scope: SubjectScope, id: string, changes: Partial<NewSubject>): Promise<{ before: Subject; after: Subject } | undefined> {
    if (!isObjectId(id)) return undefined;
    const filter = scoped(scope, { _id: objectId(id) });
    if (!filter) return undefined;
    const before = await this.model.findOneAndUpdate(filter, { $set: changes }, { returnDocument: 'before' }).lean();
    if (!before) return undefined;
    const after = await this.model.findById(before._id).lean();
    return { before: withId(before) as Subject, after: withId(after!) as Subject };
  }
}
