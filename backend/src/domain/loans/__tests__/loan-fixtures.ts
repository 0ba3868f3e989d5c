// Helpers of the loan tests: verified water rights with a price, applications, and the steps of
// the bank's review driven through the API.
import type { TestPlatform } from '../../../../test-support/test-platform.js';

/** A water right on the Hotan River: 1.2 million m³ a year, valid until 2031-06-30. */
export const waterRight = (permitNumber: string) => ({
  assetType: 'water_right',
  name: '和田河墨玉段农业取水权',
  details: {
    permitNumber, basin: '和田河', waterSource: 'surface', useType: 'agricultural',
    permittedAnnualVolumeM3: 1_500_000, allocatedAnnualVolumeM3: 1_200_000, validFrom: '2024-07-01', validUntil: '2031-06-30',
  },
});

export async function upload(t: TestPlatform, token: string, text: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}/api/documents`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent('许可证.pdf') }, body: Buffer.from(text),
  });
  return ((await res.json()) as { id: string }).id;
}

/** Registers, submits and verifies an asset through the API; returns its id. */
export async function verifiedAsset(t: TestPlatform, owner: string, body: object, documentText: string): Promise<string> {
  const documentId = await upload(t, tokens[owner]!, documentText);
  const created = await t.api.post('/api/assets', { ...body, documentIds: [documentId] }, tokens[owner]);
  if (created.status !== 201) throw new Error(`register failed: ${JSON.stringify(created.body)}`);
  await t.api.post(`/api/assets/${created.body.id}/submit`, undefined, tokens[owner]);
  const verified = await t.api.post(`/api/assets/${created.body.id}/verify`, {}, tokens['verifier']);
  if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  return created.body.id as string;
}

export const tokens: Record<string, string> = {};
export const banks: Record<string, string> = {};
let permitSeq = 0;

export async function loginAll(t: TestPlatform): Promise<void> {
  for (const u of ['enterprise', 'walnut.coop', 'citizen', 'verifier', 'admin', 'bank.officer', 'bank.approver', 'bosten.officer', 'bosten.approver', 'ebinur.officer', 'regulator']) {
    tokens[u] = await t.api.login(u);
  }
  const price = await t.api.post('/api/prices', { reference: 'water_lease:和田河', date: '2026-11-01', priceFen: 15, unit: 'yuan/m3', source: '和田河流域水权交易' }, tokens['admin']);
  if (price.status !== 201) throw new Error(`price: ${JSON.stringify(price.body)}`);
  for (const bank of (await t.api.get('/api/loan-banks', tokens['enterprise'])).body) banks[bank.name] = bank.id;
}

export const tarim = () => banks['塔里木农村商业银行']!;
export const bosten = () => banks['博斯腾湖商业银行']!;

/** A verified water right of the owner (1.2 million m³ a year until 2031-06-30). */
export async function waterAsset(t: TestPlatform, owner = 'enterprise'): Promise<string> {
  permitSeq++;
  return verifiedAsset(t, owner, waterRight(`B653200S2026-L${String(permitSeq).padStart(3, '0')}`), `取水许可证 ${owner} ${permitSeq}`);
}

export const applicationBody = (assetIds: string[], bankIds: string[], amountFen = 20_000_000) => ({
  amountFen, termMonths: 24, purpose: '滴灌改造：红枣园高效节水灌溉', taxonomyCode: '1.4-water_saving_irrigation',
  repaymentMethod: 'equal_instalment', frequency: 'monthly', assetIds, bankIds, documentIds: [],
});

/** Saves and submits an application; returns it with each bank's loan. */
export async function submitted(t: TestPlatform, assetIds: string[], bankIds: string[], owner = 'enterprise', amountFen = 20_000_000): Promise<any> {
  const draft = await t.api.post('/api/loan-applications', applicationBody(assetIds, bankIds, amountFen), tokens[owner]);
  if (draft.status !== 201) throw new Error(`draft: ${JSON.stringify(draft.body)}`);
  const res = await t.api.post(`/api/loan-applications/${draft.body.id}/submit`, {}, tokens[owner]);
  if (res.status !== 200) throw new Error(`submit: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const recommendation = (amountFen = 20_000_000) => ({ amountFen, annualRateBp: 380, termMonths: 24, conditions: ['按月还款'], notes: '经营稳定' });

/** Drives one bank's loan from SUBMITTED to PENDING_APPROVAL. */
export async function toPendingApproval(t: TestPlatform, loanId: string, officer: string, amountFen = 20_000_000): Promise<void> {
  const steps: [string, unknown][] = [
    ['start-review', {}],
    ['assess', { taxonomyCode: '1.4-water_saving_irrigation', note: '节水灌溉，符合目录' }],
    ['recommend', recommendation(amountFen)],
  ];
  for (const [step, body] of steps) {
    const res = await t.api.post(`/api/loans/${loanId}/${step}`, body, tokens[officer]);
    if (res.status !== 200) throw new Error(`${step}: ${JSON.stringify(res.body)}`);
  }
}

/** Drives one bank's loan to ACCEPTED. */
export async function toAccepted(t: TestPlatform, loanId: string, officer: string, approver: string, owner = 'enterprise'): Promise<void> {
  await toPendingApproval(t, loanId, officer);
  const approved = await t.api.post(`/api/loans/${loanId}/approve`, { note: '同意' }, tokens[approver]);
  if (approved.status !== 200) throw new Error(`approve: ${JSON.stringify(approved.body)}`);
  const accepted = await t.api.post(`/api/loans/${loanId}/accept`, {}, tokens[owner]);
  if (accepted.status !== 200) throw new Error(`accept: ${JSON.stringify(accepted.body)}`);
}

export const post = (t: TestPlatform, path: string, body: unknown, user: string, key?: string) =>
  t.api.request('POST', path, { body, token: tokens[user], ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });
