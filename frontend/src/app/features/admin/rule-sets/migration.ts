import type { EChartsCoreOption } from 'echarts/core';

/** Grades in the order of the matrix rows and columns: the rule set's scale, then "(ungraded)". */
export function migrationGrades(migration: Record<string, Record<string, number>>, scale: readonly string[]): string[] {
  const present = new Set([...Object.keys(migration), ...Object.values(migration).flatMap((row) => Object.keys(row))]);
  return [...scale.filter((g) => present.has(g)), ...[...present].filter((g) => !scale.includes(g))];
}

/** How many subjects hold each grade before and after the change. */
export function gradeCounts(migration: Record<string, Record<string, number>>, grades: readonly string[]): { before: number[]; after: number[] } {
  const before = grades.map((g) => Object.values(migration[g] ?? {}).reduce((a, b) => a + b, 0));
  const after = grades.map((g) => Object.values(migration).reduce((a, row) => a + (row[g] ?? 0), 0));
  return { before, after };
}

export function migrationChartOptions(grades: readonly string[], counts: { before: number[]; after: number[] }, names: { before: string; after: string }): EChartsCoreOption {
  return {
    grid: { left: 48, right: 16, top: 32, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [...grades] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.before, type: 'bar', data: counts.before, itemStyle: { color: '#9db8a4' } },
      { name: names.after, type: 'bar', data: counts.after, itemStyle: { color: '#2e6b3f' } },
    ],
  };
}
