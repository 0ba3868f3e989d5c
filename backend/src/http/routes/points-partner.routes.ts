import type { PartnerPrincipal } from '../../domain/points/partner-keys.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

/** Partner ingestion, authenticated with `Authorization: ApiKey <key>`. */
export const pointsPartnerRoutes: RouteSpec[] = [
  {
    id: 'points.events.ingest', method: 'POST', path: '/api/points/partner/events', tag: 'points-partner', access: { permission: 'points.ingest' },
    body: 'api/points/partner-events.body',
    maxBodyBytes: 8 * 1024 * 1024, // 10,000 events are about 1.3 MB of JSON
    summary: 'Report up to 10,000 events (Idempotency-Key required); invalid events are listed by index, field and reason, valid ones kept',
    handler: (i: AuthenticatedInput<{ events: unknown[] }>, p) =>
      p.services.points.ingestion.ingest(i.actor as AuthenticatedInput['actor'] & { principal: PartnerPrincipal }, i.body),
  },
];
