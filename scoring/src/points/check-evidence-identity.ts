import { refuseDuplicates } from './refuse-duplicates.js';
import type { Evidence } from './types.js';

function hasRepeats(ids: Iterable<string>): boolean {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/** Event ids and indicator ids must be unique within one subject's evidence (prefix: JSON pointer of the evidence). */
export function checkEvidenceIdentity(evidence: Evidence, prefix = ''): void {
  const eventIds = (evidence.events ?? []).map((e) => e.id);
  if (hasRepeats(eventIds)) refuseDuplicates(eventIds, (i) => `${prefix}/events/${i}/id`, 'event id');
  const indicatorIds = (evidence.indicators ?? []).map((e) => e.indicatorId);
  if (hasRepeats(indicatorIds)) refuseDuplicates(indicatorIds, (i) => `${prefix}/indicators/${i}/indicatorId`, 'value for indicator');
}
