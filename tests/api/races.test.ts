// Races: 50 concurrent requests for one thing that can happen once — pledge one asset (two accepted
// loans disbursing against the same water right), approve one loan, disburse one loan, accept one of
// two offers of a multi-bank application, allocate the last proceeds of a bond. Exactly one request
// succeeds; every other one gets a 409 with a stable code, and the records show the change once.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type ApiResponse, type TestPlatform } from '../../backend/test-support/test-platform.js';
import * as loans from '../../backend/src/domain/loans/__tests__/loan-fixtures.js';
import * as bonds from '../../backend/src/domain/bonds/__tests__/bond-fixtures.js';

let t: TestPlatform;
const outcomes: { race: string; requests: number; succeeded: number; conflicts: Record<string, number>; other: string[] }[] = [];

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  await loans.loginAll(t);
  await bonds.loginAll(t);
});
afterAll(async () => {
  console.log(['races (50 concurrent requests each):',
    ...outcomes.map((o) => `  ${o.race.padEnd(46)} ${o.requests} sent, ${o.succeeded} succeeded, conflicts ${Object.entries(o.conflicts).map(([c, n]) => `${c}×${n}`).join(' ') || 'none'}${o.other.length ? `, other ${o.other.join(' ')}` : ''}`),
  ].join('\n'));
  await t.close();
});

/** Sends all requests at once and tallies the answers. */
async function race(name: string, requests: (() => Promise<ApiResponse>)[]): Promise<{ winners: number[]; responses: ApiResponse[] }> {
  const responses = await Promise.all(requests.map((send) => send()));
  const conflicts: Record<string, number> = {};
  const other: string[] = [];
  const winners: number[] = [];
  responses.forEach((res, i) => {
    if (res.status >= 200 && res.status < 300) winners.push(i);
    else if (res.status === 409 && typeof res.body?.error?.code === 'string') conflicts[res.body.error.code] = (conflicts[res.body.error.code] ?? 0) + 1;
    else other.push(`${res.status}:${JSON.stringify(res.body).slice(0, 160)}`);
  });
  outcomes.push({ race: name, requests: requests.length, succeeded: winners.length, conflicts, other });
  return { winners, responses };
}

const expectOneWinner = (r: { winners: number[]; responses: ApiResponse[] }) => {
  expect(r.winners).toHaveLength(1);
  expect(r.responses.filter((res) => res.status !== 409 && (res.status < 200 || res.status >= 300))).toEqual([]);
};

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const loanOf = async (id: string) => (await t.api.get(`/api/loans/${id}`, loans.tokens['bank.officer'])).body;

