import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { loanStates } from '../loan-state-machine.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
}, 180_000);
afterAll(() => t.close());

describe('the demo holds loans in every state', () => {
  test('every state of the table has at least one demo loan', async () => {
    const loans = await t.platform.services.loanRepositories.loans.listInStates([...loanStates]);
    const states = new Set(loans.map((l) => l.state));
    expect([...loanStates].filter((s) => !states.has(s))).toEqual([]);
  });

  test('the demo bank officer’s queue and the applicant’s applications are visible through the API', async () => {
    const officer = await t.api.login('bank.officer');
    const queue = await t.api.get('/api/loans?state=PENDING_APPROVAL', officer);
    expect(queue.body.items.map((l: { purpose: string }) => l.purpose)).toContain('枣园节水灌溉二期');
    const enterprise = await t.api.login('enterprise');
    const applications = await t.api.get('/api/loan-applications?limit=50', enterprise);
    expect(applications.body.total).toBe(5);
  });

  test('lent demo loans hold their assets as pledges; closed and written-off loans hold none', async () => {
    const loans = await t.platform.services.loanRepositories.loans.listInStates(['ACTIVE', 'OVERDUE', 'DEFAULTED', 'CLOSED', 'WRITTEN_OFF']);
    for (const loan of loans) {
      const asset = await t.platform.repositories.assets.findById(loan.assetIds[0]!);
      const pledged = ['ACTIVE', 'OVERDUE', 'DEFAULTED'].includes(loan.state);
      expect([loan.state, asset!.encumbrance.status, asset!.encumbrance.loanId]).toEqual([loan.state, pledged ? 'pledged' : 'free', pledged ? loan.id : null]);
    }
  });
});
