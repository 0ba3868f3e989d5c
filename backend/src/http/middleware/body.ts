import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { AppError } from '../../domain/errors/index.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH']);

/**
 * JSON bodies only, size-limited. A write with a body of another media type is a 415; an empty
 * write body is read as {} so the route's schema names what is missing.
 */
export function jsonBody(limitBytes: number): Middleware {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: limitBytes, encoding: 'utf-8', jsonStrict: true });
  return async (ctx, next) => {
    if (writeMethods.has(ctx.method) && ctx.path.startsWith('/api/')) {
      const length = Number(ctx.get('Content-Length') || 0);
      const hasBody = length > 0 || ctx.get('Transfer-Encoding') !== '';
      if (length > limitBytes) throw new AppError('PAYLOAD_TOO_LARGE', `the request body is larger than ${limitBytes} bytes`);
      if (hasBody && !ctx.is('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
    }
    return parse(ctx, next);
  };
}
