import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pointsCommands } from '../points-commands.js';
import { CliError, type CliArgs } from '../run-cli.js';

const scoringRoot = fileURLToPath(new URL('../../../', import.meta.url));
const individualRules: unknown = JSON.parse(readFileSync(join(scoringRoot, 'rule-sets/individual.json'), 'utf8'));
const evidence = {
  subject: { id: 'person-1', type: 'individual' },
  events: [
    { id: 'e1', type: 'garbage_sorting', occurredOn: '2026-03-01', quantity: 5 },
    { id: 'e2', type: 'bus_ride', occurredOn: '2026-03-04', quantity: 2 },
  ],
};
/** The proposal: light green from 5 points instead of 300. */
const lowerCutOff = structuredClone(individualRules) as { version: string; grades: { minTotalCentipoints?: number }[] };
lowerCutOff.version = '1.1.0';
lowerCutOff.grades[1]!.minTotalCentipoints = 500;

function args(flags: Record<string, string>, files: Record<string, unknown> = {}): CliArgs {
  return {
    flags,
    positional: [],
    readJson: (path, what) => {
      if (!(path in files)) throw new CliError(`cannot read ${what} from ${path}`, what);
      return structuredClone(files[path]);
    },
  };
}

const files = { 'rules.json': individualRules, 'evidence.json': evidence, 'new.json': lowerCutOff, 'population.json': { subjects: [evidence] } };

function refusal(command: string, flags: Record<string, string>, given: Record<string, unknown> = files): [string, string | undefined] {
  try {
    pointsCommands[command]!.run(args(flags, given));
  } catch (error) {
    if (error instanceof CliError) return [error.message, error.field];
    throw error;
  }
  return ['accepted', undefined];
}

describe('eco-score points', () => {
  it('scores the evidence under the rule set as of the given date', () => {
    const result = pointsCommands['points']!.run(args({ rules: 'rules.json', evidence: 'evidence.json', 'as-of': '2026-03-10' }, files));
    expect(result).toMatchObject({ subjectId: 'person-1', asOf: '2026-03-10', ruleSet: { id: 'individual-default', version: '1.0.0' }, totalCentipoints: 740, grade: 'yellow' });
  });

  it('takes the latest event date as the as-of date when none is given', () => {
    expect(pointsCommands['points']!.run(args({ rules: 'rules.json', evidence: 'evidence.json' }, files))).toMatchObject({ asOf: '2026-03-04' });
  });

  it.each([
    ['a missing --rules flag', { evidence: 'evidence.json' }, files, ['--rules <file> is required', 'rules']],
    ['an unreadable file', { rules: 'nowhere.json', evidence: 'evidence.json' }, files, ['cannot read rules from nowhere.json', 'rules']],
    ['an invalid as-of date', { rules: 'rules.json', evidence: 'evidence.json', 'as-of': '2026-02-30' }, files, ['--as-of must be a date YYYY-MM-DD, not "2026-02-30"', 'as-of']],
    ['a malformed rule set', { rules: 'rules.json', evidence: 'evidence.json' }, { ...files, 'rules.json': { ...(individualRules as object), grades: [] } }, ['rule set: must NOT have fewer than 2 items', 'rules/grades']],
    ['malformed evidence', { rules: 'rules.json', evidence: 'evidence.json' }, { ...files, 'evidence.json': { ...evidence, events: [{ id: 'x', type: 'bus_ride', occurredOn: '2026-03-01', quantity: -1 }] } }, ['evidence: must be >= 0', 'evidence/events/0/quantity']],
    ['a subject of another type', { rules: 'rules.json', evidence: 'evidence.json' }, { ...files, 'evidence.json': { ...evidence, subject: { id: 'x', type: 'village' } } }, ['rule set individual-default scores individual subjects, not village', 'evidence/subject/type']],
  ])('refuses %s, naming the field', (_name, flags, given, expected) => {
    expect(refusal('points', flags, given)).toEqual(expected);
  });
});

describe('eco-score what-if', () => {
  it('plans the actions that reach the target grade', () => {
    const result = pointsCommands['what-if']!.run(args({ rules: 'rules.json', evidence: 'evidence.json', target: 'light_green', 'as-of': '2026-03-10' }, files));
    expect(result).toMatchObject({ currentGrade: 'yellow', reachable: true, actions: [{ ruleId: 'walking_steps', quantity: 14630, gainCentipoints: 29260 }], projectedTotalCentipoints: 30000, projectedGrade: 'light_green' });
  });

  it('refuses an unknown target grade', () => {
    expect(refusal('what-if', { rules: 'rules.json', evidence: 'evidence.json', target: 'gold' })).toEqual(['rule set individual-default has no grade "gold"', 'target']);
  });
});

describe('eco-score simulate', () => {
  it('simulates the new rule set on the population', () => {
    const result = pointsCommands['simulate']!.run(args({ old: 'rules.json', new: 'new.json', population: 'population.json' }, files));
    expect(result).toMatchObject({ asOf: '2026-03-04', oldRuleSet: { version: '1.0.0' }, newRuleSet: { version: '1.1.0' }, subjects: 1, gradeChanged: 1, gradeImproved: 1 });
  });

  it('refuses a subject the rule sets do not score, naming it within the population', () => {
    const population = { subjects: [evidence, { subject: { id: 'v', type: 'village' } }] };
    expect(refusal('simulate', { old: 'rules.json', new: 'new.json', population: 'population.json' }, { ...files, 'population.json': population })).toEqual(['rule set individual-default scores individual subjects, not village', 'population/subjects/1/subject/type']);
  });

  it('refuses a population with a malformed subject, naming the field', () => {
    expect(refusal('simulate', { old: 'rules.json', new: 'new.json', population: 'population.json' }, { ...files, 'population.json': { subjects: [{ subject: { id: 'x' } }] } })).toEqual(["population: must have required property 'type'", 'population/subjects/0/subject/type']);
  });
});

describe('the eco-score program', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eco-score-'));
  writeFileSync(join(dir, 'evidence.json'), JSON.stringify(evidence));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...evidence, events: [{ id: 'x', type: 'bus_ride', occurredOn: '2026-13-01', quantity: 1 }] }));
  const run = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/eco-score.ts', ...argv], { cwd: scoringRoot, encoding: 'utf8' });

  it('prints the result as JSON and exits 0, or prints the field and exits 2', () => {
    const ok = run('points', '--rules', 'rule-sets/individual.json', '--evidence', join(dir, 'evidence.json'), '--as-of', '2026-03-10');
    const bad = run('points', '--rules', 'rule-sets/individual.json', '--evidence', join(dir, 'bad.json'));
    expect([ok.status, JSON.parse(ok.stdout).totalCentipoints]).toEqual([0, 740]);
    expect([bad.status, bad.stderr]).toEqual([2, 'eco-score points: evidence: must match format "date" (field: evidence/events/0/occurredOn)\n']);
  }, 30000);
});
