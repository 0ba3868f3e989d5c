// Shared by the points benchmarks: a platform on its own database engine, loopback only.
import { loadConfig } from '../src/config/index.js';
import { openConnection } from '../src/db/connection.js';
import { startDatabaseEngine } from '../src/db/embedded/start-database-engine.js';
import { createLogger } from '../src/logger.js';
import { createPlatform, type Platform } from '../src/platform.js';

export interface BenchPlatform {
  platform: Platform;
  engine: string;
  stop(): Promise<void>;
}

export async function startBenchPlatform(env: Record<string, string> = {}): Promise<BenchPlatform> {
  const config = loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'false', LOGIN_ATTEMPTS_PER_MINUTE: '10000', DATA_DIR: 'data', ...env });
  const engine = await startDatabaseEngine(config, { persistent: false, pathVariable: process.env['PATH'] });
  const connection = await openConnection(engine.uri, `bench_${Date.now()}`);
  const platform = await createPlatform({ config, connection, logger: createLogger(config), engine: engine.engine });
  return {
    platform,
    engine: engine.engine,
    async stop() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
      await engine.stop();
    },
  };
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
