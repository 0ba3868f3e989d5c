import { PointsInputError } from './points-input-error.js';
import type { PointsEvent } from './types.js';

function byDateThenId(a: PointsEvent, b: PointsEvent): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Position in the input of the later of two clashing events (the same object may appear twice). */
function laterPosition(events: readonly PointsEvent[], a: PointsEvent, b: PointsEvent): number {
  return a === b ? events.lastIndexOf(a) : Math.max(events.indexOf(a), events.indexOf(b));
}

/**
 * Events in canonical order (date, then id), so results never depend on the order received.
 * Two events with the same date and id would make that order ambiguous: they are refused.
 */
export function sortEvents(events: readonly PointsEvent[]): PointsEvent[] {
  const sorted = [...events].sort(byDateThenId);
  for (let i = 1; i < sorted.length; i++) {
    if (byDateThenId(sorted[i - 1]!, sorted[i]!) === 0) {
      throw new PointsInputError(`duplicate event id "${sorted[i]!.id}" on ${sorted[i]!.occurredOn}`, `/events/${laterPosition(events, sorted[i - 1]!, sorted[i]!)}/id`);
    }
  }
  return sorted;
}
