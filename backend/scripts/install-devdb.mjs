#!/usr/bin/env node
// Fetches the development database's jars (mongo-java-server, H2, slf4j-nop) from Maven Central
// into backend/.devdb/jars (git-ignored). Idempotent: does nothing when they are already there.
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const backendDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const jarsDir = join(backendDir, '.devdb', 'jars');
const hasJars = existsSync(jarsDir) && readdirSync(jarsDir).some((f) => f.startsWith('mongo-java-server-core'));
if (hasJars) {
  console.log(`development database jars present in ${jarsDir}`);
} else {
  console.log('fetching the development database (mongo-java-server 1.47.0) with Maven…');
  const mvn = spawnSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${jarsDir}`], {
    cwd: join(backendDir, 'devdb'),
    stdio: 'inherit',
  });
  if (mvn.error || mvn.status !== 0) {
    console.error('could not fetch the development database: Maven and Java 17 are needed (or set MONGODB_URI)');
    process.exit(1);
  }
  console.log(`development database jars installed in ${jarsDir}`);
}
