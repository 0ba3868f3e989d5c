import { pino, type Logger } from 'pino';
import type { Config } from './config/index.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', '*.password', '*.refreshToken', '*.accessToken'], censor: '[redacted]' },
  });
}
