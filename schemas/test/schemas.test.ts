// Every schema in this package compiles under ajv strict mode and carries the $id its path gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const root = fileURLToPath(new URL('..', import.meta.url));
const base = 'https://eco-finance.example/schemas/';

function* jsonFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'test'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(path);
    else if (entry.name.endsWith('.json') && entry.name !== 'package.json') yield path;
  }
}

const files = [...jsonFiles(root)];

test('there are schemas for the API, configuration, points and valuation', () => {
  const folders = new Set(files.map((f) => relative(root, f).split('/')[0]));
  for (const folder of ['api', 'config']) assert.ok(folders.has(folder), `schemas/${folder} exists`);
});

test('every schema has the $id its path gives it', () => {
  for (const file of files) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
    assert.equal(schema.$id, `${base}${relative(root, file)}`, file);
  }
});

test('all schemas compile together under ajv strict mode', () => {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, discriminator: true });
  addFormats(ajv);
  for (const file of files) ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')) as object);
  for (const file of files) assert.ok(ajv.getSchema(`${base}${relative(root, file)}`), file);
});

test('every API object schema refuses unknown fields', () => {
  for (const file of files.filter((f) => relative(root, f).startsWith('api/'))) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; additionalProperties?: boolean };
    if (schema.type === 'object') assert.equal(schema.additionalProperties, false, file);
  }
});
