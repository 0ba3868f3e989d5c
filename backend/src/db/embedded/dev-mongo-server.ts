// Starts the development database (mongo-java-server through backend/devdb/DevMongo.java).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RunningEngine } from './running-engine.js';

const backendDir = fileURLToPath(new URL('../../../', import.meta.url));
const jarsDir = `${backendDir}.devdb/jars`;
const launcher = `${backendDir}devdb/DevMongo.java`;
const readyTimeoutMs = 30_000;

function ensureJars(): void {
  const present = existsSync(jarsDir) && readdirSync(jarsDir).some((f) => f.startsWith('mongo-java-server-core'));
  if (present) return;
  const install = spawnSync(process.execPath, [`${backendDir}scripts/install-devdb.mjs`], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('the development database jars could not be installed');
}

function waitForReady(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('development database did not start in time')), readyTimeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^READY (\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`development database exited early with code ${code}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Memory backend when h2File is absent (tests), H2 file backend otherwise (npm start). */
export async function startDevMongoServer(h2File?: string): Promise<RunningEngine> {
  ensureJars();
  const args = ['-Xss4m', '-cp', `${jarsDir}/*`, launcher, '0', ...(h2File ? [h2File] : [])];
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await waitForReady(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    engine: h2File ? 'mongo-java-server (H2 file)' : 'mongo-java-server (memory)',
    kind: 'dev',
    uri: `mongodb://127.0.0.1:${port}/`,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.stdin!.end(); // the launcher shuts down cleanly (committing H2) when stdin closes
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
