/**
 * Which subjects a batch query covers: a list of ids, or (recompute batches, consecutive in id
 * order) the id range from first to last, which every engine serves from the index as one range.
 * Subject ids are ObjectId hex strings, whose text order is their id order.
 */
export type SubjectSelection = readonly string[] | { from: string; to: string };

export function subjectIdFilter(selection: SubjectSelection): Record<string, unknown> {
  if (Array.isArray(selection)) return { $in: [...(selection as readonly string[])] };
  const range = selection as { from: string; to: string };
  return { $gte: range.from, $lte: range.to };
}
