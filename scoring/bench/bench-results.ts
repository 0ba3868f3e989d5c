// Every benchmark reports its headline figures through here: printed, and — when run by
// `npm run bench` (tests/bench/run.mjs sets BENCH_RESULTS) — appended as one JSON line to that file,
// which run.mjs gathers into bench-results/<timestamp>.json and bench-results/latest.json.
import { appendFileSync } from 'node:fs';

export interface BenchFigure {
  /** What was measured, e.g. "p99 latency" or "throughput". */
  metric: string;
  unit: string;
  figure: number;
  /** The same quantity for the baseline measured in the same run. */
  baseline: number;
  baselineName: string;
  /** figure / baseline. */
  ratio: number;
  /** e.g. "≤ 3×" or "≥ 0.5×"; absent when the issue sets none. */
  target?: string;
  met?: boolean;
  details?: Record<string, unknown>;
}

/** Records one figure of a benchmark; returns it for printing. */
export function recordFigure(bench: string, figure: BenchFigure): BenchFigure {
  const file = process.env['BENCH_RESULTS'];
  if (file) appendFileSync(file, `${JSON.stringify({ bench, ...figure })}\n`);
  return figure;
}

/** Checks a ratio against a target written as "≤ n×" or "≥ n×". */
export function meets(ratio: number, target: string): boolean {
  const m = /^([≤≥])\s*([\d.]+)×$/.exec(target);
  if (!m) throw new Error(`target "${target}" is not "≤ n×" or "≥ n×"`);
  return m[1] === '≤' ? ratio <= Number(m[2]) : ratio >= Number(m[2]);
}

/** Records a figure against a target, computing the ratio and whether it is met. */
export function recordRatio(bench: string, metric: string, unit: string, figure: number, baselineName: string, baseline: number, target?: string, details?: Record<string, unknown>): BenchFigure {
  const ratio = figure / baseline;
  return recordFigure(bench, { metric, unit, figure, baselineName, baseline, ratio, ...(target ? { target, met: meets(ratio, target) } : {}), ...(details ? { details } : {}) });
}
