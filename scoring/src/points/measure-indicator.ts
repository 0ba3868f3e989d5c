import { PointsInputError } from './points-input-error.js';
import type { Indicator, IndicatorValue, Subject } from './types.js';

export type Measurement = { measure: number } | { missing: 'no_benchmark' };

/** Removes binary floating-point noise (e.g. 80.00000000000001 → 80) so band edges behave as written. */
function tidy(measure: number): number {
  return Math.round(measure * 1e9) / 1e9;
}

function refuse(indicator: Indicator, expected: string, path: string): never {
  throw new PointsInputError(`indicator "${indicator.id}" expects ${expected}`, path);
}

function plainMeasure(indicator: Indicator, value: IndicatorValue, path: string): number {
  if (indicator.scoring.method === 'yes_no') return typeof value === 'boolean' ? Number(value) : refuse(indicator, 'true or false', path);
  return typeof value === 'number' ? value : refuse(indicator, 'a number', path);
}

/**
 * Turns an indicator's input value into the quantity its scoring reads: the value itself, the
 * ratio to the subject's industry benchmark in percent, or the year-on-year decline in percent.
 * `path` is the JSON pointer of the value, used when the value has the wrong shape.
 */
export function measureIndicator(indicator: Indicator, value: IndicatorValue, subject: Subject, path: string): Measurement {
  const { measure } = indicator;
  if (measure.kind === 'value') return { measure: plainMeasure(indicator, value, path) };
  if (measure.kind === 'ratio_to_industry_benchmark_pct') {
    if (typeof value !== 'number') refuse(indicator, 'a number (intensity)', path);
    const benchmark = subject.industry === undefined ? undefined : measure.benchmarks[subject.industry];
    return benchmark === undefined ? { missing: 'no_benchmark' } : { measure: tidy((value * 100) / benchmark) };
  }
  if (typeof value !== 'object') refuse(indicator, '{ current, previous }', path);
  if (!(value.previous > 0)) refuse(indicator, 'a previous value above 0', `${path}/previous`);
  return { measure: tidy(((value.previous - value.current) * 100) / value.previous) };
}
