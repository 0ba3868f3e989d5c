import type { Permission } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler receives: validated input and the caller. */
export interface RouteInput<B = any, Q = any, P = any> {
  body: B;
  /** Upload routes: the raw bytes and the request's media type and file name. */
  upload?: { bytes: Buffer; contentType: string; filename: string } | undefined;
  query: Q;
  params: P;
  principal: Principal | undefined;
  actor: Actor;
  clientIp: string;
}

export interface AuthenticatedInput<B = any, Q = any, P = any> extends RouteInput<B, Q, P> {
  principal: Principal;
  actor: Actor & { principal: Principal };
}

export interface RouteResult {
  status?: number;
  /** JSON, or a Buffer sent as is (downloads: set Content-Type in headers). */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * One route as data (after Strapi's route tables): the router, the validator, the OpenAPI document
 * and the authorization matrix are all generated from these.
 */
export interface RouteSpec {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  /** 'public' needs no token; a permission needs a token holding it; 'authenticated' any valid token. */
  access: 'public' | 'authenticated' | { permission: Permission };
  /** Schema ids relative to schemas/, e.g. 'api/auth/login.body'. */
  body?: string;
  query?: string;
  params?: string;
  /** A raw file upload instead of a JSON body (the file name comes in the X-Filename header, URI-encoded). */
  upload?: { contentTypes: readonly string[]; maxBytes: number };
  /** A larger JSON body limit than the configured default, for bulk endpoints (bytes). */
  maxBodyBytes?: number;
  /** Status of a successful answer (default 200). */
  successStatus?: number;
  /** Write routes that change no state (e.g. a verification) say so, to skip the audit fallback. */
  changesState?: boolean;
  handler: (input: any, platform: Platform) => Promise<RouteResult | unknown>;
}

export const isRouteResult = (v: unknown): v is RouteResult =>
  typeof v === 'object' && v !== null && ('status' in v || 'body' in v) && Object.keys(v).every((k) => ['status', 'body', 'headers'].includes(k));
