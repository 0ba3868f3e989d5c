// Helpers of the guarantee tests: demo logins, a bank loan driven to GREEN_ASSESSED, a guarantee
// driven through the guarantor's steps, and claim documents uploaded by the bank.
import type { TestPlatform } from '../../../../test-support/test-platform.js';
import { loginAll, submitted, tarim, tokens, waterAsset } from '../../loans/__tests__/loan-fixtures.js';

export { tokens, tarim };

export const ids: Record<string, string> = {};

export async function loginGuarantee(t: TestPlatform): Promise<void> {
  await loginAll(t);
  for (const u of ['guarantee.officer', 'guarantee.approver', 'reguarantor.officer']) tokens[u] = await t.api.login(u);
  const guarantors = (await t.api.get('/api/guarantee-institutions', tokens['bank.officer']!)).body as { id: string; name: string }[];
  ids['guarantor'] = guarantors.find((g) => g.name === '新疆绿色融资担保有限公司')!.id;
  ids['reguarantor'] = guarantors.find((g) => g.name.startsWith('新疆维吾尔自治区再担保'))!.id;
}

export const post = (t: TestPlatform, path: string, body: unknown, user: string, key?: string) =>
  t.api.request('POST', path, { body, token: tokens[user], ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });

/** A Tarim bank loan of 200 000 yuan (20 000 000 fen), reviewed and green-assessed. */
export async function assessedLoan(t: TestPlatform): Promise<string> {
  const assetId = await waterAsset(t);
  const application = await submitted(t, [assetId], [tarim()]);
  const loanId = application.offers[0].id as string;
  for (const [step, body] of [['start-review', {}], ['assess', { taxonomyCode: '1.4-water_saving_irrigation', note: '节水灌溉，符合目录' }]] as const) {
    const res = await t.api.post(`/api/loans/${loanId}/${step}`, body, tokens['bank.officer']);
    if (res.status !== 200) throw new Error(`${step}: ${JSON.stringify(res.body)}`);
  }
  return loanId;
}

export const requestBody = (loanId: string, amountFen = 20_000_000) => ({ loanId, guarantorId: ids['guarantor']!, amountFen, termDays: 730, note: '首贷客户，申请政府性融资担保' });
export const recommendBody = { proposedFeeRateBp: 100, findings: '经营稳定，水权质押充足', conditions: ['按季报送经营数据'] };
export const letterBody = { counterGuarantee: { kind: 'other_security', description: '法定代表人个人连带责任反担保', valueFen: 5_000_000 } };

async function ok(t: TestPlatform, path: string, body: unknown, user: string): Promise<any> {
  const res = await post(t, path, body, user);
  if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Requests a guarantee for a fresh loan and drives it to the given step; returns { loanId, guaranteeId }. */
export async function guaranteeAt(t: TestPlatform, until: 'APPLIED' | 'DUE_DILIGENCE' | 'COMMITTEE_REVIEW' | 'APPROVED' | 'LETTER_ISSUED'): Promise<{ loanId: string; guaranteeId: string }> {
  const loanId = await assessedLoan(t);
  const g = await ok(t, '/api/guarantees', requestBody(loanId), 'bank.officer');
  const steps: [string, unknown, string, string][] = [
    ['start-due-diligence', {}, 'guarantee.officer', 'DUE_DILIGENCE'],
    ['recommend', recommendBody, 'guarantee.officer', 'COMMITTEE_REVIEW'],
    ['approve', { note: '同意' }, 'guarantee.approver', 'APPROVED'],
    ['request-counter-guarantee', { reason: '请提供反担保' }, 'guarantee.officer', 'COUNTER_GUARANTEE_PENDING'],
    ['issue-letter', letterBody, 'guarantee.officer', 'LETTER_ISSUED'],
  ];
  let state = 'APPLIED';
  for (const [step, body, user, to] of steps) {
    if (state === until) break;
    state = (await ok(t, `/api/guarantees/${g.id}/${step}`, body, user)).state;
    if (state !== to) throw new Error(`${step} ended in ${state}`);
  }
  return { loanId, guaranteeId: g.id };
}

/** Drives the loan (its guarantee confirmed) to ACTIVE: recommend, approve, accept, disburse. */
export async function disburse(t: TestPlatform, loanId: string): Promise<void> {
  await ok(t, `/api/loans/${loanId}/recommend`, { amountFen: 20_000_000, annualRateBp: 380, termMonths: 24, conditions: ['按月还款'], notes: '担保已落实' }, 'bank.officer');
  await ok(t, `/api/loans/${loanId}/approve`, { note: '同意' }, 'bank.approver');
  await ok(t, `/api/loans/${loanId}/accept`, {}, 'enterprise');
  await ok(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer');
}

export async function bankDocument(t: TestPlatform, text: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}/api/documents`, {
    method: 'POST', headers: { Authorization: `Bearer ${tokens['bank.officer']}`, 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(`${text}.pdf`) }, body: Buffer.from(text),
  });
  return ((await res.json()) as { id: string }).id;
}

/** Logs everyone in again (after the test clock moved past the tokens' lifetime). */
export async function relogin(t: TestPlatform): Promise<void> {
  for (const u of Object.keys(tokens)) tokens[u] = await t.api.login(u);
}
