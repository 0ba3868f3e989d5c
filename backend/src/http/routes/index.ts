import type { RouteSpec } from '../route.js';
import { auditRoutes } from './audit.routes.js';
import { authRoutes } from './auth.routes.js';
import { directoryRoutes } from './directory.routes.js';
import { documentRoutes } from './documents.routes.js';
import { healthRoutes } from './health.routes.js';
import { jobRoutes } from './jobs.routes.js';

/** Every API route. The router, OpenAPI document and authorization matrix all read this table. */
export const routes: readonly RouteSpec[] = [...healthRoutes, ...authRoutes, ...directoryRoutes, ...documentRoutes, ...auditRoutes, ...jobRoutes];
