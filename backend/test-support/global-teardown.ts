import type { RunningEngine } from '../src/db/embedded/running-engine.js';

export default async function globalTeardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>)['__ECO_TEST_ENGINE__'] as RunningEngine | undefined)?.stop();
}
