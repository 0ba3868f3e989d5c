// npm start: database engine, platform, demo data on an empty database, jobs, HTTP server.
import type { Server } from 'node:http';
import { loadConfig } from './config/index.js';
import { openConnection } from './db/connection.js';
import { forgetRunningEngine, recordRunningEngine } from './db/embedded/engine-file.js';
import { startDatabaseEngine } from './db/embedded/start-database-engine.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { createApp } from './http/app.js';
import { createLogger } from './logger.js';
import { createPlatform, startJobs } from './platform.js';

const config = loadConfig();
const logger = createLogger(config);
const engine = await startDatabaseEngine(config, { persistent: true, pathVariable: process.env['PATH'] }, logger);
const connection = await openConnection(engine.uri, config.dbName);
recordRunningEngine(config.dataDir, engine);
const platform = await createPlatform({ config, connection, logger, engine: engine.engine });
if (config.seedDemo) await seedDemoIfEmpty(platform);
await startJobs(platform);

const server: Server = createApp(platform).listen(config.port, config.host, () => {
  logger.info({ url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`, engine: engine.engine }, 'platform is up');
});
server.requestTimeout = 60_000;

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing requests, stopping jobs, closing the database');
  const forced = setTimeout(() => process.exit(1), 25_000).unref();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections(); // in-flight requests finish; idle keep-alive sockets go now
  await closed;
  await platform.services.jobs.stop();
  await connection.close();
  await engine.stop();
  forgetRunningEngine(config.dataDir);
  clearTimeout(forced);
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
