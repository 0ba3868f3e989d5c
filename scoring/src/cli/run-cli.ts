import { readFileSync } from 'node:fs';

/** A command receives parsed flags and positional arguments and returns the JSON to print. */
export type Command = (args: CliArgs) => unknown;
export type CommandTable = Record<string, { usage: string; run: Command }>;

export interface CliArgs {
  flags: Record<string, string>;
  positional: string[];
  readJson: (pathOrDash: string, what: string) => unknown;
}

/** A user-facing CLI error: printed without a stack, exit code 2. */
export class CliError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

export function parseArgs(argv: string[]): { flags: Record<string, string>; positional: string[] } {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new CliError(`flag ${arg} needs a value`, arg.slice(2));
        flags[arg.slice(2)] = next;
        i++;
      }
    } else positional.push(arg);
  }
  return { flags, positional };
}

function readJson(pathOrDash: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(pathOrDash === '-' ? 0 : pathOrDash, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} from ${pathOrDash}: ${(e as Error).message}`, what);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${what} is not valid JSON: ${(e as Error).message}`, what);
  }
}

export async function runCli(commands: CommandTable, argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const usage = Object.entries(commands).map(([, c]) => `  eco-score ${c.usage}`).join('\n');
    process.stderr.write(`${name ? `unknown command: ${name}\n` : ''}usage:\n${usage}\n`);
    return 2;
  }
  try {
    const parsed = parseArgs(rest);
    const result = await command.run({ ...parsed, readJson });
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (e) {
    const err = e as Error & { field?: string; path?: string };
    const field = err.field ?? err.path;
    process.stderr.write(`eco-score ${name}: ${err.message}${field ? ` (field: ${field})` : ''}\n`);
    return 2;
  }
}
