// npm run bench -- points
// Scores 1,000,000 events for 100,000 individuals under a rule set of 30 rules with the engine, and
// does the same arithmetic (canonical order, evidence, daily and monthly caps, expiry, vetoes,
// downgrades, grade, redemption value) in a hand-written loop. Prints both times and their ratio
// against the target: the engine takes at most 3× the hand-written loop.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { recordRatio } from './bench-results.js';
import { computePoints, validateRuleSet, type AccumulatingRule, type AccumulatingRuleSet, type PointsEvent } from '../src/index.js';

const SUBJECTS = Number(process.env['BENCH_POINTS_SUBJECTS'] ?? 100_000);
const EVENTS_PER_SUBJECT = 10;
const AS_OF = '2026-03-10';
const TARGET_RATIO = 3;

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

function benchRuleSet(): AccumulatingRuleSet {
  const base = JSON.parse(readFileSync(new URL('../rule-sets/individual.json', import.meta.url), 'utf8')) as AccumulatingRuleSet;
  const extra: AccumulatingRule[] = Array.from({ length: 22 }, (_, i) => ({
    id: `behaviour_${i}`,
    eventType: `behaviour_${i}`,
    category: `category_${i % 5}`,
    label: `Behaviour ${i}`,
    unit: 'act',
    centipointsPerUnit: i % 7 === 6 ? -150 : 20 + 10 * i,
    ...(i % 2 === 0 ? { dailyCapCentipoints: 400 + 50 * i } : {}),
    ...(i % 3 === 0 ? { monthlyCapCentipoints: 3000 + 100 * i } : {}),
    ...(i % 4 !== 3 ? { expiresAfterDays: 30 + 20 * i } : {}),
    evidenceRequired: i % 5 === 0,
    source: 'benchmark rule',
  }));
  return validateRuleSet({ ...base, id: 'bench-30-rules', rules: [...base.rules, ...extra] }) as AccumulatingRuleSet;
}

function isoDate(dayOffset: number): string {
  return new Date(Date.UTC(2026, 2, 10) - dayOffset * 86_400_000).toISOString().slice(0, 10);
}

function population(ruleSet: AccumulatingRuleSet): PointsEvent[][] {
  const next = random(20260310);
  const dates = Array.from({ length: 400 }, (_, offset) => isoDate(offset));
  const types = [...ruleSet.rules.map((r) => r.eventType), 'environmental_crime_conviction', 'environmental_administrative_penalty'];
  return Array.from({ length: SUBJECTS }, (_, s) =>
    Array.from({ length: EVENTS_PER_SUBJECT }, (_, e): PointsEvent => {
      const rare = next() < 0.002;
      const type = rare ? types[ruleSet.rules.length + Math.floor(next() * 2)]! : types[Math.floor(next() * ruleSet.rules.length)]!;
      const quantity = type === 'walking_steps' ? 1000 + Math.floor(next() * 19000) : 1 + Math.floor(next() * 5);
      const event: PointsEvent = { id: `s${s}-e${e}`, type, occurredOn: dates[Math.floor(next() * 400)]!, quantity };
      if (next() < 0.5) event.evidence = { source: 'partner', documentId: `d${s}-${e}` };
      return event;
    }),
  );
}

// ---------- the hand-written loop ----------

function digits(iso: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (iso.charCodeAt(i) - 48);
  return value;
}

