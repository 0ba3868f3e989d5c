#!/usr/bin/env node
// npm run bench -- <name>…   runs <workspace>/bench/<name>.bench.ts for each name (all when none given).
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const places = ['scoring', 'backend', 'tests'].map((w) => join(root, w, 'bench'));
const available = new Map();
for (const dir of places) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith('.bench.ts')) available.set(f.replace('.bench.ts', ''), join(dir, f));
}
const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : [...available.keys()].sort();
let failed = 0;
for (const name of names) {
  const file = available.get(name);
  if (!file) {
    console.error(`unknown benchmark "${name}"; available: ${[...available.keys()].sort().join(', ') || 'none'}`);
    failed++;
    continue;
  }
  console.log(`\n=== bench ${name} (${file.slice(root.length + 1)}) ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
