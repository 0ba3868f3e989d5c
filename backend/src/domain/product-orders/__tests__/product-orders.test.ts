import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { loginAll, post, tarim, tokens, upload } from '../../loans/__tests__/loan-fixtures.js';

let t: TestPlatform;
let buyerSubjectId = '';
let orderId = '';
let loanId = '';

// A walnut cooperative's supply contract with a date processor: 10 000 yuan, paid on 2027-03-09,
// 100 days after the test's today (2026-11-29); the loan may run to 2027-03-09 + 90 days = 2027-06-07.
const order = (orderNumber: string) => ({
  assetType: 'product_order',
  name: '薄皮核桃供货合同',
  details: {
    orderNumber, buyerName: '和田红枣食品加工有限公司', buyerSubjectId, product: '薄皮核桃', catalogueCode: 'A-01-03', quantity: 5000, unit: 'kg',
    amountFen: 1_000_000, deliveryDate: '2027-01-15', paymentDate: '2027-03-09',
  },
});

/** Expected value of the order by the buyer's credit factor: 1 000 000 × 0.95 × factor × 365 / 369.5, half-even (hand-worked). */
const expectedByFactor: Record<string, { valueFen: number; lendingValueFen: number; maxLoanFen: number }> = {
  '1': { valueFen: 938_430, lendingValueFen: 750_744, maxLoanFen: 525_521 },
  '0.98': { valueFen: 919_662, lendingValueFen: 735_729, maxLoanFen: 515_011 },
  '0.95': { valueFen: 891_509, lendingValueFen: 713_207, maxLoanFen: 499_245 },
  '0.9': { valueFen: 844_587, lendingValueFen: 675_670, maxLoanFen: 472_969 },
  '0.8': { valueFen: 750_744, lendingValueFen: 600_595, maxLoanFen: 420_417 },
};

async function registeredOrder(orderNumber: string): Promise<string> {
  const documentId = await upload(t, tokens['walnut.coop']!, `供货合同 ${orderNumber}`);
  const created = await t.api.post('/api/assets', { ...order(orderNumber), documentIds: [documentId] }, tokens['walnut.coop']);
  if (created.status !== 201) throw new Error(`register: ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

async function verify(id: string): Promise<void> {
  expect((await t.api.post(`/api/assets/${id}/submit`, undefined, tokens['walnut.coop'])).status).toBe(200);
  expect((await t.api.post(`/api/assets/${id}/verify`, {}, tokens['verifier'])).status).toBe(200);
}

async function application(assetId: string, termMonths: number, amountFen = 400_000): Promise<any> {
  const draft = await t.api.post('/api/loan-applications', {
    amountFen, termMonths, purpose: '核桃收购周转', taxonomyCode: '4.1-carbon_sink_forestry', repaymentMethod: 'equal_principal', frequency: 'monthly', assetIds: [assetId], bankIds: [tarim()], documentIds: [],
  }, tokens['walnut.coop']);
  if (draft.status !== 201) throw new Error(`draft: ${JSON.stringify(draft.body)}`);
  const res = await t.api.post(`/api/loan-applications/${draft.body.id}/submit`, {}, tokens['walnut.coop']);
  if (res.status !== 200) throw new Error(`submit: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The bank's review of a 400 000 fen, 6-month loan to ACCEPTED (officer recommends, approver approves, the cooperative accepts). */
async function accepted(id: string): Promise<void> {
  const steps: [string, unknown, string][] = [
    ['start-review', {}, 'bank.officer'],
    ['assess', { taxonomyCode: '4.1-carbon_sink_forestry', note: '核桃经济林，符合目录' }, 'bank.officer'],
    ['recommend', { amountFen: 400_000, annualRateBp: 380, termMonths: 6, conditions: ['订单回款优先还贷'], notes: '订单质押' }, 'bank.officer'],
    ['approve', { note: '同意' }, 'bank.approver'],
    ['accept', {}, 'walnut.coop'],
  ];
  for (const [step, body, user] of steps) {
    const res = await t.api.post(`/api/loans/${id}/${step}`, body, tokens[user]);
    if (res.status !== 200) throw new Error(`${step}: ${JSON.stringify(res.body)}`);
  }
}

const asset = async (id: string) => (await t.platform.repositories.assets.findById(id))!;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginAll(t);
  buyerSubjectId = String((await t.platform.connection.db!.collection('users').findOne({ username: 'enterprise' }))!['subjectId']);
  orderId = await registeredOrder('HT-2026-1129-01');
  await verify(orderId);
}, 300_000);
afterAll(() => t.close());

