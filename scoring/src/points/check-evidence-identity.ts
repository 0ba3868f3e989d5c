import { refuseDuplicates } from './refuse-duplicates.js';
import type { Evidence } from './types.js';

/** Event ids and indicator ids must be unique within one subject's evidence (prefix: JSON pointer of the evidence). */
export function checkEvidenceIdentity(evidence: Evidence, prefix = ''): void {
  refuseDuplicates((evidence.events ?? []).map((e) => e.id), (i) => `${prefix}/events/${i}/id`, 'event id');
  refuseDuplicates((evidence.indicators ?? []).map((e) => e.indicatorId), (i) => `${prefix}/indicators/${i}/indicatorId`, 'value for indicator');
}
