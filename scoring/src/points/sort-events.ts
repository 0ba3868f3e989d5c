import type { PointsEvent } from './types.js';

function byDateThenId(a: PointsEvent, b: PointsEvent): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Events in canonical order (date, then id), so results never depend on the order received. */
export function sortEvents(events: readonly PointsEvent[]): PointsEvent[] {
  return [...events].sort(byDateThenId);
}
