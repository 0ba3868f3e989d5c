#!/usr/bin/env node
// eco-score: command-line front of the scoring library. Each area registers its commands.
import { pointsCommands } from './points-commands.js';
import { valuationCommands } from './valuation-commands.js';
import { loanCommands } from './loan-commands.js';
import { runCli, type CommandTable } from './run-cli.js';

const commands: CommandTable = { ...pointsCommands, ...valuationCommands, ...loanCommands };

process.exitCode = await runCli(commands, process.argv.slice(2));
