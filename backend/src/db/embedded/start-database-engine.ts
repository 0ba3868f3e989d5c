// Chooses the database the platform talks to:
//   MONGODB_URI set        → that server (production: a MongoDB replica set);
//   otherwise, in order    → (a) a mongod on this machine, (b) mongodb-memory-server's download,
//                            (c) the development server (mongo-java-server);
//   EMBEDDED_DB=mongod|dev → forces (a/b) or (c).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config/index.js';
import type { Logger } from '../../logger.js';
import { startDevMongoServer } from './dev-mongo-server.js';
import { findSystemMongod, startDownloadedMongod, startSystemMongod } from './mongod-server.js';
import type { RunningEngine } from './running-engine.js';

export type { RunningEngine };

export interface EngineOptions {
  /** Keep data on disk under config.dataDir (npm start) instead of in memory (tests). */
  persistent: boolean;
  pathVariable?: string | undefined;
  downloadTimeoutMs?: number;
}

async function startMongod(config: Config, options: EngineOptions): Promise<RunningEngine | undefined> {
  const binary = findSystemMongod(config.mongodSystemBinary, options.pathVariable);
  const dbPath = options.persistent ? join(config.dataDir, 'mongod') : undefined;
  if (binary) return startSystemMongod(binary, dbPath);
  return startDownloadedMongod(config.dataDir, options.downloadTimeoutMs ?? 5000, new Date());
}

export async function startDatabaseEngine(config: Config, options: EngineOptions, logger?: Logger): Promise<RunningEngine> {
  if (config.mongodbUri) {
    return { engine: 'external MongoDB (MONGODB_URI)', kind: 'external', uri: config.mongodbUri, async stop() {} };
  }
  if (options.persistent) mkdirSync(config.dataDir, { recursive: true });
  let running: RunningEngine | undefined;
  if (config.embeddedDb !== 'dev') {
    running = await startMongod(config, options);
    if (!running && config.embeddedDb === 'mongod') {
      throw new Error('EMBEDDED_DB=mongod but no mongod is on this machine and none could be downloaded');
    }
  }
  running ??= await startDevMongoServer(options.persistent ? join(config.dataDir, 'devdb.mv') : undefined);
  logger?.info({ engine: running.engine, uri: running.uri }, 'database engine started');
  return running;
}
