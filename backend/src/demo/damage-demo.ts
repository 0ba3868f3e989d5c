// Demo damage compensation cases against the Kashgar building-materials company, in three states: a
// 2025 dust case paid, restored and CLOSED; a 2026 wastewater case RESOLVED by agreement with the
// first instalment paid and restoration under way; a new case OPENED. Opening each reports the
// incident to the points engine like any partner event.
import { permissionsOf } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';

export async function seedDamageDemo(platform: Platform, ids: { subjects: Record<string, string>; institutions: Record<string, string> }): Promise<void> {
  const institutionId = ids.institutions['damageOffice']!;
  const officer = (username: string): Actor & { principal: Principal } => ({
    principal: { userId: `demo:${username}`, username, roles: ['damage_case_officer'], permissions: new Set(permissionsOf(['damage_case_officer'])), institutionId },
    requestId: 'demo-seed',
  });
  const maker = officer('damage.officer');
  const checker = officer('damage.reviewer');
  const { damage } = platform.services;
  const responsibleSubjectId = ids.subjects['kashgarCement']!;

  const closed = await damage.open(maker, {
    caseNumber: '喀环损赔〔2025〕2号', responsibleSubjectId, site: '疏附县站敏乡石灰石矿区及运输道路', region: '喀什', damageType: 'vegetation_destruction',
    description: '矿区扬尘与违规堆存致周边 12 公顷荒漠植被受损。', occurredOn: '2025-05-18',
  });
  await damage.assess(maker, closed.id, { damageFen: 42_000_000, restorationCostFen: 26_500_000, assessor: '新疆环境损害司法鉴定中心（演示）', documentIds: [] });
  await damage.resolve(maker, closed.id, { kind: 'agreement', reference: '喀环赔协〔2025〕2号', date: '2025-08-20', paymentPlan: [{ dueDate: '2025-12-31', amountFen: 68_500_000 }], documentIds: [] });
  await damage.recordPayment(maker, closed.id, { amountFen: 68_500_000, paidOn: '2025-12-15', reference: '国库缴款书 6531-2025-1215-07' });
  await damage.updateRestoration(maker, closed.id, { progressPct: 100, note: '补植梭梭、红柳 12 公顷，验收成活率 85 %', documentIds: [] });
  await damage.submitForReview(maker, closed.id);
  await damage.review(checker, closed.id, 'close', '赔偿金已缴清，修复经验收合格，同意结案');

  const resolved = await damage.open(maker, {
    caseNumber: '喀环损赔〔2026〕7号', responsibleSubjectId, site: '喀什河下游协同处置厂排口', region: '喀什', damageType: 'water_pollution',
    description: '协同处置渗滤液超标排放，喀什河约 3 公里河段水体与底泥受污染。', occurredOn: '2026-06-03',
  });
  await damage.assess(maker, resolved.id, { damageFen: 153_000_000, restorationCostFen: 87_000_000, assessor: '新疆环境损害司法鉴定中心（演示）', documentIds: [] });
  await damage.resolve(maker, resolved.id, {
    kind: 'agreement', reference: '喀环赔协〔2026〕7号', date: '2026-09-10',
    paymentPlan: [{ dueDate: '2026-10-31', amountFen: 80_000_000 }, { dueDate: '2027-04-30', amountFen: 80_000_000 }, { dueDate: '2027-10-31', amountFen: 80_000_000 }], documentIds: [],
  });
  await damage.recordPayment(maker, resolved.id, { amountFen: 80_000_000, paidOn: '2026-10-28', reference: '国库缴款书 6531-2026-1028-03' });
  await damage.updateRestoration(maker, resolved.id, { progressPct: 40, note: '完成底泥清淤 1.2 公里，生态护岸施工中', documentIds: [] });

  await damage.open(maker, {
    caseNumber: '喀环损赔〔2026〕11号', responsibleSubjectId, site: '伽师县工业园区东侧荒地', region: '喀什', damageType: 'soil_pollution',
    description: '窑灰非法倾倒约 800 吨，土壤重金属超标待鉴定。', occurredOn: '2026-11-12',
  });
}
