// npm run bench -- schedule
// Builds 100,000 repayment schedules (mixed annuity / equal principal, monthly / quarterly, 12–120
// months, the three day counts) with buildRepaymentSchedule — schema validation, exact bigint
// annuity and interest, half-even rounding per amount, due dates, totals, convention text — and the
// same instalment arithmetic in a plain floating-point loop (annuity factor from the periodic
// rate, interest on actual days under the day count, rounding each amount to the fen with
// Math.round, last instalment absorbing). Prints schedules per second, the ratio, and the largest
// difference in total interest between the two. Not a timed test: figures only.
import { performance } from 'node:perf_hooks';
import { accrualDays, addMonths, buildRepaymentSchedule, type ScheduleRequest } from '../src/index.js';
import { recordRatio } from './bench-results.js';

const SCHEDULES = Number(process.env.BENCH_SCHEDULES ?? 100_000);

/** Seeded generator (mulberry32): the same data on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRequests(count: number): ScheduleRequest[] {
  const next = random(20261129);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const dayCounts = ['actual_360', 'actual_365', '30_360'] as const;
  return Array.from({ length: count }, (_, i) => {
    const frequency = i % 4 === 3 ? 'quarterly' : 'monthly';
    const periods = frequency === 'monthly' ? int(12, 120) : int(4, 40);
    const day = int(1, 28);
    return {
      principalFen: int(1_000_000, 5_000_000_000),
      annualRate: int(250, 800) / 10_000,
      method: i % 2 === 0 ? 'equal_instalment' : 'equal_principal',
      frequency,
      termMonths: frequency === 'monthly' ? periods : periods * 3,
      disbursementDate: `20${int(24, 30)}-${String(int(1, 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      dayCount: dayCounts[i % 3]!,
    };
  });
}

/** The same schedule arithmetic in doubles (dates and day counts shared with the engine). */
function plainSchedule(r: ScheduleRequest): number {
  const months = r.frequency === 'monthly' ? 1 : 3;
  const n = r.termMonths / months;
  const rate = r.annualRate / (12 / months);
  const basis = r.dayCount === 'actual_365' ? 365 : 360;
  const level = r.method === 'equal_instalment' ? (rate === 0 ? r.principalFen / n : (r.principalFen * rate * (1 + rate) ** n) / ((1 + rate) ** n - 1)) : r.principalFen / n;
  const levelFen = Math.round(level);
  const day = Number(r.disbursementDate.slice(8, 10));
  let opening = r.principalFen;
  let from = r.disbursementDate;
  let interestTotal = 0;
  for (let k = 1; k <= n; k++) {
    const due = addMonths(r.disbursementDate, k * months, day);
    const interest = Math.round((opening * r.annualRate * accrualDays(r.dayCount, from, due)) / basis);
    const principal = k === n ? opening : Math.max(0, Math.min(opening, r.method === 'equal_instalment' ? levelFen - interest : levelFen));
    opening -= principal;
    interestTotal += interest;
    from = due;
  }
  return interestTotal;
}

function time(label: string, work: () => number): number {
  const start = performance.now();
  const check = work();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(52)} ${seconds.toFixed(3).padStart(8)} s  ${Math.round(SCHEDULES / seconds).toLocaleString('en-US').padStart(10)} schedules/s  (checksum ${check.toExponential(6)})`);
  return seconds;
}

const requests = makeRequests(SCHEDULES);
const instalments = requests.reduce((s, r) => s + r.termMonths / (r.frequency === 'monthly' ? 1 : 3), 0);
console.log(`${SCHEDULES.toLocaleString('en-US')} schedules, ${instalments.toLocaleString('en-US')} instalments (mean ${(instalments / SCHEDULES).toFixed(1)})`);
for (const r of requests.slice(0, 2_000)) {
  buildRepaymentSchedule(r);
  plainSchedule(r);
}
const engine = time('buildRepaymentSchedule (exact bigint, validated)', () => requests.reduce((s, r) => s + buildRepaymentSchedule(r).totals.interestFen, 0));
const plain = time('plain float loop, same instalment arithmetic', () => requests.reduce((s, r) => s + plainSchedule(r), 0));

let worst = 0;
for (const r of requests.slice(0, 10_000)) worst = Math.max(worst, Math.abs(buildRepaymentSchedule(r).totals.interestFen - plainSchedule(r)));
recordRatio('schedule', `time to build ${SCHEDULES} schedules`, 's', engine, 'plain float loop', plain, undefined, { instalmentsPerSecond: Math.round(instalments / engine) });
console.log(`\nengine / plain float loop: ${(engine / plain).toFixed(1)}×`);
console.log(`engine: ${Math.round(instalments / engine).toLocaleString('en-US')} instalments/s`);
console.log(`largest difference in total interest, exact vs float (first 10,000 schedules): ${worst} fen`);
