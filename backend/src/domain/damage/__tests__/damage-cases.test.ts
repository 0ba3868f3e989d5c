import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};
let hotan = '';

const post = (path: string, body: unknown, user: string) => t.api.post(path, body, tokens[user]);
function ok(res: { status: number; body: any }, step: string): any {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const summary = async () => (await t.api.get(`/api/points/subjects/${hotan}`, tokens['enterprise'])).body;

const openBody = (caseNumber: string) => ({
  caseNumber, responsibleSubjectId: hotan, site: '和田县拉依喀乡玉枣基地东侧地下水井群', region: '和田', damageType: 'groundwater_over_abstraction',
  description: '超许可量抽取地下水约 42 万立方米，致周边胡杨和红柳植被退化约 35 公顷。', occurredOn: '2026-11-10',
});

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z'), env: { POINTS_DEMO: 'accounts' } });
  for (const u of ['damage.officer', 'damage.reviewer', 'enterprise', 'bank.officer', 'ebinur.officer', 'bosten.officer', 'walnut.coop', 'regulator']) tokens[u] = await t.api.login(u);
  hotan = ok(await t.api.get('/api/damage-subjects', tokens['damage.officer']), 'subjects').find((s: any) => s.name === '和田玉枣生态农业有限公司').id;
});
afterAll(() => t.close());

describe('a damage case from opening to closing', () => {
  test('opening lowers the responsible enterprise’s grade by the rule; paid and restored, the closed case is evidence for credit repair', async () => {
    const before = await summary();
    const opened = await post('/api/damage-cases', openBody('新和环损赔〔2026〕12号'), 'damage.officer');
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ state: 'OPENED', responsibleName: '和田玉枣生态农业有限公司', authorityName: '自治区生态环境损害赔偿办公室（演示）', pointsEvent: { type: 'general_environmental_incident', stored: true } });
    const id = opened.body.id;
    const after = await summary();
    // 88.85 points is blue; the enterprise rule set's general_environmental_incident downgrade takes it one grade down, to yellow, for 365 days.
    expect([before.totalCentipoints, before.grade]).toEqual([8_885, 'blue']);
    expect(after).toMatchObject({ totalCentipoints: 8_885, baseGrade: 'blue', grade: 'yellow' });
    expect(after.downgradesApplied).toMatchObject([{ downgradeId: 'general_environmental_incident', steps: 1, from: '2026-11-10', until: '2027-11-09' }]);

    // Before it is paid and restored the case is no evidence for repair.
    const early = await post(`/api/damage-cases/${id}/credit-repair`, { reason: '已整改' }, 'enterprise');
    expect(early.body.error).toMatchObject({ code: 'DAMAGE_REPAIR_NOT_ELIGIBLE', details: { state: 'OPENED' } });

    ok(await post(`/api/damage-cases/${id}/assess`, { damageFen: 186_000_000, restorationCostFen: 94_500_000, assessor: '新疆环境损害司法鉴定中心（演示）', documentIds: [] }, 'damage.officer'), 'assess');
    const resolved = ok(await post(`/api/damage-cases/${id}/resolve`, {
      kind: 'agreement', reference: '生态环境损害赔偿协议 和环赔协〔2026〕3号', date: '2026-11-25',
      paymentPlan: [{ dueDate: '2026-12-31', amountFen: 140_250_000 }, { dueDate: '2027-06-30', amountFen: 140_250_000 }], documentIds: [],
    }, 'damage.officer'), 'resolve');
    expect(resolved).toMatchObject({ state: 'RESOLVED', totalDueFen: 280_500_000, paidFen: 0, outstandingFen: 280_500_000 });

    // Unpaid: it cannot go to review.
    expect((await post(`/api/damage-cases/${id}/submit`, {}, 'damage.officer')).body.error).toMatchObject({ code: 'DAMAGE_CHECK_FAILED', details: { check: 'fully_paid', outstandingFen: 280_500_000 } });
    ok(await post(`/api/damage-cases/${id}/payments`, { amountFen: 140_250_000, paidOn: '2026-11-28', reference: '国库缴款书 6532-2026-1128-01' }, 'damage.officer'), 'payment 1');
    // A payment above the outstanding amount is refused and writes nothing.
    const digest = await databaseDigest(t.platform);
    expect((await post(`/api/damage-cases/${id}/payments`, { amountFen: 140_250_001, paidOn: '2026-11-29', reference: 'X' }, 'damage.officer')).body.error).toMatchObject({ code: 'DAMAGE_CHECK_FAILED', details: { outstandingFen: 140_250_000 } });
    expect(await databaseDigest(t.platform)).toEqual(digest);
    const paid = ok(await post(`/api/damage-cases/${id}/payments`, { amountFen: 140_250_000, paidOn: '2026-11-29', reference: '国库缴款书 6532-2026-1129-02' }, 'damage.officer'), 'payment 2');
    expect(paid).toMatchObject({ paidFen: 280_500_000, outstandingFen: 0 });
    expect((await post(`/api/damage-cases/${id}/submit`, {}, 'damage.officer')).body.error).toMatchObject({ code: 'DAMAGE_CHECK_FAILED', details: { check: 'restoration_complete', progressPct: 0 } });
    ok(await post(`/api/damage-cases/${id}/restoration`, { progressPct: 60, note: '关停超采井 6 眼，补植胡杨 21 公顷', documentIds: [] }, 'damage.officer'), 'restoration 60');
    ok(await post(`/api/damage-cases/${id}/restoration`, { progressPct: 100, note: '补植完成 35 公顷，成活率 87 %，第三方验收通过', documentIds: [] }, 'damage.officer'), 'restoration 100');
    expect(ok(await post(`/api/damage-cases/${id}/submit`, {}, 'damage.officer'), 'submit')).toMatchObject({ state: 'UNDER_REVIEW' });

    // The officer who opened and submitted it cannot close it.
    expect((await post(`/api/damage-cases/${id}/review`, { decision: 'close', note: '同意结案' }, 'damage.officer')).body.error.code).toBe('DAMAGE_MAKER_CHECKER');
    const closed = ok(await post(`/api/damage-cases/${id}/review`, { decision: 'close', note: '赔偿金全额缴纳，修复经验收合格，同意结案' }, 'damage.reviewer'), 'close');
    expect(closed).toMatchObject({ state: 'CLOSED', creditRepairEvidence: true, review: { decision: 'closed', by: { username: 'damage.reviewer' } } });
    expect(closed.history.map((h: any) => h.to)).toEqual(['OPENED', 'ASSESSED', 'RESOLVED', 'RESOLVED', 'RESOLVED', 'RESOLVED', 'RESOLVED', 'UNDER_REVIEW', 'CLOSED']);

    const repair = await post(`/api/damage-cases/${id}/credit-repair`, { reason: '已全额赔偿并完成修复' }, 'enterprise');
    expect(repair.status).toBe(201);
    expect(repair.body).toMatchObject({ kind: 'credit_repair', state: 'submitted' });
  });
});

