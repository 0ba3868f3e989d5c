#!/usr/bin/env node
// eco-admin: administration from the command line. Connects to MONGODB_URI, to the development
// database of a running `npm start` (data/engine.json), or starts the embedded database itself.
import { loadConfig } from '../config/index.js';
import { openConnection } from '../db/connection.js';
import { attachToRunningEngine } from '../db/embedded/engine-file.js';
import { startDatabaseEngine } from '../db/embedded/start-database-engine.js';
import { createLogger } from '../logger.js';
import { createPlatform } from '../platform.js';
import { adminUsage, runAdminCommand } from './admin-commands.js';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === '--help') {
  console.log(adminUsage);
  process.exit(argv.length === 0 ? 2 : 0);
}
const config = loadConfig({ ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
const logger = createLogger(config);
const engine = (!config.mongodbUri && attachToRunningEngine(config.dataDir)) || (await startDatabaseEngine(config, { persistent: true, pathVariable: process.env['PATH'] }, logger));
const connection = await openConnection(engine.uri, config.dbName);
try {
  const platform = await createPlatform({ config, connection, logger, engine: engine.engine });
  const outcome = await runAdminCommand(argv, platform, process.env);
  (outcome.exitCode === 0 ? process.stdout : process.stderr).write(outcome.output + '\n');
  process.exitCode = outcome.exitCode;
} finally {
  await connection.close();
  await engine.stop();
}