describe('races: exactly one of 50 concurrent requests succeeds', () => {
  test('approve one loan', async () => {
    const asset = await loans.waterAsset(t);
    const app = await loans.submitted(t, [asset], [loans.tarim()]);
    const loanId = app.offers[0].id as string;
    await loans.toPendingApproval(t, loanId, 'bank.officer');
    const r = await race('approve one loan', times(50, () => () => loans.post(t, `/api/loans/${loanId}/approve`, { note: '同意' }, 'bank.approver')));
    expectOneWinner(r);
    const loan = await loanOf(loanId);
    expect(loan.state).toBe('APPROVED');
    expect(loan.history.filter((h: { action?: string }) => h.action === 'approve')).toHaveLength(1);
  });

  test('disburse one loan', async () => {
    const asset = await loans.waterAsset(t);
    const app = await loans.submitted(t, [asset], [loans.tarim()]);
    const loanId = app.offers[0].id as string;
    await loans.toAccepted(t, loanId, 'bank.officer', 'bank.approver');
    const r = await race('disburse one loan', times(50, () => () => loans.post(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer')));
    expectOneWinner(r);
    const loan = await loanOf(loanId);
    expect(loan.state).toBe('ACTIVE');
    expect(loan.pledgedAssetIds).toEqual([asset]);
    expect(loan.history.filter((h: { action?: string }) => h.action === 'disburse')).toHaveLength(1);
  });

  test('pledge one asset: two accepted loans disbursing against the same water right', async () => {
    const asset = await loans.waterAsset(t);
    const first = (await loans.submitted(t, [asset], [loans.tarim()])).offers[0].id as string;
    const second = (await loans.submitted(t, [asset], [loans.tarim()])).offers[0].id as string;
    await loans.toAccepted(t, first, 'bank.officer', 'bank.approver');
    await loans.toAccepted(t, second, 'bank.officer', 'bank.approver');
    const r = await race('pledge one asset (2 loans × 25 disbursements)', times(50, (i) => () => loans.post(t, `/api/loans/${i % 2 ? second : first}/disburse`, {}, 'bank.officer')));
    expectOneWinner(r);
    const winner = r.winners[0]! % 2 ? second : first;
    const loser = winner === first ? second : first;
    const assetNow = (await t.api.get(`/api/assets/${asset}`, loans.tokens['enterprise'])).body;
    expect(assetNow.encumbrance).toMatchObject({ status: 'pledged', loanId: winner });
    expect((await loanOf(winner)).state).toBe('ACTIVE');
    const lost = await loanOf(loser);
    expect([lost.state, lost.pledgedAssetIds, lost.pendingStep]).toEqual(['ACCEPTED', [], null]);
  });

  test('accept one of two offers of a multi-bank application', async () => {
    const asset = await loans.waterAsset(t);
    const app = await loans.submitted(t, [asset], [loans.tarim(), loans.bosten()]);
    const tarimLoan = app.offers.find((o: { institutionId: string }) => o.institutionId === loans.tarim()).id as string;
    const bostenLoan = app.offers.find((o: { institutionId: string }) => o.institutionId === loans.bosten()).id as string;
    await loans.toPendingApproval(t, tarimLoan, 'bank.officer');
    await loans.toPendingApproval(t, bostenLoan, 'bosten.officer');
    for (const [id, approver] of [[tarimLoan, 'bank.approver'], [bostenLoan, 'bosten.approver']] as const) {
      expect((await loans.post(t, `/api/loans/${id}/approve`, { note: '同意' }, approver)).status).toBe(200);
    }
    const r = await race('accept one of two offers (25 + 25)', times(50, (i) => () => loans.post(t, `/api/loans/${i % 2 ? bostenLoan : tarimLoan}/accept`, {}, 'enterprise')));
    expectOneWinner(r);
    const winner = r.winners[0]! % 2 ? bostenLoan : tarimLoan;
    const application = (await t.api.get(`/api/loan-applications/${app.id as string}`, loans.tokens['enterprise'])).body;
    expect([application.state, application.acceptedLoanId]).toEqual(['OFFER_ACCEPTED', winner]);
    const states = await Promise.all([tarimLoan, bostenLoan].map(async (id) => (await t.api.get(`/api/loans/${id}`, loans.tokens['enterprise'])).body.state as string));
    expect(states.filter((s) => s === 'ACCEPTED')).toHaveLength(1);
  });

  test('allocate the last proceeds of a bond (50 proposals of the remaining balance)', async () => {
    const bond = await bonds.bondIn(t, 'ISSUED');
    const remaining = 1_000_000;
    const [p0, p1] = bond.projects as { id: string }[];
    await bonds.allocated(t, bond.id as string, p0!.id, (bond.proceedsFen as number) - remaining);
    const r = await race('allocate the last bond proceeds', times(50, (i) => () => bonds.post(t, `/api/bonds/${bond.id as string}/allocations`, { projectId: p1!.id, amountFen: remaining, expenditureDate: '2026-11-25', note: `第${i + 1}笔` }, 'issuer')));
    expectOneWinner(r);
    const after = (await t.api.get(`/api/bonds/${bond.id as string}`, bonds.tokens['issuer'])).body;
    const pending = (after.allocations as { state: string; amountFen: number }[]).filter((a) => a.state === 'PENDING');
    expect(pending.map((a) => a.amountFen)).toEqual([remaining]);
    expect(after.committedFen).toBe(after.proceedsFen);
  });
});
