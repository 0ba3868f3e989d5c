// Points count on calendar days in China time (UTC+8, no daylight saving).
const chinaOffsetMs = 8 * 3600_000;
const dayMs = 86_400_000;

export const chinaDate = (at: Date): string => new Date(at.getTime() + chinaOffsetMs).toISOString().slice(0, 10);

export const addDays = (isoDate: string, days: number): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

export const daysBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / dayMs;

/** Last day of each of the 12 months up to the as-of date (the as-of date itself last). */
export function monthEnds(asOf: string, months = 12): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const ends: string[] = [];
  for (let back = months - 1; back >= 1; back--) {
    const end = new Date(Date.UTC(y, m - back, 0));
    ends.push(end.toISOString().slice(0, 10));
  }
  ends.push(asOf);
  return ends;
}
