// A subject's points ledger is append-only and chained by SHA-256 like the audit trail: each entry
// holds the previous entry's hash, so any edit or removal breaks the chain at that entry.
import { createHash } from 'node:crypto';
import type { ChainHead, LedgerEntry } from '../../db/points-ledger/ledger.repository.js';
import { canonicalJson, normalise } from '../audit/canonical-json.js';

export const ledgerGenesisHash = '0'.repeat(64);

export type UnchainedEntry = Omit<LedgerEntry, 'id' | 'seq' | 'prevHash' | 'hash' | 'subjectId' | 'at'>;

export const hashLedgerEntry = (entry: Omit<LedgerEntry, 'id' | 'hash'>): string => createHash('sha256').update(canonicalJson(entry)).digest('hex');

/** Chains new entries of one subject after its head. */
export function chainEntries(subjectId: string, head: ChainHead | undefined, at: Date, entries: readonly UnchainedEntry[]): Omit<LedgerEntry, 'id'>[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? ledgerGenesisHash;
  return entries.map((entry) => {
    seq += 1;
    // The stored entry is its canonical form (sorted keys, no undefined) with `at` kept a Date; the
    // canonical form is normalised once and hashed as is (what hashLedgerEntry computes).
    const unsigned = normalise({ ...entry, subjectId, seq, at, prevHash }) as Omit<LedgerEntry, 'id' | 'hash'>;
    const hash = createHash('sha256').update(JSON.stringify(unsigned)).digest('hex');
    prevHash = hash;
    return { ...unsigned, at, hash };
  });
}

export interface LedgerVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

export async function verifyLedger(chain: AsyncIterable<LedgerEntry>): Promise<LedgerVerification> {
  let expected = 1;
  let prevHash = ledgerGenesisHash;
  let checked = 0;
  for await (const { id: _id, hash, ...rest } of chain) {
    const broken = (reason: string): LedgerVerification => ({ ok: false, checked, firstBroken: { seq: rest.seq, reason } });
    if (rest.seq !== expected) return broken(`entry ${expected} is missing`);
    if (rest.prevHash !== prevHash) return broken('its prevHash does not match the previous entry’s hash');
    if (hashLedgerEntry(rest) !== hash) return broken('its contents do not match its hash');
    prevHash = hash;
    expected++;
    checked++;
  }
  return { ok: true, checked, firstBroken: null };
}
