import type { Middleware } from 'koa';
import { AppError } from '../../domain/errors/index.js';
import type { Logger } from '../../logger.js';

/** Errors from libraries that carry an HTTP status (body parser, koa) become platform errors. */
function fromHttpError(error: { status?: number; statusCode?: number; type?: string; message?: string }): AppError | undefined {
  const status = error.status ?? error.statusCode;
  if (status === 413 || error.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'the request body is too large');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
  if (error.type === 'entity.parse.failed' || (status === 400 && /JSON|parse/i.test(error.message ?? ''))) {
    return new AppError('MALFORMED_JSON', 'the request body is not valid JSON');
  }
  if (status === 400) return new AppError('VALIDATION_FAILED', 'the request is malformed');
  if (status === 405) return new AppError('METHOD_NOT_ALLOWED', 'this method is not allowed here');
  return undefined;
}

/** The one place error bodies are written: {"error": {code, message, field, details}}. */
export function errorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        throw new AppError('NOT_FOUND', `no endpoint ${ctx.method} ${ctx.path}`);
      }
    } catch (caught) {
      const known = caught instanceof AppError ? caught : fromHttpError(caught as object);
      const error = known ?? new AppError('INTERNAL', 'something went wrong on our side; the request id identifies it in our logs');
      if (!known) (ctx.state['log'] as Logger | undefined)?.error({ err: caught }, 'unhandled error');
      ctx.status = error.status;
      ctx.body = { error: { ...error.toBody().error, ...(known ? {} : { details: { requestId: ctx.state['requestId'] } }) } };
      if (error.code === 'RATE_LIMITED' || error.code === 'AUTH_LOCKED') {
        const retry = error.details?.['retryAfterSeconds'];
        if (typeof retry === 'number') ctx.set('Retry-After', String(retry));
      }
    }
  };
}
