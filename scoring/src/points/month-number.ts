function digit(iso: string, index: number): number {
  return iso.charCodeAt(index) - 48;
}

/** Month number of an ISO `YYYY-MM-DD` date (year × 12 + month − 1): equal within a calendar month. */
export function monthNumber(iso: string): number {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  return year * 12 + month - 1;
}
