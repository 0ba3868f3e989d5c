// Calendar arithmetic without the clock: ISO dates become whole day numbers (days since 1970-01-01).

function digits(iso: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (iso.charCodeAt(i) - 48);
  return value;
}

/** Day number of an ISO `YYYY-MM-DD` date (proleptic Gregorian, days-from-civil). */
export function dayNumber(iso: string): number {
  const month = digits(iso, 5, 7);
  const year = digits(iso, 0, 4) - (month <= 2 ? 1 : 0);
  const day = digits(iso, 8, 10);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
