import type { CommandTable } from './run-cli.js';
export const valuationCommands: CommandTable = {};
