import { mkdtempSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../../config/index.js';
import { findSystemMongod } from '../mongod-server.js';
import { startDatabaseEngine } from '../start-database-engine.js';

describe('choosing the database engine', () => {
  test('MONGODB_URI wins: nothing is started, the URI is used as given', async () => {
    const engine = await startDatabaseEngine(loadConfig({ MONGODB_URI: 'mongodb://db1,db2,db3/?replicaSet=rs0' }), { persistent: false });
    expect(engine).toMatchObject({ kind: 'external', uri: 'mongodb://db1,db2,db3/?replicaSet=rs0', engine: 'external MongoDB (MONGODB_URI)' });
  });

  test('a configured mongod binary is preferred, then one on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mongod-'));
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'mongod'), '#!/bin/sh\n');
    chmodSync(join(dir, 'bin', 'mongod'), 0o755);
    expect(findSystemMongod('/opt/mongo/bin/mongod', `${dir}/bin`)).toBe('/opt/mongo/bin/mongod');
    expect(findSystemMongod(undefined, `/nowhere:${dir}/bin`)).toBe(`${dir}/bin/mongod`);
    expect(findSystemMongod(undefined, '/nowhere')).toBeUndefined();
  });

  test('EMBEDDED_DB=dev starts the development server directly', async () => {
    const engine = await startDatabaseEngine(loadConfig({ EMBEDDED_DB: 'dev', NODE_ENV: 'test' }), { persistent: false, pathVariable: '' });
    try {
      expect(engine.kind).toBe('dev');
      expect(engine.engine).toBe('mongo-java-server (memory)');
      expect(engine.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    } finally {
      await engine.stop();
    }
  });

  test('EMBEDDED_DB=mongod without any mongod fails clearly instead of silently using another engine', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eco-data-'));
    writeFileSync(join(dataDir, '.mongod-download-failed'), String(Date.now())); // no internet here: skip the download attempt
    await expect(startDatabaseEngine(loadConfig({ EMBEDDED_DB: 'mongod', DATA_DIR: dataDir }), { persistent: false, pathVariable: '' }))
      .rejects.toThrow('EMBEDDED_DB=mongod but no mongod is on this machine and none could be downloaded');
  });
});
