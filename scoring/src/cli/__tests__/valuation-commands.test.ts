import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliArgs } from '../run-cli.js';
import { valuationCommands } from '../valuation-commands.js';

const water = { assetType: 'water_right', annualVolumeM3: 100_000, reliabilityFactor: 0.8, pricePerM3Fen: 50, remainingYears: 2, discountRate: 0.05 };

function args(files: Record<string, unknown>, positional: string[], flags: Record<string, string> = {}): CliArgs {
  return { flags, positional, readJson: (path) => files[path] };
}

async function runWithFiles(files: Record<string, unknown>, argv: (dir: string) => string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'eco-valuation-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content));
  const output = { stdout: '', stderr: '' };
  const [out, err] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((chunk: string) => ((output.stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((output.stderr += chunk), true)) as typeof process.stderr.write;
  try {
    const code = await runCli(valuationCommands, argv(dir));
    return { code, ...output };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('eco-score value', () => {
  it('values the request in the file with the default configuration', () => {
    const result = valuationCommands.value!.run(args({ 'water.json': water }, ['water.json'])) as { valueFen: number; configVersion: string };
    expect(result).toMatchObject({ valueFen: 7_437_642, configVersion: '2026.11.1' });
  });

  it('uses the configuration given with --config', async () => {
    const { default: configJson } = await import('@eco/scoring/config/valuation-config.json', { with: { type: 'json' } });
    const custom = { ...structuredClone(configJson), version: 'bank-a-2027.1' };
    const result = valuationCommands.value!.run(args({ 'w.json': water, 'c.json': custom }, ['w.json'], { config: 'c.json' }));
    expect(result).toMatchObject({ configVersion: 'bank-a-2027.1' });
  });

  it('prints the result JSON and exits 0', async () => {
    const run = await runWithFiles({ 'water.json': water }, (dir) => ['value', join(dir, 'water.json')]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valueFen: 7_437_642 });
  });

  it('exits 2 naming the failing field of a bad request', async () => {
    const run = await runWithFiles({ 'bad.json': { ...water, discountRate: 5 } }, (dir) => ['value', join(dir, 'bad.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('eco-score value: valuation request: discountRate must be <= 1 (field: discountRate)\n');
  });

  it('exits 2 when no file is named', async () => {
    const run = await runWithFiles({}, () => ['value']);
    expect(run).toMatchObject({ code: 2, stderr: 'eco-score value: missing file (field: file)\n' });
  });
});

describe('eco-score stress', () => {
  const input = { pledges: [{ id: 'p1', asset: water, outstandingLoanFen: 3_000_000 }], scenarios: ['drought'] };

  it('runs the named built-in scenarios after a baseline', () => {
    const result = valuationCommands.stress!.run(args({ 's.json': input }, ['s.json'])) as { scenarios: { id: string; pledges: { ltv: number }[] }[] };
    expect(result.scenarios.map((s) => s.id)).toEqual(['drought']);
    expect(result.scenarios[0]!.pledges[0]!.ltv).toBe(0.5762);
  });

  it('runs every built-in scenario when none are named', () => {
    const result = valuationCommands.stress!.run(args({ 's.json': { pledges: input.pledges } }, ['s.json'])) as { scenarios: unknown[] };
    expect(result.scenarios).toHaveLength(4);
  });

  it('exits 2 naming an unknown scenario or a bad pledge', async () => {
    const unknown = await runWithFiles({ 's.json': { ...input, scenarios: ['meteor'] } }, (dir) => ['stress', join(dir, 's.json')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('(field: scenarios[0])');
    const bad = await runWithFiles({ 's.json': { pledges: [{ id: 'p1', asset: { ...water, remainingYears: -1 }, outstandingLoanFen: 1 }] } }, (dir) => ['stress', join(dir, 's.json')]);
    expect(bad.stderr).toContain('(field: pledges[0].asset.remainingYears)');
  });
});
