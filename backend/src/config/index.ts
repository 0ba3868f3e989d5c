// The one place that reads the environment. Everything else receives a validated Config.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import configSchema from '@eco/schemas/config/backend-config.schema.json' with { type: 'json' };
import packageJson from '../../package.json' with { type: 'json' };

export interface Config {
  env: 'development' | 'test' | 'production';
  version: string;
  host: string;
  port: number;
  mongodbUri?: string;
  dbName: string;
  embeddedDb: 'auto' | 'mongod' | 'dev';
  mongodSystemBinary?: string;
  dataDir: string;
  webDistDir?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seedDemo: boolean;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    maxFailedLogins: number;
    lockoutSeconds: number;
    loginAttemptsPerMinute: number;
    /** How long one process reuses an authenticated user's roles and disabled flag (0: re-read on every request). */
    principalCacheSeconds: number;
  };
  http: { corsOrigins: string[]; bodyLimitBytes: number; trustProxy: boolean };
  jobs: { enabled: boolean; processEveryMs: number };
  /** Ecological points: objection and repair deadlines (days), cross-partner de-duplication window, recompute batch. */
  points: { publicityWindowDays: number; reviewDeadlineDays: number; creditRepairWindowDays: number; dedupWindowMinutes: number; recomputeBatchSize: number; demo: 'none' | 'accounts' | 'full' };
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`configuration ${variable}: ${message}`);
  }
}

const validate = new Ajv2020({ allErrors: false, strict: true }).compile<Config>(configSchema);

/** Maps each config path to the environment variable it comes from, for error messages. */
const variableOf: Record<string, string> = {
  '/env': 'NODE_ENV', '/host': 'HOST', '/port': 'PORT', '/mongodbUri': 'MONGODB_URI', '/dbName': 'MONGODB_DB',
  '/embeddedDb': 'EMBEDDED_DB', '/mongodSystemBinary': 'MONGOMS_SYSTEM_BINARY', '/dataDir': 'DATA_DIR',
  '/webDistDir': 'WEB_DIST_DIR', '/logLevel': 'LOG_LEVEL', '/seedDemo': 'SEED_DEMO',
  '/auth/jwtSecret': 'JWT_SECRET', '/auth/accessTokenTtlSeconds': 'ACCESS_TOKEN_TTL_SECONDS',
  '/auth/refreshTokenTtlSeconds': 'REFRESH_TOKEN_TTL_SECONDS', '/auth/maxFailedLogins': 'LOGIN_MAX_FAILURES',
  '/auth/lockoutSeconds': 'LOGIN_LOCKOUT_SECONDS', '/auth/loginAttemptsPerMinute': 'LOGIN_ATTEMPTS_PER_MINUTE',
  '/auth/principalCacheSeconds': 'AUTH_PRINCIPAL_CACHE_SECONDS',
  '/http/corsOrigins': 'CORS_ORIGINS', '/http/bodyLimitBytes': 'BODY_LIMIT_BYTES', '/http/trustProxy': 'TRUST_PROXY',
  '/jobs/enabled': 'JOBS_ENABLED', '/jobs/processEveryMs': 'JOBS_PROCESS_EVERY_MS',
  '/points/publicityWindowDays': 'POINTS_PUBLICITY_WINDOW_DAYS', '/points/reviewDeadlineDays': 'POINTS_REVIEW_DEADLINE_DAYS',
  '/points/creditRepairWindowDays': 'POINTS_CREDIT_REPAIR_WINDOW_DAYS', '/points/dedupWindowMinutes': 'POINTS_DEDUP_WINDOW_MINUTES',
  '/points/recomputeBatchSize': 'POINTS_RECOMPUTE_BATCH_SIZE', '/points/demo': 'POINTS_DEMO',
};

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function optional(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/** Reads and validates the configuration; throws ConfigError naming the variable at fault. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = (optional(env, 'NODE_ENV') ?? 'development') as Config['env'];
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (!jwtSecret && nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required in production');
  const candidate = {
    env: nodeEnv,
    version: packageJson.version,
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port: integer(env, 'PORT', 3000),
    mongodbUri: optional(env, 'MONGODB_URI'),
    dbName: optional(env, 'MONGODB_DB') ?? 'eco_platform',
    embeddedDb: optional(env, 'EMBEDDED_DB') ?? 'auto',
    mongodSystemBinary: optional(env, 'MONGOMS_SYSTEM_BINARY'),
    dataDir: resolve(optional(env, 'DATA_DIR') ?? 'data'),
    webDistDir: optional(env, 'WEB_DIST_DIR'),
    logLevel: optional(env, 'LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemo: boolean(env, 'SEED_DEMO', nodeEnv !== 'production'),
    auth: {
      // Without JWT_SECRET outside production, a fresh secret per process: access tokens end at
      // restart, refresh tokens (stored server-side) keep sessions alive.
      jwtSecret: jwtSecret ?? randomBytes(32).toString('hex'),
      accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900),
      refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', 7 * 24 * 3600),
      maxFailedLogins: integer(env, 'LOGIN_MAX_FAILURES', 5),
      lockoutSeconds: integer(env, 'LOGIN_LOCKOUT_SECONDS', 900),
      loginAttemptsPerMinute: integer(env, 'LOGIN_ATTEMPTS_PER_MINUTE', 30),
      principalCacheSeconds: integer(env, 'AUTH_PRINCIPAL_CACHE_SECONDS', 5),
    },
    http: {
      corsOrigins: (optional(env, 'CORS_ORIGINS') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
      trustProxy: boolean(env, 'TRUST_PROXY', false),
    },
    jobs: {
      enabled: boolean(env, 'JOBS_ENABLED', true),
      processEveryMs: integer(env, 'JOBS_PROCESS_EVERY_MS', 5000),
    },
    points: {
      publicityWindowDays: integer(env, 'POINTS_PUBLICITY_WINDOW_DAYS', 15),
      reviewDeadlineDays: integer(env, 'POINTS_REVIEW_DEADLINE_DAYS', 10),
      creditRepairWindowDays: integer(env, 'POINTS_CREDIT_REPAIR_WINDOW_DAYS', 183),
      dedupWindowMinutes: integer(env, 'POINTS_DEDUP_WINDOW_MINUTES', 30),
      recomputeBatchSize: integer(env, 'POINTS_RECOMPUTE_BATCH_SIZE', 500),
      // Demo points: 'full' = the demo accounts plus thousands of generated citizens; tests seed none unless asked.
      demo: optional(env, 'POINTS_DEMO') ?? (nodeEnv === 'test' ? 'none' : 'full'),
    },
  };
  const clean = JSON.parse(JSON.stringify(candidate)) as unknown; // drops undefined optionals
  if (!validate(clean)) {
    const first = validate.errors![0]!;
    const path = first.instancePath || `/${String(first.params['missingProperty'] ?? '')}`;
    throw new ConfigError(variableOf[path] ?? path, first.message ?? 'is invalid');
  }
  return Object.freeze(clean);
}
