import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isObjectId, objectId, withId } from '../plain.js';
import { userModel } from './user.schema.js';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: string[];
  institutionId?: string | undefined;
  subjectId?: string | undefined;
  failedLoginCount: number;
  lockedUntil?: Date | undefined;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: string[];
  institutionId?: string | undefined;
  subjectId?: string | undefined;
}

/** Staff lists: platform admins see all users; nobody else lists users yet. */
export type UserScope = { all: boolean; institutionId?: string | undefined };

function toRecord(doc: Record<string, unknown> & { _id: unknown }): UserRecord {
  const plain = withId(doc) as Record<string, unknown>;
  return {
    ...plain,
    institutionId: plain['institutionId'] ? String(plain['institutionId']) : undefined,
    subjectId: plain['subjectId'] ? String(plain['subjectId']) : undefined,
  } as UserRecord;
}

export class UserRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = userModel(connection);
  }

  async create(data: NewUser): Promise<UserRecord> {
    const doc = await this.model.create({
      ...data,
      institutionId: data.institutionId ? objectId(data.institutionId) : undefined,
      subjectId: data.subjectId ? objectId(data.subjectId) : undefined,
    });
    return toRecord(doc.toObject());
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const doc = await this.model.findOne({ username: username.trim().toLowerCase() }).lean();
    return doc ? toRecord(doc) : undefined;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toRecord(doc) : undefined;
  }

  async list(scope: UserScope, page: PageRequest): Promise<Page<UserRecord>> {
    const filter = scope.all ? {} : scope.institutionId ? { institutionId: objectId(scope.institutionId) } : undefined;
    if (!filter) return { items: [], total: 0 };
    const [docs, total] = await Promise.all([
      this.model.find(filter).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(toRecord), total };
  }

  async count(): Promise<number> {
    return this.model.estimatedDocumentCount();
  }

  /** Counts one failed login atomically; returns the new count. */
  async incrementFailedLogins(id: string): Promise<number> {
    const doc = await this.model.findOneAndUpdate({ _id: objectId(id) }, { $inc: { failedLoginCount: 1 } }, { returnDocument: 'after' }).lean();
    return doc?.failedLoginCount ?? 0;
  }

  /** Locks the account once the failure count reached the limit (compare-and-set on the count). */
  async lockIfFailuresReached(id: string, limit: number, until: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: objectId(id), failedLoginCount: { $gte: limit } },
      { $set: { lockedUntil: until, failedLoginCount: 0 } },
    );
    return result.modifiedCount === 1;
  }

  /** Compare-and-set on the disabled flag: the user after the change, or undefined when it was already so (or is unknown). */
  async setDisabled(id: string, disabled: boolean): Promise<UserRecord | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOneAndUpdate({ _id: objectId(id), disabled: !disabled }, { $set: { disabled } }, { returnDocument: 'after' }).lean();
    return doc ? toRecord(doc) : undefined;
  }

  async clearFailedLogins(id: string): Promise<void> {
    await this.model.updateOne({ _id: objectId(id) }, { $set: { failedLoginCount: 0 }, $unset: { lockedUntil: 1 } });
  }
}
