// eco-score commands of the loan mathematics: schedule.
import { buildRepaymentSchedule } from '../loans/build-repayment-schedule.js';
import { CliError, type CliArgs, type CommandTable } from './run-cli.js';

function onlyPositional(args: CliArgs, name: string): string {
  const [file, extra] = args.positional;
  if (file === undefined) throw new CliError(`missing ${name}`, name);
  if (extra !== undefined) throw new CliError(`unexpected argument "${extra}"`, name);
  return file;
}

export const loanCommands: CommandTable = {
  schedule: {
    usage: 'schedule <file|->   repayment schedule of {principalFen, annualRate, method, frequency, termMonths, disbursementDate, firstDueDate?, dayCount}; prints the schedule JSON',
    run: (args) => buildRepaymentSchedule(args.readJson(onlyPositional(args, 'file'), 'schedule request')),
  },
};
