import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Middleware } from 'koa';
import send from 'koa-send';

export const defaultWebDistDir = fileURLToPath(new URL('../../../frontend/dist/browser', import.meta.url));

/**
 * Serves the built Angular app; any other GET outside /api answers index.html so deep links work.
 * Hashed bundles are cached for a year, index.html never.
 */
export function webApp(root: string): Middleware {
  const available = existsSync(`${root}/index.html`);
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api')) return next();
    if (!available) {
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = 'The web app is not built yet: run `npm run build` (npm start does it).';
      return;
    }
    const isAsset = /\.[a-z0-9]+$/i.test(ctx.path);
    try {
      await send(ctx, isAsset ? ctx.path : '/index.html', {
        root,
        index: 'index.html',
        setHeaders: (res, path) => res.setHeader('Cache-Control', /-[A-Z0-9]{8,}\.(js|css)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      });
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
      ctx.status = 404;
      ctx.type = 'text/plain';
      ctx.body = 'Not found';
    }
  };
}

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API · Eco-finance platform</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const docsInit = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });`;

/** A browsable page for the OpenAPI document (Swagger UI, served from its npm package). */
export function apiDocs(): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' || !ctx.path.startsWith('/api/docs')) return next();
    if (ctx.path === '/api/docs' || ctx.path === '/api/docs/') {
      ctx.type = 'html';
      ctx.body = docsPage;
    } else if (ctx.path === '/api/docs/init.js') {
      ctx.type = 'application/javascript';
      ctx.body = docsInit;
    } else if (ctx.path.startsWith('/api/docs/assets/')) {
      await send(ctx, ctx.path.slice('/api/docs/assets'.length), { root: swaggerDir });
    } else return next();
  };
}
