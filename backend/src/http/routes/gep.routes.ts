// GEP accounting runs (preparer → reviewer → published), the public pages (no login) and the link to
// GEP sites of the asset registry. Thin: validation in schemas/api/gep, rules in domain/gep.
import type { GepRunInput } from '../../domain/gep/gep-service.js';
import { buildGepReportPdf } from '../../reports/gep-report.js';
import type { AuthenticatedInput, RouteInput, RouteSpec } from '../route.js';

type Id = { id: string };
const tag = 'gep';
const read = { permission: 'gep.read' } as const;
const prepare = { permission: 'gep.prepare' } as const;
const review = { permission: 'gep.review' } as const;

export const gepRoutes: RouteSpec[] = [
  {
    id: 'gep.config', method: 'GET', path: '/api/gep-config', tag, access: 'public',
    summary: 'The current GEP configuration: services, units, pricing methods, unit prices (fen per unit) and their sources',
    handler: async (_i: RouteInput, p) => p.services.gep.configuration,
  },
  {
    id: 'gep.regions', method: 'GET', path: '/api/eco-regions', tag, access: 'public',
    summary: 'The prefectures and counties a catalogue entry or a GEP run may name (versioned list with its source)',
    handler: async (_i: RouteInput, p) => p.services.gep.regionList,
  },
  {
    id: 'gep.create', method: 'POST', path: '/api/gep-runs', tag, access: prepare, successStatus: 201,
    summary: 'Compute a DRAFT run for a region and year (quantity × unit price per service; change against the previous year’s published run)', body: 'api/gep/run.body',
    handler: (i: AuthenticatedInput<GepRunInput>, p) => p.services.gep.create(i.actor, i.body),
  },
  {
    id: 'gep.list', method: 'GET', path: '/api/gep-runs', tag, access: read,
    summary: 'Runs in the caller’s scope (preparer: its institution’s; reviewers and platform readers: all)', query: 'api/gep/list.query',
    handler: async (i: AuthenticatedInput<unknown, { region?: string; state?: string }>, p) => ({ items: await p.services.gep.list(i.principal, i.query) }),
  },
  {
    id: 'gep.get', method: 'GET', path: '/api/gep-runs/:id', tag, access: read,
    summary: 'One run with its inputs, result, change and allowed actions', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.gep.get(i.principal, i.params.id),
  },
  {
    id: 'gep.update', method: 'PUT', path: '/api/gep-runs/:id', tag, access: prepare,
    summary: 'Replace a DRAFT’s inputs and recompute (a published run: 409 GEP_RUN_IMMUTABLE)', params: 'api/common/id.params', body: 'api/gep/run.body',
    handler: (i: AuthenticatedInput<GepRunInput, unknown, Id>, p) => p.services.gep.update(i.actor, i.params.id, i.body),
  },
  {
    id: 'gep.review', method: 'POST', path: '/api/gep-runs/:id/review', tag, access: review,
    summary: 'DRAFT → REVIEWED by a reviewer who is not the preparer', params: 'api/common/id.params', body: 'api/gep/note.body',
    handler: (i: AuthenticatedInput<{ note?: string }, unknown, Id>, p) => p.services.gep.review(i.actor, i.params.id, i.body.note ?? ''),
  },
  {
    id: 'gep.return', method: 'POST', path: '/api/gep-runs/:id/return', tag, access: review,
    summary: 'REVIEWED → DRAFT with the reviewer’s note', params: 'api/common/id.params', body: 'api/gep/note.body',
    handler: (i: AuthenticatedInput<{ note?: string }, unknown, Id>, p) => p.services.gep.returnToDraft(i.actor, i.params.id, i.body.note ?? ''),
  },
  {
    id: 'gep.publish', method: 'POST', path: '/api/gep-runs/:id/publish', tag, access: review,
    summary: 'REVIEWED → PUBLISHED (immutable, public); a correction’s publication records its intent, marks the corrected version SUPERSEDED, then publishes (an interruption is finished or undone by the gep.recovery job)', params: 'api/common/id.params', body: 'api/gep/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.gep.publish(i.actor, i.params.id),
  },
  {
    id: 'gep.correct', method: 'POST', path: '/api/gep-runs/:id/corrections', tag, access: prepare, successStatus: 201,
    summary: 'A correction of a published run: a new DRAFT version with new inputs and a note naming what changed', params: 'api/common/id.params', body: 'api/gep/correction.body',
    handler: (i: AuthenticatedInput<GepRunInput & { changeNote: string }, unknown, Id>, p) => p.services.gep.correct(i.actor, i.params.id, i.body),
  },
  {
    id: 'gep.sites.runs', method: 'GET', path: '/api/gep-sites/:siteCode/runs', tag, access: 'authenticated',
    summary: 'The published regional GEP runs a GEP site of the asset registry belongs to (read-only link)', params: 'api/gep/site.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, { siteCode: string }>, p) => ({ items: await p.services.gep.forSite(i.params.siteCode) }),
  },
  // ---- public (no login) ----
  {
    id: 'gep.public.list', method: 'GET', path: '/api/public/gep-runs', tag, access: 'public',
    summary: 'Published GEP runs (current versions) by region and year — no login', query: 'api/gep/public-list.query',
    handler: async (i: RouteInput<unknown, { region?: string }>, p) => ({ items: await p.services.gep.publicList(i.query.region) }),
  },
  {
    id: 'gep.public.get', method: 'GET', path: '/api/public/gep-runs/:id', tag, access: 'public',
    summary: 'One published (or superseded) GEP run — drafts do not exist here', params: 'api/common/id.params',
    handler: (i: RouteInput<unknown, unknown, Id>, p) => p.services.gep.publicGet(i.params.id),
  },
  {
    id: 'gep.public.pdf', method: 'GET', path: '/api/public/gep-runs/:id/report.pdf', tag, access: 'public',
    summary: 'The published GEP accounting report as a PDF (Chinese)', params: 'api/common/id.params',
    handler: async (i: RouteInput<unknown, unknown, Id>, p) => {
      const run = await p.services.gep.publicGet(i.params.id);
      const body = await buildGepReportPdf(run);
      return { body, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="gep-${run.year}-v${run.version}-${run.id}.pdf"` } };
    },
  },
];
