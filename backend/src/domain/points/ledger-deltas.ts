// Rescoring writes to the ledger only what changed: for each event or indicator, the difference
// between what the engine counts now and what the ledger already holds for it. Rerunning with the
// same evidence writes nothing, so a resumed recompute never counts a subject twice.
import type { ExplanationLine, PointsResult } from '@eco/scoring';
import type { UnchainedEntry } from './ledger-chain.js';
import { eventRef, indicatorRef } from './subject-evidence.js';

function targetOf(line: ExplanationLine): { ref: string; centipoints: number; fields: Partial<UnchainedEntry> } {
  if (line.kind === 'event') {
    return {
      ref: eventRef(line.eventId),
      centipoints: line.centipoints,
      fields: { eventId: line.eventId, eventType: line.eventType, occurredOn: line.occurredOn, ...(line.ruleId ? { ruleId: line.ruleId } : {}), reason: line.reason },
    };
  }
  return { ref: indicatorRef(line.indicatorId), centipoints: line.scoreCentipoints ?? 0, fields: { indicatorId: line.indicatorId, ruleId: line.indicatorId, reason: line.reason } };
}

export function ledgerDeltas(result: PointsResult, held: ReadonlyMap<string, number>, runId: string): UnchainedEntry[] {
  const ruleSet = { ruleSetId: result.ruleSet.id, ruleSetVersion: result.ruleSet.version, runId };
  const entries: UnchainedEntry[] = [];
  const seen = new Set<string>();
  for (const line of result.lines) {
    const target = targetOf(line);
    seen.add(target.ref);
    const delta = target.centipoints - (held.get(target.ref) ?? 0);
    if (delta !== 0) entries.push({ ...ruleSet, reason: 'counted', ...target.fields, ref: target.ref, centipoints: delta });
  }
  for (const [ref, points] of held) {
    if (!seen.has(ref) && points !== 0) entries.push({ ...ruleSet, ref, centipoints: -points, reason: 'withdrawn' });
  }
  return entries;
}

export const balanceAfter = (held: ReadonlyMap<string, number>, entries: readonly UnchainedEntry[]): number =>
  [...held.values()].reduce((a, b) => a + b, 0) + entries.reduce((a, e) => a + e.centipoints, 0);
