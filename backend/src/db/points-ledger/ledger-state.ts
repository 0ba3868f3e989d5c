// What rescoring needs from a subject's ledger: the chain head to append after, and the centipoints
// already held per ref. A read that overlapped a concurrent append can miss an entry in the middle
// of a chain; such a subject is reported as unsettled, for the caller to read again alone.
import type { ChainHead } from './ledger.repository.js';

export interface LedgerRow {
  subjectId: string;
  seq: number;
  hash: string;
  ref: string;
  centipoints: number;
}

export interface LedgerState {
  heads: Map<string, ChainHead>;
  held: Map<string, Map<string, number>>;
  /** Subjects whose rows were not exactly entries 1…head. */
  unsettled: Set<string>;
}

export function foldLedgerRows(rows: Iterable<LedgerRow>): LedgerState {
  const heads = new Map<string, ChainHead>();
  const held = new Map<string, Map<string, number>>();
  const counts = new Map<string, number>();
  for (const { subjectId, seq, hash, ref, centipoints } of rows) {
    if ((heads.get(subjectId)?.seq ?? 0) < seq) heads.set(subjectId, { seq, hash });
    counts.set(subjectId, (counts.get(subjectId) ?? 0) + 1);
    let refs = held.get(subjectId);
    if (!refs) held.set(subjectId, (refs = new Map()));
    refs.set(ref, (refs.get(ref) ?? 0) + centipoints);
  }
  const unsettled = new Set([...counts].filter(([subjectId, count]) => heads.get(subjectId)!.seq !== count).map(([subjectId]) => subjectId));
  return { heads, held, unsettled };
}
