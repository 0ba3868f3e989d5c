// A year of realistic green behaviour for a citizen: weekday bus rides, metro trips, walking,
// garbage sorting, now and then a violation. Deterministic (seeded) so the demo is reproducible.
import type { DemoPartnerKey } from './points-demo-data.js';

export interface DemoEvent {
  partner: DemoPartnerKey;
  partnerEventId: string;
  type: string;
  occurredAt: Date;
  quantity: number;
  evidenceRef?: string;
}

export interface CitizenProfile {
  /** Chance of a bus commute on a weekday. */
  busPerWeekday: number;
  metroPerWeek: number;
  sortingPerWeek: number;
  /** Days with walking data in the last month. */
  walkingDays: number;
  violations: number;
}

const dayMs = 86_400_000;

/** Mulberry32: a small seeded generator. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function citizenYear(prefix: string, profile: CitizenProfile, today: Date, random: () => number): DemoEvent[] {
  const events: DemoEvent[] = [];
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - 365 * dayMs;
  const at = (day: number, hour: number) => new Date(start + day * dayMs + hour * 3_600_000 + Math.floor(random() * 3_000_000));
  const push = (partner: DemoPartnerKey, type: string, occurredAt: Date, quantity: number, evidenceRef?: string) =>
    events.push({ partner, partnerEventId: `${prefix}-${events.length + 1}`, type, occurredAt, quantity, ...(evidenceRef ? { evidenceRef } : {}) });
  for (let day = 0; day < 365; day++) {
    const weekday = new Date(start + day * dayMs).getUTCDay();
    if (weekday >= 1 && weekday <= 5 && random() < profile.busPerWeekday) {
      push('bus', 'bus_ride', at(day, 0), 1);
      if (random() < 0.8) push('bus', 'bus_ride', at(day, 10), 1);
    }
    if (random() < profile.metroPerWeek / 7) push('metro', 'metro_trip_km', at(day, 2), 3 + Math.floor(random() * 15));
    if (random() < profile.sortingPerWeek / 7) push('recycling', 'garbage_sorting', at(day, 12), 1 + Math.floor(random() * 2));
    if (day >= 365 - profile.walkingDays) push('recycling', 'walking_steps', at(day, 13), 3000 + Math.floor(random() * 9000));
  }
  for (let v = 0; v < profile.violations; v++) {
    push('enforcement', 'frontage_duty_neglected', at(Math.floor(random() * 300), 3), 1, `城管巡查〔2026〕${1000 + Math.floor(random() * 9000)}号`);
  }
  return events;
}

export function generatedProfile(random: () => number): CitizenProfile {
  return {
    busPerWeekday: 0.02 + random() * 0.1,
    metroPerWeek: random() * 0.4,
    sortingPerWeek: random() * 0.5,
    walkingDays: Math.floor(random() * 4),
    violations: random() < 0.05 ? 1 : 0,
  };
}
