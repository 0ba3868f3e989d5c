import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
}, 180_000);
afterAll(() => t.close());

describe('the demo holds guarantees in several states', () => {
  test('committee review, letter issued, in force, released, compensated and recovering', async () => {
    const all = await t.platform.services.guaranteeRepositories.guarantees.listInStates(['COMMITTEE_REVIEW', 'LETTER_ISSUED', 'IN_FORCE', 'RELEASED', 'COMPENSATED', 'RECOVERING']);
    expect([...new Set(all.map((g) => g.state))].sort()).toEqual(['COMMITTEE_REVIEW', 'COMPENSATED', 'IN_FORCE', 'LETTER_ISSUED', 'RECOVERING', 'RELEASED']);
    for (const g of all.filter((x) => x.compensation)) {
      const s = g.compensation!.split;
      expect(s.originalGuarantor + s.reguarantor + s.bank + s.localGovernment).toBe(g.compensation!.amountFen);
    }
  });

  test('the demo approver finds the guarantee awaiting the committee, and the demo officer the portfolio', async () => {
    const approver = await t.api.login('guarantee.approver');
    const queue = await t.api.get('/api/guarantees?state=COMMITTEE_REVIEW', approver);
    expect(queue.body.items.map((g: { loan: { purpose: string } }) => g.loan.purpose)).toEqual(['核桃林下种植中药材']);
    const officer = await t.api.login('guarantee.officer');
    const portfolio = (await t.api.get('/api/guarantee-portfolio', officer)).body;
    expect(portfolio).toMatchObject({ netAssetsFen: 30_000_000_000, capacityMultiple: 15, capacityLimitFen: 450_000_000_000, averageFee: { targetBp: 100, belowTarget: true } });
  });
});
