import type { AssetFilter } from '../../db/assets/asset.repository.js';
import type { PageRequest } from '../../db/page.js';
import type { AssetRegistration } from '../../domain/assets/asset-service.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };

export const assetRoutes: RouteSpec[] = [
  {
    id: 'assets.register', method: 'POST', path: '/api/assets', tag: 'assets', access: { permission: 'assets.register' },
    summary: 'Register an ecological asset of the caller’s subject (a draft); certificate numbers are unique per type', body: 'api/assets/asset.body', successStatus: 201,
    handler: (i: AuthenticatedInput<AssetRegistration>, p) => p.services.assets.register(i.actor, i.body),
  },
  {
    id: 'assets.list', method: 'GET', path: '/api/assets', tag: 'assets', access: 'authenticated',
    summary: 'Assets the caller may list: an owner’s own, a bank’s pledged collateral, everything for platform readers', query: 'api/assets/list.query',
    handler: (i: AuthenticatedInput<unknown, AssetFilter & PageRequest>, p) => p.services.assets.list(i.principal, i.query, i.query),
  },
  {
    id: 'assets.get', method: 'GET', path: '/api/assets/:id', tag: 'assets', access: 'authenticated',
    summary: 'One asset (404 unless it is yours, pledged or offered to your bank, or you read all tenants)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.assets.get(i.principal, i.params.id),
  },
  {
    id: 'assets.revise', method: 'PUT', path: '/api/assets/:id', tag: 'assets', access: { permission: 'assets.register' },
    summary: 'Replace a draft or rejected asset’s name, details and documents (it becomes a draft)', params: 'api/common/id.params', body: 'api/assets/asset.body',
    handler: (i: AuthenticatedInput<AssetRegistration, unknown, Id>, p) => p.services.assets.revise(i.actor, i.params.id, i.body),
  },
  {
    id: 'assets.submit', method: 'POST', path: '/api/assets/:id/submit', tag: 'assets', access: { permission: 'assets.register' },
    summary: 'Submit a draft for verification (draft → submitted; needs at least one document)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.assets.submit(i.actor, i.params.id),
  },
  {
    id: 'assets.verify', method: 'POST', path: '/api/assets/:id/verify', tag: 'assets', access: { permission: 'assets.verify' },
    summary: 'Confirm a submitted asset against its documents (submitted → verified)', params: 'api/common/id.params', body: 'api/assets/verify.body',
    handler: (i: AuthenticatedInput<{ note?: string }, unknown, Id>, p) => p.services.assets.verify(i.actor, i.params.id, i.body.note),
  },
  {
    id: 'assets.reject', method: 'POST', path: '/api/assets/:id/reject', tag: 'assets', access: { permission: 'assets.verify' },
    summary: 'Reject a submitted asset with the reason (submitted → rejected)', params: 'api/common/id.params', body: 'api/assets/reject.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.assets.reject(i.actor, i.params.id, i.body.reason),
  },
];
