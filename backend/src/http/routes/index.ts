import type { RouteSpec } from '../route.js';
import { alertRoutes } from './alerts.routes.js';
import { assetRoutes } from './assets.routes.js';
import { auditRoutes } from './audit.routes.js';
import { bondRoutes } from './bonds.routes.js';
import { catalogueRoutes } from './catalogue.routes.js';
import { compensationRoutes } from './compensation.routes.js';
import { gepRoutes } from './gep.routes.js';
import { securitisationRoutes } from './securitisation.routes.js';
import { productOrderRoutes } from './product-orders.routes.js';
import { certificationRoutes } from './certification.routes.js';
import { tradingRoutes } from './trading.routes.js';
import { damageRoutes } from './damage.routes.js';
import { authRoutes } from './auth.routes.js';
import { directoryRoutes } from './directory.routes.js';
import { documentRoutes } from './documents.routes.js';
import { guaranteeRoutes } from './guarantees.routes.js';
import { healthRoutes } from './health.routes.js';
import { jobRoutes } from './jobs.routes.js';
import { loanRoutes } from './loans.routes.js';
import { pointsAdminRoutes } from './points-admin.routes.js';
import { pointsPartnerRoutes } from './points-partner.routes.js';
import { pointsAccountRoutes, pointsReviewRoutes } from './points.routes.js';
import { priceRoutes } from './prices.routes.js';
import { statisticsRoutes } from './statistics.routes.js';
import { valuationRoutes } from './valuations.routes.js';

const pointsRoutes = [...pointsAccountRoutes, ...pointsReviewRoutes, ...pointsAdminRoutes, ...pointsPartnerRoutes];

/** Every API route. The router, OpenAPI document and authorization matrix all read this table. */
export const routes: readonly RouteSpec[] = [...healthRoutes, ...pointsRoutes, ...authRoutes, ...directoryRoutes, ...documentRoutes, ...auditRoutes, ...jobRoutes,
  ...assetRoutes, ...priceRoutes, ...valuationRoutes, ...alertRoutes, ...loanRoutes, ...guaranteeRoutes, ...bondRoutes, ...statisticsRoutes, ...securitisationRoutes, ...productOrderRoutes,
  ...certificationRoutes, ...tradingRoutes, ...damageRoutes,
  ...catalogueRoutes, ...gepRoutes, ...compensationRoutes];