describe('the demo cases', () => {
  test('three cases against the Kashgar building-materials company: closed, resolved with one instalment paid, opened', async () => {
    const cases = ok(await t.api.get('/api/damage-cases', tokens['regulator']), 'list').items.filter((c: any) => c.responsibleName === '喀什建材协同处置有限公司');
    expect(cases.map((c: any) => [c.caseNumber, c.state, c.totalDueFen, c.paidFen, c.restoration.progressPct, c.creditRepairEvidence])).toEqual([
      ['喀环损赔〔2026〕11号', 'OPENED', 0, 0, 0, false],
      ['喀环损赔〔2026〕7号', 'RESOLVED', 240_000_000, 80_000_000, 40, false],
      ['喀环损赔〔2025〕2号', 'CLOSED', 68_500_000, 68_500_000, 100, true],
    ]);
  });
});

describe('who sees a case', () => {
  test('the responsible subject and the banks it applied to see a case; other subjects and banks do not', async () => {
    const c = ok(await post('/api/damage-cases', openBody('新和环损赔〔2026〕13号'), 'damage.officer'), 'open');
    const ids = async (user: string) => (await t.api.get('/api/damage-cases', tokens[user])).body.items.map((x: any) => x.id);
    expect(await ids('enterprise')).toContain(c.id);
    expect(await ids('bank.officer')).toContain(c.id);
    expect(await ids('regulator')).toContain(c.id);
    expect(await ids('walnut.coop')).toEqual([]);
    expect((await t.api.get(`/api/damage-cases/${c.id}`, tokens['walnut.coop'])).status).toBe(404);

    // A case against the Kashgar cement company: each bank sees it exactly when the company applied to it.
    const kashgar = ok(await t.api.get('/api/damage-subjects', tokens['damage.officer']), 'subjects').find((s: any) => s.name === '喀什建材协同处置有限公司').id;
    const k = ok(await post('/api/damage-cases', { ...openBody('喀环损赔〔2026〕4号'), responsibleSubjectId: kashgar, region: '喀什', damageType: 'air_pollution' }, 'damage.officer'), 'open');
    const seen: boolean[] = [];
    for (const user of ['bank.officer', 'bosten.officer', 'ebinur.officer']) {
      const me = (await t.api.get('/api/me', tokens[user])).body;
      const institutionId = me.institutionId ?? me.user?.institutionId;
      const applied = await t.platform.services.bankRelationships.subjectAppliedTo(institutionId, kashgar);
      const sees = (await ids(user)).includes(k.id);
      expect([user, sees]).toEqual([user, applied]);
      seen.push(sees);
    }
    expect(seen).toContain(false);
  });
});
