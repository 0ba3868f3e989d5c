import type { CommandTable } from './run-cli.js';
export const pointsCommands: CommandTable = {};
