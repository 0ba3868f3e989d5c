import Koa from 'koa';
import type { Platform } from '../platform.js';
import { jsonBody } from './middleware/body.js';
import { errorHandler } from './middleware/error-handler.js';
import { requestContext } from './middleware/request-context.js';
import { corsFromConfig, securityHeaders } from './middleware/security.js';
import { buildOpenApi } from './openapi.js';
import type { RouteSpec } from './route.js';
import { buildRouter } from './router.js';
import { routes as allRoutes } from './routes/index.js';
import { SchemaRegistry } from './validation.js';
import { apiDocs, defaultWebDistDir, webApp } from './web-app.js';

export interface AppOptions {
  routes?: readonly RouteSpec[];
  serveWebApp?: boolean;
}

export function createApp(platform: Platform, options: AppOptions = {}): Koa {
  const routes = options.routes ?? allRoutes;
  const schemas = new SchemaRegistry();
  const openApi = buildOpenApi(routes, schemas, platform.config.version);
  const router = buildRouter(routes, platform, schemas);
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = openApi;
  });

  const app = new Koa({ proxy: platform.config.http.trustProxy });
  app.silent = true; // the error middleware logs what matters
  app.use(requestContext(platform.logger));
  app.use(errorHandler());
  app.use(securityHeaders());
  app.use(corsFromConfig(platform.config.http.corsOrigins));
  app.use(apiDocs());
  // Bulk endpoints (fixed paths) may declare a larger body limit in the route table.
  const bodyLimits = new Map(routes.filter((r) => r.maxBodyBytes && !r.path.includes(':')).map((r) => [r.path, r.maxBodyBytes!]));
  app.use(jsonBody(platform.config.http.bodyLimitBytes, bodyLimits));
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true }));
  if (options.serveWebApp !== false) app.use(webApp(platform.config.webDistDir ?? defaultWebDistDir));
  return app;
}
