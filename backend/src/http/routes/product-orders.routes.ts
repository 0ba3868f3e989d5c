// Product-order pledges (issue 14): the buyer's confirmation (its user, or the seller's signed
// confirmation on a draft), the buyer's list of orders, and the buyer's payment recorded by the
// pledgee bank (to the loan first; the pledge released once the order is settled). Registration,
// verification, valuation and pledging use the asset, valuation and loan endpoints.
import { defaultProductOrderConfig } from '@eco/scoring';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const tag = 'product-orders';
const id = 'api/common/id.params';

export const productOrderRoutes: RouteSpec[] = [
  {
    id: 'product-orders.config', method: 'GET', path: '/api/product-order-config', tag, access: 'authenticated',
    summary: 'The versioned product-order valuation configuration (dilution, discount rate, buyer-credit factors, haircuts, pledge rate, grace days)',
    handler: async () => defaultProductOrderConfig,
  },
  {
    id: 'product-orders.to-confirm', method: 'GET', path: '/api/product-orders/as-buyer', tag, access: 'authenticated',
    summary: 'Product orders naming the caller’s subject or institution as buyer, with their confirmation', query: 'api/common/page.query',
    handler: (i: AuthenticatedInput<unknown, { limit: number; offset: number }>, p) => p.services.productOrders.toConfirm(i.principal, i.query),
  },
  {
    id: 'product-orders.confirm', method: 'POST', path: '/api/product-orders/:id/confirm', tag, access: 'authenticated',
    summary: 'A user of the buyer (subject or institution named on the order) confirms it; only a confirmed order can be pledged (others: 404)', params: id, body: 'api/bonds/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.productOrders.confirm(i.actor, i.params.id),
  },
  {
    id: 'product-orders.signed-confirmation', method: 'POST', path: '/api/product-orders/:id/signed-confirmation', tag, access: { permission: 'assets.register' },
    summary: 'The seller attaches the buyer’s signed confirmation to its draft order (SHA-256 recorded; checked by the verifier with the other documents)', params: id, body: 'api/product-orders/signed-confirmation.body',
    handler: (i: AuthenticatedInput<{ documentId: string }, unknown, Id>, p) => p.services.productOrders.attachSignedConfirmation(i.actor, i.params.id, i.body.documentId),
  },
  {
    id: 'product-orders.payments', method: 'POST', path: '/api/product-orders/:id/payments', tag, access: { permission: 'loans.review' }, successStatus: 201,
    summary: 'The pledgee bank records the buyer’s payment: a repayment of the secured loan first; the pledge is released once the order is settled (Idempotency-Key: a retry finishes the same payment)', params: id, body: 'api/product-orders/payment.body',
    handler: (i: AuthenticatedInput<{ amountFen: number; date: string }, unknown, Id>, p) => p.services.productOrders.recordPayment(i.actor, i.params.id, i.body),
  },
];
