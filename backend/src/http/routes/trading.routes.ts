// Ecological-rights trading: markets, the public order book, offers and bids (matched at once by
// price then time), the pledgee bank's consent, cancellation, trades and settlement retries.
// Thin: validation in schemas/api/trading, rules in domain/trading.
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const trade = { permission: 'trading.trade' } as const;
const tag = 'trading';

export const tradingRoutes: RouteSpec[] = [
  {
    id: 'trading.markets', method: 'GET', path: '/api/trading/markets', tag, access: 'authenticated',
    summary: 'Traded right types with their unit, minimum lot and whether a whole title changes hands',
    handler: async (_i: AuthenticatedInput, p) => p.services.trading.markets(),
  },
  {
    id: 'trading.book', method: 'GET', path: '/api/trading/book', tag, access: 'authenticated',
    summary: 'One market’s order book by price level (owners not shown)', query: 'api/trading/book.query',
    handler: (i: AuthenticatedInput<unknown, { assetType: string; priceReference: string }>, p) => p.services.trading.orderBook(i.query.assetType, i.query.priceReference),
  },
  {
    id: 'trading.offer', method: 'POST', path: '/api/trading/offers', tag, access: trade, successStatus: 201,
    summary: 'Offer a verified right for sale or lease (Idempotency-Key); a pledged or frozen right waits for the pledgee bank’s consent; matched at once', body: 'api/trading/offer.body',
    handler: (i: AuthenticatedInput, p) => p.services.trading.offer(i.actor, i.body),
  },
  {
    id: 'trading.bid', method: 'POST', path: '/api/trading/bids', tag, access: trade, successStatus: 201,
    summary: 'Bid for a quantity in a market (Idempotency-Key); matched at once by price then time, partial fills in whole lots', body: 'api/trading/bid.body',
    handler: (i: AuthenticatedInput, p) => p.services.trading.bid(i.actor, i.body),
  },
  {
    id: 'trading.orders', method: 'GET', path: '/api/trading/orders', tag, access: 'authenticated',
    summary: 'Orders in the caller’s scope (participant: its own; pledgee bank: consent requests; platform readers: all)', query: 'api/trading/orders.query',
    handler: (i: AuthenticatedInput<unknown, { state?: never; market?: string; limit: number; offset: number }>, p) => p.services.trading.listOrders(i.principal, { state: i.query.state, market: i.query.market }, i.query),
  },
  {
    id: 'trading.order', method: 'GET', path: '/api/trading/orders/:id', tag, access: 'authenticated',
    summary: 'One order in the caller’s scope', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.trading.getOrder(i.principal, i.params.id),
  },
  {
    id: 'trading.cancel', method: 'POST', path: '/api/trading/orders/:id/cancel', tag, access: trade,
    summary: 'Cancel the unfilled rest of one’s own open or waiting order', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.trading.cancel(i.actor, i.params.id),
  },
  {
    id: 'trading.consent', method: 'POST', path: '/api/trading/orders/:id/consent', tag, access: { permission: 'trading.consent' },
    summary: 'The pledgee bank consents to (AWAITING_CONSENT → OPEN) or refuses (→ CANCELLED) the sale of a right pledged to it', params: 'api/common/id.params', body: 'api/trading/consent.body',
    handler: (i: AuthenticatedInput<{ decision: 'consent' | 'refuse'; note: string }, unknown, Id>, p) => p.services.trading.decideConsent(i.actor, i.params.id, i.body.decision, i.body.note),
  },
  {
    id: 'trading.trades', method: 'GET', path: '/api/trading/trades', tag, access: 'authenticated',
    summary: 'Trades in the caller’s scope (as seller or buyer; platform readers: all)', query: 'api/trading/trades.query',
    handler: (i: AuthenticatedInput<unknown, { market?: string; limit: number; offset: number }>, p) => p.services.trading.listTrades(i.principal, { market: i.query.market }, i.query),
  },
  {
    id: 'trading.settle', method: 'POST', path: '/api/trading/trades/:id/settle', tag, access: trade,
    summary: 'Retry a trade’s settlement (idempotent by its settlement key)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.trading.settleAgain(i.actor, i.params.id),
  },
];
