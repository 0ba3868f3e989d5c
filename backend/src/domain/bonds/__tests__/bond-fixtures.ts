// Helpers of the bond tests: logins, a framework with four Xinjiang projects, and the steps of the
// bond workflow driven through the API.
import type { TestPlatform } from '../../../../test-support/test-platform.js';

export const tokens: Record<string, string> = {};
export const ids: Record<string, string> = {};

export async function loginAll(t: TestPlatform): Promise<void> {
  for (const u of ['issuer', 'issuer.checker', 'reviewer', 'regulator', 'admin', 'enterprise', 'bank.officer']) tokens[u] = await t.api.login(u);
  const reviewers = await t.api.get('/api/bond-reviewers', tokens['issuer']);
  ids['reviewer'] = reviewers.body[0].id;
}

export const post = (t: TestPlatform, path: string, body: unknown, user: string, key?: string) =>
  t.api.request('POST', path, { body, token: tokens[user], ...(key ? { headers: { 'Idempotency-Key': key } } : {}) });

export const framework = () => ({
  useOfProceeds: '募集资金100%用于《绿色债券支持项目目录（2021年版）》所列清洁能源、节能环保和生态环境项目。',
  projectEvaluation: '由公司绿色金融委员会按目录和项目环评批复评估筛选项目，排除化石能源项目。',
  managementOfProceeds: '募集资金专户管理，设台账逐笔记录投放；闲置资金投资于国债和同业存单。',
  reporting: '每年4月30日前披露募集资金使用和环境效益报告，经外部评估机构核验。',
  standards: ['china_gbp_2022', 'icma_gbp'],
  lookbackMonths: 36,
  temporaryPlacement: '国债、政策性金融债和同业存单',
});

export const projects = () => [
  { name: '哈密烟墩200MW风电项目', taxonomyCode: '3.2-wind_power', prefecture: '哈密', totalInvestmentFen: 150_000_000_000, expectedBenefits: { standard_coal_saved_t: 182_000, co2e_reduced_t: 496_000 } },
  { name: '吐鲁番高昌100MW光伏项目', taxonomyCode: '3.2-solar_power', prefecture: '吐鲁番', totalInvestmentFen: 60_000_000_000, expectedBenefits: { standard_coal_saved_t: 51_000, co2e_reduced_t: 139_000 } },
  { name: '阿克苏温宿高效节水灌溉项目', taxonomyCode: '1.4-water_saving_irrigation', prefecture: '阿克苏', totalInvestmentFen: 12_000_000_000, expectedBenefits: { water_saved_m3: 18_500_000 } },
  { name: '塔里木河胡杨林生态修复项目', taxonomyCode: '4.2-desertification_control', prefecture: '巴音郭楞', totalInvestmentFen: 8_000_000_000, expectedBenefits: { co2e_reduced_t: 42_000 } },
];

export const bondBody = (name = '哈密风光新能源2026年度第一期绿色中期票据') => ({ name, framework: framework(), projects: projects() });

/** 1 billion yuan, 2.85 %, 5 years. */
export const terms = (amountFen = 100_000_000_000) => ({ amountFen, couponBp: 285, tenorMonths: 60, plannedIssueDate: '2026-12-01', registrationNumber: 'MTN2026-HMFG-G01' });

export async function upload(t: TestPlatform, user: string, text: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}/api/documents`, {
    method: 'POST', headers: { Authorization: `Bearer ${tokens[user]}`, 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent('第二方意见.pdf') }, body: Buffer.from(text),
  });
  return ((await res.json()) as { id: string }).id;
}

function ok(res: { status: number; body: any }, step: string): any {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let seq = 0;

export async function drafted(t: TestPlatform, amountName?: string): Promise<any> {
  return ok(await post(t, '/api/bonds', bondBody(amountName), 'issuer'), 'create');
}

/** Drives a new bond to the given state: EXTERNAL_REVIEW_PENDING, REVIEWED, REGISTERED or ISSUED. */
export async function bondIn(t: TestPlatform, state: 'DRAFT_FRAMEWORK' | 'EXTERNAL_REVIEW_PENDING' | 'REVIEWED' | 'REGISTERED' | 'ISSUED', amountFen = 100_000_000_000): Promise<any> {
  let bond = await drafted(t);
  const order = ['DRAFT_FRAMEWORK', 'EXTERNAL_REVIEW_PENDING', 'REVIEWED', 'REGISTERED', 'ISSUED'];
  const target = order.indexOf(state);
  if (target >= 1) bond = ok(await post(t, `/api/bonds/${bond.id}/submit`, { reviewerInstitutionId: ids['reviewer'] }, 'issuer'), 'submit');
  if (target >= 2) {
    const documentId = await upload(t, 'reviewer', `第二方意见 ${++seq}`);
    bond = ok(await post(t, `/api/bonds/${bond.id}/review`, { type: 'second_party_opinion', opinion: '框架符合《中国绿色债券原则》四大核心要素。', conclusion: 'aligned', documentId }, 'reviewer'), 'review');
  }
  if (target >= 3) bond = ok(await post(t, `/api/bonds/${bond.id}/register`, terms(amountFen), 'issuer'), 'register');
  if (target >= 4) bond = ok(await post(t, `/api/bonds/${bond.id}/issue`, { issueDate: '2026-11-20' }, 'issuer'), 'issue');
  return bond;
}

export async function allocated(t: TestPlatform, bondId: string, projectId: string, amountFen: number, expenditureDate = '2026-11-25'): Promise<any> {
  const proposed = ok(await post(t, `/api/bonds/${bondId}/allocations`, { projectId, amountFen, expenditureDate, note: '' }, 'issuer'), 'propose');
  const allocation = proposed.allocations[proposed.allocations.length - 1];
  return ok(await post(t, `/api/bonds/${bondId}/allocations/${allocation.id}/approve`, {}, 'issuer.checker'), 'approve');
}
