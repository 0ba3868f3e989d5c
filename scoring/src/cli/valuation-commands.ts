import {
  defaultValuationConfig,
  stressPortfolio,
  validateStressInput,
  validateValuationConfig,
  validateValuationRequest,
  valueAsset,
  type ValuationConfig,
} from '../valuation/index.js';
import { CliError, type CliArgs, type CommandTable } from './run-cli.js';

/** The configuration named by --config, else the shipped default. */
function configFrom(args: CliArgs): ValuationConfig {
  const path = args.flags.config;
  return path === undefined ? defaultValuationConfig : validateValuationConfig(args.readJson(path, 'valuation configuration'));
}

function onlyPositional(args: CliArgs, name: string): string {
  const [file, extra] = args.positional;
  if (file === undefined) throw new CliError(`missing ${name}`, name);
  if (extra !== undefined) throw new CliError(`unexpected argument "${extra}"`, name);
  return file;
}

export const valuationCommands: CommandTable = {
  value: {
    usage: 'value <file|-> [--config <valuation-config.json>]   value one pledged asset; prints the result JSON',
    run: (args) => {
      const config = configFrom(args);
      const request = validateValuationRequest(args.readJson(onlyPositional(args, 'file'), 'valuation request'));
      return valueAsset(request, config);
    },
  },
  stress: {
    usage: 'stress <file> [--config <valuation-config.json>]   stress-test pledges {pledges, scenarios?}; prints per-scenario LTVs',
    run: (args) => {
      const config = configFrom(args);
      const { pledges, scenarios } = validateStressInput(args.readJson(onlyPositional(args, 'file'), 'stress input'), config);
      return stressPortfolio(pledges, scenarios, config);
    },
  },
};