describe('product-order pledges', () => {
  test('the order is valued by the product-order method: the buyer’s grade sets the factor; the term is limited to the payment date + 90 days', async () => {
    const grade = (await t.platform.services.points.repositories.snapshots.find(buyerSubjectId))?.grade ?? null;
    const factors: Record<string, number> = { green: 1, blue: 0.98, light_green: 0.98, yellow: 0.9, red: 0.8 };
    const factor = String((grade && factors[grade]) ?? 0.9);
    const res = await t.api.post(`/api/assets/${orderId}/valuations`, { purpose: 'preliminary' }, tokens['walnut.coop']);
    expect(res.status).toBe(201);
    const valuation = res.body;
    expect({ valueFen: valuation.valueFen, lendingValueFen: valuation.lendingValueFen, maxLoanFen: valuation.maxLoanFen }).toEqual(expectedByFactor[factor]);
    expect(valuation.result).toMatchObject({ assetType: 'product_order', method: 'product_order.discounted_receivable', maxTermYears: 0.5, pledgeRate: 0.7, valuationDate: '2026-11-29' });
    expect(valuation.result.inputs['latestLoanEndDate']).toMatchObject({ value: '2027-06-07' });
    // both configurations it ran under are recorded, on the valuation and in its stored request
    expect([valuation.configVersion, valuation.configVersions]).toEqual(['2026.11.1', { productOrder: '2026.11.1', valuation: '2026.11.1' }]);
    expect(valuation.request.configVersions).toEqual({ productOrder: '2026.11.1', valuation: '2026.11.1' });
    const again = (await t.api.post(`/api/valuations/${valuation.id}/reproduce`, {}, tokens['walnut.coop'])).body;
    expect(again.identical).toBe(true);
  });

  test('the pre-screen refuses a loan term beyond the payment date + grace (12 months asked, 6 allowed)', async () => {
    const app = await application(orderId, 12);
    expect(app.prescreen.reasons).toContainEqual(expect.objectContaining({ code: 'TERM_BEYOND_RIGHT', assetId: orderId, message: expect.stringContaining('6 months') }));
    expect(app.prescreen.eligible).toBe(false);
  });

  test('an unconfirmed order cannot be pledged: disbursement fails naming the cause and the order stays free', async () => {
    const app = await application(orderId, 6);
    expect(app.prescreen.eligible).toBe(true);
    loanId = app.offers[0].id as string;
    await accepted(loanId);
    const res = await post(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'LOAN_PLEDGE_FAILED', details: { assetId: orderId, cause: 'ASSET_ORDER_NOT_CONFIRMED' } });
    expect((await asset(orderId)).encumbrance.status).toBe('free');
  });

  test('only a user of the buyer confirms it, once; then the order is pledged at disbursement', async () => {
    expect((await t.api.post(`/api/product-orders/${orderId}/confirm`, {}, tokens['citizen'])).status).toBe(404);
    const listed = await t.api.get('/api/product-orders/as-buyer', tokens['enterprise']);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(orderId);
    const confirmed = await t.api.post(`/api/product-orders/${orderId}/confirm`, {}, tokens['enterprise']);
    expect([confirmed.status, confirmed.body.orderConfirmation?.method]).toEqual([200, 'buyer_user']);
    const twice = await t.api.post(`/api/product-orders/${orderId}/confirm`, {}, tokens['enterprise']);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'PRODUCT_ORDER_INVALID_STEP']);
    const res = await post(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer');
    expect([res.status, res.body.state]).toEqual([200, 'ACTIVE']);
    expect((await asset(orderId)).encumbrance).toMatchObject({ status: 'pledged', loanId });
  });

  test('the buyer’s payments go to the loan first; the pledge is released when the order is settled', async () => {
    const first = await post(t, `/api/product-orders/${orderId}/payments`, { amountFen: 300_000, date: '2026-11-29' }, 'bank.officer', 'order-pay-0001');
    expect([first.status, first.body.error]).toEqual([201, undefined]);
    expect(first.body).toMatchObject({ settled: false, order: { encumbrance: { status: 'pledged' } } });
    const loan1 = first.body.loan;
    expect(loan1.repayments.at(-1)).toMatchObject({ amountFen: 300_000, appliedFen: 300_000, idempotencyKey: 'order-payment:order-pay-0001' });
    // a retry with the same key records nothing more
    const retry = await post(t, `/api/product-orders/${orderId}/payments`, { amountFen: 300_000, date: '2026-11-29' }, 'bank.officer', 'order-pay-0001');
    expect(retry.body.order.orderPayments).toHaveLength(1);
    expect(retry.body.loan.repayments).toHaveLength(loan1.repayments.length);
    const second = await post(t, `/api/product-orders/${orderId}/payments`, { amountFen: 700_000, date: '2026-11-29' }, 'bank.officer', 'order-pay-0002');
    expect(second.body.settled).toBe(true);
    expect((await asset(orderId)).encumbrance.status).toBe('free');
    expect(second.body.order.orderPayments.map((p: { amountFen: number; appliedToLoanFen: number }) => p.amountFen)).toEqual([300_000, 700_000]);
    // the loan of 400 000 fen was repaid from the order's money (the rest is unapplied)
    const loan = await t.platform.services.loanRepositories.loans.find({ kind: 'all' }, loanId);
    expect(loan!.state).toBe('CLOSED');
  });

  test('a signed confirmation is attached by the seller to a draft order only', async () => {
    const draftId = await registeredOrder('HT-2026-1129-02');
    const documentId = await upload(t, tokens['walnut.coop']!, '买方签章确认函');
    const res = await t.api.post(`/api/product-orders/${draftId}/signed-confirmation`, { documentId }, tokens['walnut.coop']);
    expect([res.status, res.body.orderConfirmation.method]).toEqual([200, 'signed_document']);
    expect(res.body.documents.map((d: { id: string }) => d.id)).toContain(documentId);
    const otherId = await registeredOrder('HT-2026-1129-03');
    await verify(otherId);
    const late = await t.api.post(`/api/product-orders/${otherId}/signed-confirmation`, { documentId }, tokens['walnut.coop']);
    expect([late.status, late.body.error.code]).toEqual([409, 'PRODUCT_ORDER_INVALID_STEP']);
  });
});
