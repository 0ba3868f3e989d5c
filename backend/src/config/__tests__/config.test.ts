import { describe, expect, test } from '@jest/globals';
import { ConfigError, loadConfig } from '../index.js';

describe('configuration', () => {
  test('development defaults: local host, port 3000, embedded database chosen automatically, demo on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development', host: '127.0.0.1', port: 3000, embeddedDb: 'auto', dbName: 'eco_platform', seedDemo: true,
      auth: { accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 604800, maxFailedLogins: 5, lockoutSeconds: 900 },
      http: { corsOrigins: [], bodyLimitBytes: 1048576 },
    });
    expect(config.auth.jwtSecret).toHaveLength(64);
    expect(config.mongodbUri).toBeUndefined();
  });

  test('reads the variables it documents', () => {
    const config = loadConfig({ MONGODB_URI: 'mongodb://db1,db2,db3/?replicaSet=rs0', PORT: '8080', CORS_ORIGINS: 'https://a.example, https://b.example', EMBEDDED_DB: 'dev' });
    expect(config.mongodbUri).toBe('mongodb://db1,db2,db3/?replicaSet=rs0');
    expect(config.port).toBe(8080);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.embeddedDb).toBe('dev');
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT', 'configuration PORT: must be an integer, got "eighty"'],
    [{ PORT: '70000' }, 'PORT', 'configuration PORT: must be <= 65535'],
    [{ EMBEDDED_DB: 'sqlite' }, 'EMBEDDED_DB', 'configuration EMBEDDED_DB: must be equal to one of the allowed values'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI', 'configuration MONGODB_URI: must match pattern "^mongodb(\\+srv)?://"'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET', 'configuration JWT_SECRET: is required in production'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET', 'configuration JWT_SECRET: must NOT have fewer than 32 characters'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO', 'configuration SEED_DEMO: must be true or false, got "maybe"'],
  ])('refuses %j naming %s', (env, variable, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).variable).toBe(variable);
      expect((e as ConfigError).message).toBe(message);
    }
  });
});
