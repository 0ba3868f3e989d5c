import Router from '@koa/router';
import type { Context } from 'koa';
import { AppError, forbidden } from '../domain/errors/index.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';
import { hasBody } from './middleware/body.js';
import { readUpload } from './upload.js';
import { isRouteResult, type RouteInput, type RouteSpec } from './route.js';
import type { SchemaRegistry } from './validation.js';

const idempotencyKeyPattern = /^[A-Za-z0-9._:-]{8,128}$/;
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function principalOf(ctx: Context, platform: Platform, required: boolean, acceptsApiKey = false): Promise<Principal | undefined> {
  const header = ctx.get('Authorization');
  const apiKey = acceptsApiKey ? /^ApiKey ([A-Za-z0-9_-]{20,128})$/.exec(header) : null;
  if (apiKey) return platform.services.points.partners.authenticate(apiKey[1]!);
  if (!header) {
    if (required) throw new AppError('AUTH_REQUIRED', 'log in first: this endpoint needs a Bearer access token');
    return undefined;
  }
  const match = /^Bearer ([A-Za-z0-9._-]{10,4096})$/.exec(header);
  if (!match) throw new AppError('AUTH_TOKEN_INVALID', 'the Authorization header must be "Bearer <access token>"');
  return platform.services.auth.authenticate(match[1]!);
}

function idempotencyKeyOf(ctx: Context): string | undefined {
  const key = ctx.get('Idempotency-Key');
  if (!key) return undefined;
  if (!idempotencyKeyPattern.test(key)) {
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 8–128 letters, digits or ._:-', { field: 'Idempotency-Key', details: { location: 'headers' } });
  }
  return key;
}

/** A route without a schema for a part of the request accepts nothing there. */
function refuseUnexpected(value: unknown, location: 'body' | 'query'): void {
  if (value === undefined || value === null) return;
  const keys = typeof value === 'object' ? Object.keys(value) : ['(value)'];
  if (keys.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${keys[0]} is not a known field`, { field: keys[0]!, details: { location, rule: 'additionalProperties' } });
  }
}

function validateInput(ctx: Context, route: RouteSpec, schemas: SchemaRegistry): Pick<RouteInput, 'body' | 'query' | 'params'> {
  if (!route.upload && hasBody(ctx) && !ctx.is('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
  }
  const params = route.params ? schemas.validate(route.params, 'params', { ...ctx.params }) : {};
  const rawQuery = { ...ctx.query };
  if (!route.query) refuseUnexpected(rawQuery, 'query');
  const query = route.query ? schemas.validate(route.query, 'query', rawQuery) : {};
  const rawBody = (ctx.request as { body?: unknown }).body;
  if (!route.body) refuseUnexpected(rawBody, 'body');
  const body = route.body ? schemas.validate(route.body, 'body', rawBody ?? {}) : undefined;
  return { params, query, body };
}

export function buildRouter(routes: readonly RouteSpec[], platform: Platform, schemas: SchemaRegistry): Router {
  const router = new Router();
  for (const route of routes) {
    if (route.body) schemas.prepare(route.body, 'body');
    if (route.query) schemas.prepare(route.query, 'query');
    if (route.params) schemas.prepare(route.params, 'params');
    router.register(route.path, [route.method], async (ctx: Context) => {
      const partnerRoute = typeof route.access === 'object' && route.access.permission === 'points.ingest';
      const principal = await principalOf(ctx, platform, route.access !== 'public', partnerRoute);
      if (typeof route.access === 'object' && !principal!.permissions.has(route.access.permission)) {
        throw forbidden(route.access.permission);
      }
      const input = validateInput(ctx, route, schemas);
      const upload = route.upload ? await readUpload(ctx, route.upload) : undefined;
      const actor: Actor = { principal, requestId: ctx.state['requestId'] as string, idempotencyKey: idempotencyKeyOf(ctx) };
      const result = await route.handler({ ...input, upload, principal, actor, clientIp: ctx.ip } satisfies RouteInput, platform);
      const shaped = isRouteResult(result) ? result : { body: result };
      ctx.status = shaped.status ?? route.successStatus ?? 200;
      if (shaped.body !== undefined) ctx.body = shaped.body;
      for (const [name, value] of Object.entries(shaped.headers ?? {})) ctx.set(name, value);
      if (writeMethods.has(route.method) && route.changesState !== false && !actor.audited && principal) {
        // Every state-changing request leaves a record, even where the domain wrote none of its own;
        // a request resent under the same Idempotency-Key was recorded the first time (a replay changes nothing).
        const resent = actor.idempotencyKey !== undefined && (await platform.services.audit.hasKeyedRecord(principal.userId, actor.idempotencyKey));
        if (!resent) await platform.services.audit.append(actor, { action: route.id, entityType: 'request', entityId: undefined });
      }
    }, { name: route.id });
  }
  return router;
}
