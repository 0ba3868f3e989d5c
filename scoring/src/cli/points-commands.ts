// eco-score commands of the ecological points engine: points, what-if, simulate.
import { computePoints } from '../points/compute-points.js';
import { PointsInputError } from '../points/points-input-error.js';
import { isIsoDate } from '../points/is-iso-date.js';
import { simulateRuleChange } from '../points/simulate-rule-change.js';
import type { PointsEvent, RuleSet } from '../points/types.js';
import { validateEvidence } from '../points/validate-evidence.js';
import { validatePopulation } from '../points/validate-population.js';
import { validateRuleSet } from '../points/validate-rule-set.js';
import { whatIf } from '../points/what-if.js';
import { CliError, type CliArgs, type CommandTable } from './run-cli.js';

function required(args: CliArgs, flag: string): string {
  const value = args.flags[flag];
  if (value === undefined) throw new CliError(`--${flag} <file> is required`, flag);
  return value;
}

/** Reads a JSON file named by a flag and validates it; errors name the flag and the JSON path. */
function load<T>(args: CliArgs, flag: string, validate: (json: unknown) => T): T {
  const json = args.readJson(required(args, flag), flag);
  try {
    return validate(json);
  } catch (error) {
    if (error instanceof PointsInputError) throw new CliError(error.message, `${flag}${error.path}`);
    throw error;
  }
}

/** --as-of when given, else the latest event date, else the day the rule set took effect. */
function asOfDate(args: CliArgs, events: readonly PointsEvent[], ruleSet: RuleSet): string {
  const given = args.flags['as-of'];
  if (given !== undefined) {
    if (!isIsoDate(given)) throw new CliError(`--as-of must be a date YYYY-MM-DD, not "${given}"`, 'as-of');
    return given;
  }
  return events.reduce((latest, event) => (event.occurredOn > latest ? event.occurredOn : latest), ruleSet.effectiveFrom);
}

/** Maps the JSON pointer of a library refusal to the command-line field it came from. */
type FieldOf = (path: string) => string;

const evidenceField: FieldOf = (path) => ({ '/asOf': 'as-of', '/targetGrade': 'target', '/ruleSet': 'rules' })[path] ?? `evidence${path}`;
const populationField: FieldOf = (path) => (path === '/asOf' ? 'as-of' : path.startsWith('/newRuleSet') ? `new${path.slice('/newRuleSet'.length)}` : `population${path}`);

function refuseAsCliError<T>(fieldOf: FieldOf, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof PointsInputError) throw new CliError(error.message, fieldOf(error.path));
    throw error;
  }
}

function scoreFromFiles(args: CliArgs) {
  const ruleSet = load(args, 'rules', validateRuleSet);
  const { subject, ...evidence } = load(args, 'evidence', validateEvidence);
  return { ruleSet, result: refuseAsCliError(evidenceField, () => computePoints(subject, evidence, ruleSet, asOfDate(args, evidence.events ?? [], ruleSet))) };
}

export const pointsCommands: CommandTable = {
  points: {
    usage: 'points --rules <rule-set.json> --evidence <evidence.json> [--as-of YYYY-MM-DD]   (as-of defaults to the latest event date)',
    run: (args) => scoreFromFiles(args).result,
  },
  'what-if': {
    usage: 'what-if --rules <rule-set.json> --evidence <evidence.json> --target <grade> [--as-of YYYY-MM-DD]',
    run: (args) => {
      const target = args.flags['target'];
      if (target === undefined) throw new CliError('--target <grade> is required', 'target');
      const { ruleSet, result } = scoreFromFiles(args);
      return refuseAsCliError(evidenceField, () => whatIf(result, ruleSet, target));
    },
  },
  simulate: {
    usage: 'simulate --old <rule-set.json> --new <rule-set.json> --population <population.json> [--as-of YYYY-MM-DD]   (as-of defaults to the latest event date)',
    run: (args) => {
      const oldRuleSet = load(args, 'old', validateRuleSet);
      const newRuleSet = load(args, 'new', validateRuleSet);
      const population = load(args, 'population', validatePopulation);
      const events = population.subjects.flatMap((s) => s.events ?? []);
      return refuseAsCliError(populationField, () => simulateRuleChange(population, oldRuleSet, newRuleSet, asOfDate(args, events, oldRuleSet)));
    },
  },
};
