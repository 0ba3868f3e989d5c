import type { PriceObservation } from '../../db/prices/price.repository.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

export const priceRoutes: RouteSpec[] = [
  {
    id: 'prices.references', method: 'GET', path: '/api/prices/references', tag: 'prices', access: { permission: 'prices.read' },
    summary: 'Every price series with its latest observation',
    handler: async (_i: AuthenticatedInput, p) => ({ items: await p.services.prices.references() }),
  },
  {
    id: 'prices.series', method: 'GET', path: '/api/prices', tag: 'prices', access: { permission: 'prices.read' },
    summary: 'One price series in date order (fen per unit)', query: 'api/prices/series.query',
    handler: async (i: AuthenticatedInput<unknown, { reference: string; from?: string; to?: string }>, p) =>
      ({ reference: i.query.reference, items: await p.services.prices.series(i.query.reference, i.query.from, i.query.to) }),
  },
  {
    id: 'prices.record', method: 'POST', path: '/api/prices', tag: 'prices', access: { permission: 'prices.manage' },
    summary: 'Record one price (the same price again: 200; a different price for that day: 409)', body: 'api/prices/price.body', successStatus: 201,
    handler: async (i: AuthenticatedInput<PriceObservation>, p) => {
      const { price, created } = await p.services.prices.record(i.actor, i.body);
      return { status: created ? 201 : 200, body: price };
    },
  },
  {
    id: 'prices.import', method: 'POST', path: '/api/prices/import', tag: 'prices', access: { permission: 'prices.manage' },
    summary: 'Import a CSV (reference,date,price_yuan,unit,source); any bad row: 400 with every row’s error, nothing stored',
    upload: { contentTypes: ['text/csv'], maxBytes: 5 * 1024 * 1024 },
    handler: (i: AuthenticatedInput, p) => p.services.prices.importCsv(i.actor, i.upload!.bytes),
  },
];
