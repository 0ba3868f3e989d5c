import { BondInputError } from './bond-input-error.js';
import type { ImpactTotals, ProjectImpact } from './types.js';

/** Measures are reported to three decimals (t, tCO2e, m³); sums are kept in integer thousandths. */
const scale = 1000;

/**
 * The report's benefit totals: each measure summed over the projects (exactly, in thousandths),
 * so the report's figure is the sum of the projects' figures.
 */
export function aggregateImpact(projects: readonly ProjectImpact[]): ImpactTotals {
  const sums = new Map<string, number>();
  for (const p of projects) {
    for (const [measure, value] of Object.entries(p.measures)) {
      if (!Number.isFinite(value) || value < 0) throw new BondInputError(`${p.projectId}: ${measure} must be a non-negative number`);
      const thousandths = Math.round(value * scale);
      if (Math.abs(thousandths - value * scale) > 1e-6 * Math.max(1, value * scale)) throw new BondInputError(`${p.projectId}: ${measure} has more than three decimals`);
      sums.set(measure, (sums.get(measure) ?? 0) + thousandths);
    }
  }
  const totals: Record<string, number> = {};
  for (const [measure, thousandths] of [...sums.entries()].sort(([a], [b]) => a.localeCompare(b))) totals[measure] = thousandths / scale;
  return { totals, projects: projects.length };
}
