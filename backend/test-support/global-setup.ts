// Starts one MongoDB-compatible server for the whole jest run (see start-database-engine for the order).
// Jest loads global setup outside its module mapper, so the TypeScript sources come in through tsx.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

type ConfigModule = typeof import('../src/config/index.js');
type EngineModule = typeof import('../src/db/embedded/start-database-engine.js');

export default async function globalSetup(): Promise<void> {
  const { loadConfig } = (await tsImport('../src/config/index.ts', import.meta.url)) as ConfigModule;
  const { startDatabaseEngine } = (await tsImport('../src/db/embedded/start-database-engine.ts', import.meta.url)) as EngineModule;
  const dataDir = fileURLToPath(new URL('../../data', import.meta.url));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir });
  const engine = await startDatabaseEngine(config, { persistent: false, pathVariable: process.env['PATH'] });
  process.env['TEST_MONGODB_URI'] = engine.uri;
  process.env['TEST_DB_ENGINE'] = engine.engine;
  (globalThis as Record<string, unknown>)['__ECO_TEST_ENGINE__'] = engine;
  console.log(`\n[tests] database engine: ${engine.engine} at ${engine.uri}`);
}
