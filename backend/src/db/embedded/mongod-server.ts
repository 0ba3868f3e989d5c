// A real mongod through mongodb-memory-server: one on the machine, or its own download.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoMemoryServer } from 'mongodb-memory-server';
import type { RunningEngine } from './running-engine.js';

/** Finds a mongod: the configured system binary, then one on PATH. */
export function findSystemMongod(configured: string | undefined, pathVariable: string | undefined): string | undefined {
  if (configured) return configured;
  for (const dir of (pathVariable ?? '').split(':').filter(Boolean)) {
    const candidate = join(dir, 'mongod');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function start(options: ConstructorParameters<typeof MongoMemoryServer>[0], engine: string): Promise<RunningEngine> {
  const server = await MongoMemoryServer.create(options);
  return {
    engine,
    kind: 'mongod',
    uri: server.getUri(),
    async stop() {
      await server.stop();
    },
  };
}

export function startSystemMongod(binary: string, dbPath?: string): Promise<RunningEngine> {
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  return start({ binary: { systemBinary: binary }, instance: dbPath ? { dbPath, storageEngine: 'wiredTiger' } : {} }, `mongod (${binary})`);
}

const downloadMemoFile = (dataDir: string): string => join(dataDir, '.mongod-download-failed');
const oneDayMs = 24 * 3600 * 1000;

/**
 * Tries mongodb-memory-server's own download with a short timeout. A failure is remembered for a
 * day in dataDir, so machines without internet do not pay the timeout on every start.
 */
export async function startDownloadedMongod(dataDir: string, timeoutMs: number, now: Date): Promise<RunningEngine | undefined> {
  const memo = downloadMemoFile(dataDir);
  if (existsSync(memo) && now.getTime() - Number(readFileSync(memo, 'utf8')) < oneDayMs) return undefined;
  const attempt = start({}, 'mongod (downloaded by mongodb-memory-server)');
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs).unref());
  try {
    const running = await Promise.race([attempt, timeout]);
    if (running) return running;
    attempt.then((late) => late.stop(), () => undefined);
  } catch {
    // falls through to remembering the failure
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(memo, String(now.getTime()));
  return undefined;
}
