// Rescoring writes to the ledger only what changed: for each event or indicator, the difference
// between what the engine counts now and what the ledger already holds for it. Rerunning with the
// same evidence writes nothing, so a resumed recompute never counts a subject twice.
import type { ExplanationLine, PointsResult } from '@eco/scoring';
import type { UnchainedEntry } from './ledger-chain.js';
import { eventRef, indicatorRef } from './subject-evidence.js';

/** The entry that brings what the ledger holds for a line's ref to what the engine counts now. */
function deltaEntry(line: ExplanationLine, ref: string, centipoints: number, run: { ruleSetId: string; ruleSetVersion: string; runId: string }): UnchainedEntry {
  if (line.kind === 'event') {
    return { ...run, ref, centipoints, eventId: line.eventId, eventType: line.eventType, occurredOn: line.occurredOn, ruleId: line.ruleId || undefined, reason: line.reason };
  }
  return { ...run, ref, centipoints, indicatorId: line.indicatorId, ruleId: line.indicatorId, reason: line.reason };
}

export function ledgerDeltas(result: PointsResult, held: ReadonlyMap<string, number>, runId: string): UnchainedEntry[] {
  const run = { ruleSetId: result.ruleSet.id, ruleSetVersion: result.ruleSet.version, runId };
  const entries: UnchainedEntry[] = [];
  const seen = new Set<string>();
  for (const line of result.lines) {
    const ref = line.kind === 'event' ? eventRef(line.eventId) : indicatorRef(line.indicatorId);
    seen.add(ref);
    const delta = (line.kind === 'event' ? line.centipoints : (line.scoreCentipoints ?? 0)) - (held.get(ref) ?? 0);
    if (delta !== 0) entries.push(deltaEntry(line, ref, delta, run));
  }
  for (const [ref, points] of held) {
    if (!seen.has(ref) && points !== 0) entries.push({ ...run, ref, centipoints: -points, reason: 'withdrawn' });
  }
  return entries;
}

export const balanceAfter = (held: ReadonlyMap<string, number>, entries: readonly UnchainedEntry[]): number =>
  [...held.values()].reduce((a, b) => a + b, 0) + entries.reduce((a, e) => a + e.centipoints, 0);
