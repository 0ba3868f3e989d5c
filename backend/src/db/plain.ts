import { Types } from 'mongoose';

/** Turns a lean document into a plain object with a string `id` instead of `_id`. */
export function withId<T extends { _id: unknown }>(doc: T): Omit<T, '_id' | '__v'> & { id: string } {
  const { _id, __v: _version, ...rest } = doc as T & { __v?: number };
  return { ...rest, id: String(_id) } as Omit<T, '_id' | '__v'> & { id: string };
}

export function isObjectId(value: string): boolean {
  return /^[0-9a-f]{24}$/.test(value);
}

export function objectId(value: string): Types.ObjectId {
  return new Types.ObjectId(value);
}

/** Mongo duplicate-key error (E11000), on every engine we run. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
