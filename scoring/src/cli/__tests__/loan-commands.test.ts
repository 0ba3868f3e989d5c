import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loanCommands } from '../loan-commands.js';
import { runCli, type CliArgs } from '../run-cli.js';

const request = { principalFen: 1_000_000, annualRate: 0.0365, method: 'equal_principal', frequency: 'quarterly', termMonths: 12, disbursementDate: '2026-01-31', dayCount: 'actual_365' };

function args(files: Record<string, unknown>, positional: string[]): CliArgs {
  return { flags: {}, positional, readJson: (path) => files[path] };
}

async function runWithFiles(files: Record<string, unknown>, argv: (dir: string) => string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'eco-loans-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content));
  const output = { stdout: '', stderr: '' };
  const [out, err] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((chunk: string) => ((output.stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((output.stderr += chunk), true)) as typeof process.stderr.write;
  try {
    const code = await runCli(loanCommands, argv(dir));
    return { code, ...output };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('eco-score schedule', () => {
  it('builds the schedule of the request in the file', () => {
    const result = loanCommands.schedule!.run(args({ 'loan.json': request }, ['loan.json'])) as { totals: unknown; instalments: { interestFen: number }[] };
    expect(result.totals).toEqual({ principalFen: 1_000_000, interestFen: 22_700, totalFen: 1_022_700 });
    expect(result.instalments.map((i) => i.interestFen)).toEqual([8_900, 6_900, 4_600, 2_300]);
  });

  it('prints the schedule JSON and exits 0', async () => {
    const run = await runWithFiles({ 'loan.json': request }, (dir) => ['schedule', join(dir, 'loan.json')]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ method: 'equal_principal', maturityDate: '2027-01-31', levelPrincipalFen: 250_000 });
  });

  it('exits 2 naming the failing field of a bad request', async () => {
    const run = await runWithFiles({ 'bad.json': { ...request, termMonths: 10 } }, (dir) => ['schedule', join(dir, 'bad.json')]);
    expect(run).toMatchObject({ code: 2, stderr: 'eco-score schedule: schedule request: termMonths must be a multiple of 3 for quarterly repayment, got 10 (field: termMonths)\n' });
  });

  it('exits 2 when no file is named', async () => {
    const run = await runWithFiles({}, () => ['schedule']);
    expect(run).toMatchObject({ code: 2, stderr: 'eco-score schedule: missing file (field: file)\n' });
  });
});
