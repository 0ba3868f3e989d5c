import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { AppError } from '../../domain/errors/index.js';

/**
 * Parses JSON bodies, size-limited. Bodies of other media types are left unread: the router refuses
 * them with 415, except on upload routes, which read them raw.
 */
export function jsonBody(limitBytes: number): Middleware {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: limitBytes, encoding: 'utf-8', jsonStrict: true });
  return async (ctx, next) => {
    if (!ctx.is('application/json')) return next();
    if (Number(ctx.get('Content-Length') || 0) > limitBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `the request body is larger than ${limitBytes} bytes`);
    }
    return parse(ctx, next);
  };
}

/** Whether the request carries a body at all. */
export const hasBody = (headers: { get(name: string): string }): boolean =>
  Number(headers.get('Content-Length') || 0) > 0 || headers.get('Transfer-Encoding') !== '';
