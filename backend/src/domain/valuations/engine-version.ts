// The valuation engine's package version, recorded on every valuation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const entry = createRequire(import.meta.url).resolve('@eco/scoring');
const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { name: string; version: string };

export const engineVersion = `${manifest.name}@${manifest.version}`;
