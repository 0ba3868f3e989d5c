// Demo guarantees: the guarantor's and the provincial re-guarantor's profiles (net assets, the
// small-business/agriculture flag), and guarantees driven through the workflow for the demo loans
// that wait for one.
import { permissionsOf } from '../domain/identity/permissions.js';
import type { Platform } from '../platform.js';
import { systemActor } from './seed-demo.js';

type Caller = Parameters<Platform['services']['guarantees']['request']>[0];

async function as(platform: Platform, username: string): Promise<Caller> {
  const user = await platform.repositories.users.findByUsername(username);
  if (!user) throw new Error(`demo user ${username} missing`);
  return { requestId: 'demo-seed', principal: { userId: user.id, username: user.username, roles: user.roles, permissions: new Set(permissionsOf(user.roles)), ...(user.institutionId ? { institutionId: user.institutionId } : {}) } } as Caller;
}

/** Seeds the profiles and one guarantee per demo loan waiting in GUARANTEE_PENDING (left in COMMITTEE_REVIEW for the demo approver). */
export async function seedGuaranteesDemo(platform: Platform, institutions: Record<string, string>): Promise<number> {
  const { guarantorProfiles, guarantees, loanRepositories } = platform.services;
  // 再担保公司: net assets 2 billion yuan. 新疆绿色融资担保: 300 million yuan, mainly small business and agriculture (15×).
  await guarantorProfiles.put(systemActor, institutions['reguarantor']!, { netAssetsFen: 200_000_000_000, mainlySmallBusinessAgriculture: false, reguarantorId: null, approverLevels: {}, expectedVersion: 0 });
  await guarantorProfiles.put(systemActor, institutions['guarantee']!, {
    netAssetsFen: 30_000_000_000, mainlySmallBusinessAgriculture: true, reguarantorId: institutions['reguarantor']!, approverLevels: { 'guarantee.approver': 'committee' }, expectedVersion: 0,
  });
  const officer = await as(platform, 'guarantee.officer');
  let count = 0;
  for (const loan of await loanRepositories.loans.listInStates(['GUARANTEE_PENDING'])) {
    const bankOfficer = await as(platform, loan.institutionId === institutions['tarimBank'] ? 'bank.officer' : 'bosten.officer');
    const g = await guarantees.request(bankOfficer, { loanId: loan.id, guarantorId: institutions['guarantee']!, amountFen: loan.amountFen, termDays: loan.termMonths * 30, note: '首贷客户，申请政府性融资担保' });
    await guarantees.startDueDiligence(officer, g.id);
    await guarantees.recommend(officer, g.id, { proposedFeeRateBp: 100, findings: '合作社经营稳定，核桃青皮资源化项目符合绿色目录；林权与水权质押充足。', conditions: ['按季报送经营数据'] });
    count++;
  }
  return count;
}
