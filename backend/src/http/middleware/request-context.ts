import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../../logger.js';

const requestIdPattern = /^[A-Za-z0-9._-]{8,100}$/;

/** Gives each request an id (the caller's X-Request-Id when well-formed), a child logger and an access log line. */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = requestIdPattern.test(incoming) ? incoming : randomUUID();
    ctx.state['requestId'] = requestId;
    ctx.state['log'] = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (ctx.path.startsWith('/api/')) {
        (ctx.state['log'] as Logger).info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
      }
    }
  };
}
