import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { bankDocument, disburse, guaranteeAt, loginGuarantee, post, relogin, tokens } from './guarantee-fixtures.js';

let t: TestPlatform;
const dayMs = 86_400_000;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginGuarantee(t);
}, 180_000);
afterAll(() => t.close());

describe('default → claim → compensation split 40/30/20/10 → re-guarantee claim → recovery → CLOSED', () => {
  let id: string;
  let loanId: string;
  let documents: { overdueProofDocumentId: string; contractDocumentId: string; collectionRecordDocumentId: string };

  test('a guarantee in force moves to DEFAULT_NOTIFIED when its loan defaults (the loans hook)', async () => {
    ({ guaranteeId: id, loanId } = await guaranteeAt(t, 'LETTER_ISSUED'));
    await disburse(t, loanId);
    expect((await post(t, `/api/guarantees/${id}/confirm-disbursement`, {}, 'bank.officer')).body.state).toBe('IN_FORCE');
    // The first instalment fell due on 2026-12-29; on 2027-04-15 it is 107 days past due (default after 90).
    t.clock.advance(Date.parse('2027-04-15T08:00:00Z') - t.clock.now().getTime());
    const run = await t.platform.services.loanServicing.runOverdue();
    await relogin(t);
    expect(run.defaulted).toContain(loanId);
    const g = (await t.api.get(`/api/guarantees/${id}`, tokens['guarantee.officer'])).body;
    expect(g).toMatchObject({ state: 'DEFAULT_NOTIFIED', defaultNotice: { overdueSince: '2026-12-29', reason: 'loan defaulted' }, allowedActions: ['submitClaim'] });
  });

  test('the claim needs the three documents and stays within the cover', async () => {
    documents = {
      overdueProofDocumentId: await bankDocument(t, '逾期证明'), contractDocumentId: await bankDocument(t, '借款合同'), collectionRecordDocumentId: await bankDocument(t, '催收记录'),
    };
    const before = await databaseDigest(t.platform);
    const above = await post(t, `/api/guarantees/${id}/claim`, { amountFen: 20_000_001, ...documents }, 'bank.officer');
    expect(above.body.error).toMatchObject({ code: 'GUARANTEE_CHECK_FAILED', field: 'amountFen', details: { maxClaimFen: 20_000_000 } });
    const foreign = await post(t, `/api/guarantees/${id}/claim`, { amountFen: 12_345_679, ...documents, contractDocumentId: 'ffffffffffffffffffffffff' }, 'bank.officer');
    expect(foreign.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'documentIds.1' });
    expect(await databaseDigest(t.platform)).toEqual(before);
    const res = await post(t, `/api/guarantees/${id}/claim`, { amountFen: 12_345_679, ...documents }, 'bank.officer');
    expect(res.body).toMatchObject({ state: 'CLAIM_SUBMITTED', claim: { amountFen: 12_345_679, payBy: '2027-05-15', by: 'bank.officer' } });
    // The guarantor reads the bank's claim documents; another bank does not.
    expect((await t.api.request('GET', `/api/documents/${documents.contractDocumentId}/content`, { token: tokens['guarantee.officer'] })).status).toBe(200);
    expect((await t.api.request('GET', `/api/documents/${documents.contractDocumentId}/content`, { token: await t.api.login('bosten.officer') })).status).toBe(404);
  });

  test('compensation splits the claim by the risk shares exactly to the fen; the bank is paid all but its own share', async () => {
    const res = await post(t, `/api/guarantees/${id}/compensate`, { note: '同意代偿' }, 'guarantee.approver');
    // 12 345 679 × 40/30/20/10 %: floors 4 938 271 + 3 703 703 + 2 469 135 + 1 234 567 = 12 345 676; the 3 fen left go to the guarantor, re-guarantor, bank.
    expect(res.body.compensation).toMatchObject({
      amountFen: 12_345_679, split: { originalGuarantor: 4_938_272, reguarantor: 3_703_704, bank: 2_469_136, localGovernment: 1_234_567 },
      paidToBankFen: 9_876_543, reguaranteeClaimBy: '2027-06-14',
    });
    const split = res.body.compensation.split;
    expect(split.originalGuarantor + split.reguarantor + split.bank + split.localGovernment).toBe(12_345_679);
    const pdf = await t.api.request('GET', `/api/guarantees/${id}/compensation-notice.pdf`, { token: tokens['bank.officer'] });
    expect(pdf.status).toBe(200);
  });

  test('the re-guarantee claim is for the re-guarantor’s share, and its staff then see the guarantee', async () => {
    expect((await t.api.get(`/api/guarantees/${id}`, tokens['reguarantor.officer'])).status).toBe(404);
    const res = await post(t, `/api/guarantees/${id}/reguarantee-claim`, { note: '向省再担保申请分险' }, 'guarantee.officer');
    expect(res.body).toMatchObject({ state: 'REGUARANTEE_CLAIMED', reguaranteeClaim: { amountFen: 3_703_704, localGovernmentFen: 1_234_567 } });
    const seen = await t.api.get(`/api/guarantees/${id}`, tokens['reguarantor.officer']);
    expect([seen.status, seen.body.reguaranteeClaim.amountFen]).toEqual([200, 3_703_704]);
    expect((await post(t, `/api/guarantees/${id}/start-recovery`, { note: 'x' }, 'reguarantor.officer')).status).toBe(404);
  });

  test('recoveries are shared pro rata and may not exceed the compensation; closing records the loss', async () => {
    expect((await post(t, `/api/guarantees/${id}/start-recovery`, { note: '启动追偿' }, 'guarantee.officer')).body.state).toBe('RECOVERING');
    const first = await post(t, `/api/guarantees/${id}/recoveries`, { amountFen: 1_000_001, note: '处置反担保' }, 'guarantee.officer');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'RECOVERING', recoveredFen: 1_000_001, recoveries: [{ seq: 1, amountFen: 1_000_001, split: { originalGuarantor: 400_001, reguarantor: 300_000, bank: 200_000, localGovernment: 100_000 } }] });
    const tooMuch = await post(t, `/api/guarantees/${id}/recoveries`, { amountFen: 11_345_679, note: 'x' }, 'guarantee.officer');
    expect(tooMuch.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'amountFen' });
    const closed = await post(t, `/api/guarantees/${id}/close`, { note: '追偿结束' }, 'guarantee.approver');
    expect(closed.body).toMatchObject({ state: 'CLOSED', open: false, closure: { kind: 'closed', lossFen: 11_345_678 } });
    expect(closed.body.history.map((h: { to: string }) => h.to)).toEqual(['APPLIED', 'DUE_DILIGENCE', 'COMMITTEE_REVIEW', 'APPROVED', 'COUNTER_GUARANTEE_PENDING', 'LETTER_ISSUED', 'IN_FORCE', 'DEFAULT_NOTIFIED', 'CLAIM_SUBMITTED', 'COMPENSATED', 'REGUARANTEE_CLAIMED', 'RECOVERING', 'CLOSED']);
    const late = await post(t, `/api/guarantees/${id}/recoveries`, { amountFen: 1, note: 'x' }, 'guarantee.officer');
    expect(late.body.error).toMatchObject({ code: 'GUARANTEE_INVALID_TRANSITION', details: { currentState: 'CLOSED' } });
  });

  test('a default the hook missed is noticed by the recovery run', async () => {
    t.clock.advance(-(t.clock.now().getTime() - Date.parse('2026-11-29T08:00:00Z')));
    await relogin(t);
    const { guaranteeId, loanId: other } = await guaranteeAt(t, 'LETTER_ISSUED');
    await disburse(t, other);
    await post(t, `/api/guarantees/${guaranteeId}/confirm-disbursement`, {}, 'bank.officer');
    const loan = (await t.platform.services.loanRepositories.loans.find({ kind: 'all' }, other))!;
    await t.platform.services.loanRepositories.loans.update(other, { state: 'ACTIVE' }, { $set: { state: 'DEFAULTED', outstanding: { ...(loan.outstanding ?? {}), maxDaysPastDue: 100 } } });
    t.clock.advance(dayMs);
    await relogin(t);
    const run = await t.platform.services.guarantees.recover();
    expect(run.defaultsNoticed).toEqual([guaranteeId]);
    expect((await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['guarantee.officer'])).body.defaultNotice).toMatchObject({ overdueSince: '2026-08-22' });
  });
});
