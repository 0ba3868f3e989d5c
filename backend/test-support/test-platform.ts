// A real platform on a fresh database of the run's server, listening on a free loopback port.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../src/config/index.js';
import { openConnection } from '../src/db/connection.js';
import { AdjustableClock } from '../src/domain/clock.js';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.js';
import { createApp } from '../src/http/app.js';
import { createLogger } from '../src/logger.js';
import { createPlatform, startJobs, type Platform } from '../src/platform.js';

export interface TestPlatform {
  platform: Platform;
  clock: AdjustableClock;
  baseUrl: string;
  api: ApiClient;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export class ApiClient {
  constructor(private readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, token?: string) => this.request<T>('GET', path, { token });
  post = <T = any>(path: string, body: unknown, token?: string) => this.request<T>('POST', path, { body, token });
  patch = <T = any>(path: string, body: unknown, token?: string) => this.request<T>('PATCH', path, { body, token });

  /** Logs in and returns the access token (throws when the login fails). */
  async login(username: string, password = 'EcoDemo2026'): Promise<string> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }
}

export interface TestPlatformOptions {
  seedDemo?: boolean;
  jobs?: boolean;
  env?: Record<string, string>;
  start?: Date;
  /** Serve the built Angular app too (browser tests). */
  serveWebApp?: boolean;
}

export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const uri = process.env['TEST_MONGODB_URI'];
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run through jest (global setup starts the server)');
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    JOBS_ENABLED: options.jobs ? 'true' : 'false',
    JOBS_PROCESS_EVERY_MS: '100',
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    ...(options.env ?? {}),
  });
  const clock = new AdjustableClock(options.start ?? new Date());
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  const connection = await openConnection(uri, dbName);
  const platform = await createPlatform({ config, connection, logger: createLogger(config), engine: process.env['TEST_DB_ENGINE'] ?? 'test', clock });
  if (options.seedDemo) await seedDemoIfEmpty(platform);
  if (options.jobs) await startJobs(platform);
  const server: Server = await new Promise((resolve) => {
    const s = createApp(platform, { serveWebApp: options.serveWebApp ?? false }).listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    platform,
    clock,
    baseUrl,
    api: new ApiClient(baseUrl),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await platform.services.jobs.stop();
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}

/** A digest of every collection's documents, to prove a rejected request wrote nothing. */
export async function databaseDigest(platform: Platform): Promise<Record<string, string>> {
  const { createHash } = await import('node:crypto');
  const db = platform.connection.db!;
  const digest: Record<string, string> = {};
  for (const { name } of await db.listCollections().toArray()) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    digest[name] = createHash('sha256').update(JSON.stringify(docs)).digest('hex');
  }
  return digest;
}
