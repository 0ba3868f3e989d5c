import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { AppError } from '../../domain/errors/index.js';

/**
 * Parses JSON bodies, size-limited. Bodies of other media types are left unread: the router refuses
 * them with 415, except on upload routes, which read them raw.
 */
export function jsonBody(defaultLimitBytes: number, limitsByPath: ReadonlyMap<string, number> = new Map()): Middleware {
  const parserFor = (limit: number) => bodyParser({ enableTypes: ['json'], jsonLimit: limit, encoding: 'utf-8', jsonStrict: true });
  const defaultParser = parserFor(defaultLimitBytes);
  const parsers = new Map([...limitsByPath].map(([path, limit]) => [path, { limit, parse: parserFor(limit) }]));
  return async (ctx, next) => {
    if (!ctx.is('application/json')) return next();
    const special = parsers.get(ctx.path);
    const limit = special?.limit ?? defaultLimitBytes;
    if (Number(ctx.get('Content-Length') || 0) > limit) {
      throw new AppError('PAYLOAD_TOO_LARGE', `the request body is larger than ${limit} bytes`);
    }
    return (special?.parse ?? defaultParser)(ctx, next);
  };
}

/** Whether the request carries a body at all. */
export const hasBody = (headers: { get(name: string): string }): boolean =>
  Number(headers.get('Content-Length') || 0) > 0 || headers.get('Transfer-Encoding') !== '';
