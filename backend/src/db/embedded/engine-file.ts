// npm start records the embedded engine it runs in data/engine.json, so eco-admin can attach to it
// instead of opening the same H2 file a second time.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEngine } from './running-engine.js';

const fileOf = (dataDir: string) => join(dataDir, 'engine.json');

export function recordRunningEngine(dataDir: string, engine: RunningEngine): void {
  if (engine.kind === 'external') return;
  writeFileSync(fileOf(dataDir), JSON.stringify({ uri: engine.uri, engine: engine.engine, pid: process.pid }));
}

export function forgetRunningEngine(dataDir: string): void {
  rmSync(fileOf(dataDir), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function attachToRunningEngine(dataDir: string): RunningEngine | undefined {
  if (!existsSync(fileOf(dataDir))) return undefined;
  const recorded = JSON.parse(readFileSync(fileOf(dataDir), 'utf8')) as { uri: string; engine: string; pid: number };
  if (!isAlive(recorded.pid)) return undefined;
  return { uri: recorded.uri, engine: `${recorded.engine}, attached`, kind: 'external', async stop() {} };
}
