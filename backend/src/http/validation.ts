// Every request body, query and path parameter is checked against a schema in schemas/, compiled once.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { AppError } from '../domain/errors/index.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

export const schemaBaseUrl = 'https://eco-finance.example/schemas/';
export const schemasDir = dirname(createRequire(import.meta.url).resolve('@eco/schemas/package.json'));

export type Location = 'body' | 'query' | 'params';

function* jsonFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'test') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(path);
    else if (entry.name.endsWith('.json') && entry.name !== 'package.json') yield path;
  }
}

/** Loads every schema under schemas/ once; compiles validators on first use per schema and location. */
export class SchemaRegistry {
  /** Bodies are taken as sent; query strings and path parameters arrive as text and are coerced. */
  private readonly strictAjv = this.newAjv(false);
  private readonly coercingAjv = this.newAjv(true);
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly schemas = new Map<string, Record<string, unknown>>();

  constructor(dir: string = schemasDir) {
    for (const file of jsonFiles(dir)) {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const name = relative(dir, file).replace(/\.json$/, '');
      if (schema['$id'] !== `${schemaBaseUrl}${name}.json`) throw new Error(`schema ${file}: $id must be ${schemaBaseUrl}${name}.json`);
      this.schemas.set(name, schema);
      this.strictAjv.addSchema(schema);
      this.coercingAjv.addSchema(schema);
    }
  }

  private newAjv(coerce: boolean): Ajv2020 {
    const ajv = new Ajv2020({ strict: true, allErrors: false, useDefaults: true, coerceTypes: coerce, allowUnionTypes: true, discriminator: true });
    addFormats(ajv);
    return ajv;
  }

  /** Compiles ahead of time so a broken schema stops start-up, not a request. */
  prepare(name: string, location: Location): void {
    this.validator(name, location);
  }

  private validator(name: string, location: Location): ValidateFunction {
    const key = `${location}:${name}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      const ajv = location === 'body' ? this.strictAjv : this.coercingAjv;
      fn = ajv.getSchema(`${schemaBaseUrl}${name}.json`);
      if (!fn) throw new Error(`no schema named ${name}`);
      this.compiled.set(key, fn);
    }
    return fn;
  }

  /** Returns the (defaulted, coerced) value or throws a 400 naming the first field at fault. */
  validate<T>(name: string, location: Location, value: unknown): T {
    const fn = this.validator(name, location);
    if (fn(value)) return value as T;
    throw validationError(fn.errors?.[0], location);
  }
}

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') path.push(String(error.params['missingProperty']));
  if (error.keyword === 'additionalProperties') path.push(String(error.params['additionalProperty']));
  return path.join('.');
}

function messageOf(error: ErrorObject, field: string): string {
  switch (error.keyword) {
    case 'required': return `${field} is required`;
    case 'additionalProperties': return `${field} is not a known field`;
    case 'type': return `${field || 'the value'} must be ${error.params['type']}`;
    case 'enum': return `${field} must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
    default: return `${field || 'the value'} ${error.message ?? 'is invalid'}`;
  }
}

export function validationError(error: ErrorObject | undefined, location: Location): AppError {
  if (!error) return new AppError('VALIDATION_FAILED', `the request ${location} is invalid`, { details: { location } });
  const field = fieldOf(error);
  return new AppError('VALIDATION_FAILED', messageOf(error, field), {
    ...(field ? { field } : {}),
    details: { location, rule: error.keyword, ...(error.keyword === 'enum' ? { allowed: error.params['allowedValues'] } : {}) },
  });
}
