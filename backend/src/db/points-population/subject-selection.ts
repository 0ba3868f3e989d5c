/**
 * Batch reads of the points area select subjects by id list; the recompute instead streams every
 * collection once in subject order from its run cursor. Subject ids are ObjectId hex strings, whose
 * text order is their id order, so the `subjectId` strings and the subjects' `_id`s sort alike.
 */
export const subjectsIn = (ids: readonly string[]): Record<string, unknown> => ({ $in: [...ids] });

/** Subjects after a recompute cursor (all when there is none). */
export const subjectsAfter = (cursor: string | null): Record<string, unknown> => (cursor ? { subjectId: { $gt: cursor } } : {});

/** Cursor batch size for the recompute's streamed reads: few round trips, bounded memory. */
export const streamBatchSize = 5000;