function dayOf(iso: string): number {
  const month = digits(iso, 5, 7);
  const year = digits(iso, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + digits(iso, 8, 10) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function monthOf(iso: string): number {
  return digits(iso, 0, 4) * 12 + digits(iso, 5, 7) - 1;
}

function handWritten(ruleSet: AccumulatingRuleSet, subjects: PointsEvent[][]): { totals: number; grades: number[]; fen: number } {
  const rules = ruleSet.rules;
  const ruleIndex = new Map(rules.map((r, i) => [r.eventType, i]));
  const vetoes = new Map(ruleSet.vetoes.map((v) => [v.eventType, v]));
  const downgrades = new Map(ruleSet.downgrades.map((d) => [d.eventType, d]));
  const gradeIndex = new Map(ruleSet.grades.map((g, i) => [g.id, i]));
  const asOfDay = dayOf(AS_OF);
  const lastDay: number[] = rules.map(() => NaN);
  const usedDay: number[] = rules.map(() => 0);
  const lastMonth: number[] = rules.map(() => NaN);
  const usedMonth: number[] = rules.map(() => 0);
  const cutOffs = ruleSet.grades.map((g) => g.minTotalCentipoints ?? -Infinity);
  const grades = ruleSet.grades.map(() => 0);
  let totals = 0;
  let fen = 0;
  for (const events of subjects) {
    const sorted = [...events].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    lastDay.fill(NaN);
    lastMonth.fill(NaN);
    let total = 0;
    let forced = -1;
    let steps = 0;
    for (const event of sorted) {
      if (event.occurredOn > AS_OF) continue;
      const day = dayOf(event.occurredOn);
      const hasEvidence = event.evidence !== undefined;
      const index = ruleIndex.get(event.type);
      const rule = index === undefined ? undefined : rules[index]!;
      const expired = rule?.expiresAfterDays !== undefined && asOfDay - day >= rule.expiresAfterDays;
      if (index !== undefined && rule && (hasEvidence || !rule.evidenceRequired) && !expired) {
        const month = monthOf(event.occurredOn);
        if (lastDay[index] !== day) {
          lastDay[index] = day;
          usedDay[index] = 0;
        }
        if (lastMonth[index] !== month) {
          lastMonth[index] = month;
          usedMonth[index] = 0;
        }
        const raw = event.quantity * rule.centipointsPerUnit;
        const size = Math.abs(raw);
        const dayRoom = rule.dailyCapCentipoints === undefined ? size : rule.dailyCapCentipoints - usedDay[index]!;
        const monthRoom = rule.monthlyCapCentipoints === undefined ? size : rule.monthlyCapCentipoints - usedMonth[index]!;
        const allowed = Math.max(0, Math.min(size, dayRoom, monthRoom));
        usedDay[index] = usedDay[index]! + allowed;
        usedMonth[index] = usedMonth[index]! + allowed;
        total += raw < 0 ? -allowed : allowed;
      }
      const veto = vetoes.get(event.type);
      if (veto && (hasEvidence || !veto.evidenceRequired) && asOfDay - day < veto.durationDays) forced = Math.max(forced, gradeIndex.get(veto.forceGrade)!);
      const downgrade = downgrades.get(event.type);
      if (downgrade && (hasEvidence || !downgrade.evidenceRequired) && asOfDay - day < downgrade.durationDays) steps += downgrade.steps;
    }
    let grade = 0;
    while (total < cutOffs[grade]!) grade++;
    grade = Math.max(forced, Math.min(ruleSet.grades.length - 1, grade + steps));
    grades[grade]!++;
    totals += total;
    fen += Math.floor((Math.max(0, total) * ruleSet.grades[grade]!.benefits.redemptionFenPerPoint) / 100);
  }
  return { totals, grades, fen };
}

// ---------- the engine ----------

function engine(ruleSet: AccumulatingRuleSet, subjects: PointsEvent[][]): { totals: number; grades: number[]; fen: number } {
  const ids = ruleSet.grades.map((g) => g.id);
  const grades = ids.map(() => 0);
  let totals = 0;
  let fen = 0;
  subjects.forEach((events, s) => {
    const result = computePoints({ id: `s${s}`, type: 'individual' }, { events }, ruleSet, AS_OF);
    totals += result.totalCentipoints;
    grades[ids.indexOf(result.grade!)]!++;
    fen += result.benefits!.redemptionValueFen;
  });
  return { totals, grades, fen };
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const ruleSet = benchRuleSet();
const subjects = population(ruleSet);
console.log(`${SUBJECTS.toLocaleString('en')} individuals, ${(SUBJECTS * EVENTS_PER_SUBJECT).toLocaleString('en')} events, ${ruleSet.rules.length} rules, as of ${AS_OF}`);
engine(ruleSet, subjects.slice(0, 20_000));
handWritten(ruleSet, subjects.slice(0, 20_000));
type Outcome = { totals: number; grades: number[]; fen: number };
const loopRuns: { value: Outcome; ms: number }[] = [];
const engineRuns: { value: Outcome; ms: number }[] = [];
for (let round = 0; round < 3; round++) {
  loopRuns.push(timed(() => handWritten(ruleSet, subjects)));
  engineRuns.push(timed(() => engine(ruleSet, subjects)));
}
const best = (runs: { value: Outcome; ms: number }[]) => ({ value: runs[0]!.value, ms: Math.min(...runs.map((r) => r.ms)) });
const loop = best(loopRuns);
const scored = best(engineRuns);
const same = JSON.stringify(loop.value) === JSON.stringify(scored.value);
const ratio = scored.ms / loop.ms;
console.log(`hand-written loop: ${loop.ms.toFixed(0)} ms   (best of 3 interleaved rounds)`);
console.log(`engine:            ${scored.ms.toFixed(0)} ms   (best of 3 interleaved rounds; builds explanation lines, breakdown, coverage)`);
console.log(`ratio:             ${ratio.toFixed(2)}×   target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`);
console.log(`same results:      ${same ? 'yes' : 'NO'} (sum of totals ${scored.value.totals} centipoints, grades ${JSON.stringify(scored.value.grades)}, redemption ${scored.value.fen} fen)`);
recordRatio('points', `time to score ${(SUBJECTS * EVENTS_PER_SUBJECT).toLocaleString('en')} events`, 'ms', scored.ms, 'hand-written loop', loop.ms, `≤ ${TARGET_RATIO}×`, { sameResults: same });
if (!same) {
  console.log(`hand-written loop gave ${JSON.stringify(loop.value)}`);
  process.exitCode = 1;
}
