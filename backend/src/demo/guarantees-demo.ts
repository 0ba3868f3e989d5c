// Demo guarantees: the guarantor's and the provincial re-guarantor's profiles (net assets, the
// small-business/agriculture flag), and guarantees driven through the workflow for the demo loans
// that wait for one.
import { guaranteeFee, splitByRiskShares } from '@eco/scoring';
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
  count += await seedGuaranteeHistory(platform, institutions);
  // The history above is written directly: the capacity counter is built from the guarantees once they are all there.
  await platform.services.guaranteeCapacity.rebuild(institutions['guarantee']!);
  return count;
}

/**
 * Guarantees of the demo loans that were lent before this area existed, written as their history
 * (the path each took), so every later state can be seen: letter issued, in force, released,
 * compensated and recovering. Amounts, fees and splits are computed with the scoring rules.
 */
async function seedGuaranteeHistory(platform: Platform, institutions: Record<string, string>): Promise<number> {
  const { guaranteeRepositories, loanRepositories, guaranteeRules } = platform.services;
  const rules = await guaranteeRules();
  const shares = { originalGuarantorBp: rules.riskShares.originalGuarantorBp, reguarantorBp: rules.riskShares.reguarantorBp, bankBp: rules.riskShares.bankBp, localGovernmentBp: rules.riskShares.localGovernmentBp };
  const path = ['APPLIED', 'DUE_DILIGENCE', 'COMMITTEE_REVIEW', 'APPROVED', 'COUNTER_GUARANTEE_PENDING', 'LETTER_ISSUED', 'IN_FORCE', 'RELEASED'];
  const claimPath = ['APPLIED', 'DUE_DILIGENCE', 'COMMITTEE_REVIEW', 'APPROVED', 'COUNTER_GUARANTEE_PENDING', 'LETTER_ISSUED', 'IN_FORCE', 'DEFAULT_NOTIFIED', 'CLAIM_SUBMITTED', 'COMPENSATED', 'REGUARANTEE_CLAIMED', 'RECOVERING'];
  const targets: Record<string, string> = { GUARANTEE_CONFIRMED: 'LETTER_ISSUED', ACTIVE: 'IN_FORCE', CLOSED: 'RELEASED', DEFAULTED: 'COMPENSATED', WRITTEN_OFF: 'RECOVERING' };
  const now = platform.clock.now();
  let count = 0;
  for (const loan of await loanRepositories.loans.listInStates(Object.keys(targets))) {
    const target = targets[loan.state]!;
    const amountFen = loan.recommendation?.amountFen ?? loan.amountFen;
    const annualFeeRateBp = 80;
    const feeFen = guaranteeFee(amountFen, annualFeeRateBp, loan.termMonths * 30);
    const steps = (target === 'COMPENSATED' || target === 'RECOVERING' ? claimPath : path);
    const states = steps.slice(0, steps.indexOf(target) + 1);
    const g = await guaranteeRepositories.guarantees.insert({
      institutionId: institutions['guarantee']!, bankId: loan.institutionId, reguarantorId: institutions['reguarantor']!, loanId: loan.id, subjectId: loan.subjectId,
      amountFen, termDays: loan.termMonths * 30, requestNote: '首贷客户，申请政府性融资担保',
      loan: { amountFen, termMonths: loan.termMonths, loanState: loan.state, applicantName: (await platform.repositories.subjects.findByIdUnscoped(loan.subjectId))?.name ?? loan.subjectId, bankName: (await platform.repositories.institutions.findByIdUnscoped(loan.institutionId))?.name ?? loan.institutionId, grade: null, maxLoanFen: null, collateralValueFen: null, assetIds: loan.assetIds, purpose: loan.purpose },
      requestedBy: { userId: 'demo', username: 'bank.officer' }, rulesVersion: rules.version, history: [],
    }, now);
    if (!g) continue;
    const claimFen = Math.floor(amountFen * 0.6);
    const split = splitByRiskShares(claimFen, shares);
    const recovered = target === 'RECOVERING' ? splitByRiskShares(Math.floor(claimFen / 5), shares) : null;
    const set: Record<string, unknown> = {
      state: target, stateSince: now, open: target !== 'RELEASED', ...(target === 'RELEASED' ? { openLoanKey: `${loan.id}#${g.id}` } : {}),
      recommendation: { proposedFeeRateBp: 100, gradeDiscountBp: 20, annualFeeRateBp, feeFen, riskShares: shares, coverageRatioBp: rules.coverageRatioBp, findings: '经营稳定，押品充足', conditions: [], feeCap: { capAnnualRateBp: 100, singleBorrowerFen: amountFen }, capacity: { outstandingLimitFen: 450_000_000_000, outstandingAfterFen: amountFen, obligorLimitFen: 3_000_000_000, obligorAfterFen: amountFen, multiple: 15 }, rulesVersion: rules.version, by: { userId: 'demo', username: 'guarantee.officer' }, at: now },
      decision: { decision: 'approved', note: '同意担保', level: 'approver', by: { userId: 'demo', username: 'guarantee.approver' }, at: now },
      counterGuarantee: { kind: 'other_security', description: '法定代表人个人连带责任反担保', assetIds: [], valueFen: Math.floor(amountFen / 4), recordedBy: 'guarantee.officer', at: now },
      letter: { number: `XJLD-2026-${g.id.slice(-6).toUpperCase()}`, issuedAt: now, feeFen, annualFeeRateBp, startDate: now.toISOString().slice(0, 10), endDate: new Date(now.getTime() + loan.termMonths * 30 * 86_400_000).toISOString().slice(0, 10) },
    };
    if (states.includes('IN_FORCE')) set['inForceAt'] = now;
    if (target === 'RELEASED') set['releasedAt'] = now;
    if (states.includes('DEFAULT_NOTIFIED')) {
      set['defaultNotice'] = { at: now, reason: 'loan defaulted', overdueSince: '2026-07-29', outstandingFen: claimFen };
      set['claim'] = { amountFen: claimFen, documentIds: { overdueProof: 'demo', contract: 'demo', collectionRecord: 'demo' }, claimedAt: now, payBy: '2026-12-29', by: 'bank.officer' };
      set['compensation'] = { amountFen: claimFen, split, paidToBankFen: claimFen - split.bank, at: now, by: 'guarantee.approver', reguaranteeClaimBy: '2027-01-28' };
    }
    if (target === 'RECOVERING') {
      set['reguaranteeClaim'] = { amountFen: split.reguarantor, localGovernmentFen: split.localGovernment, at: now, by: 'guarantee.officer' };
      set['recoveries'] = [{ seq: 1, amountFen: Math.floor(claimFen / 5), split: recovered, note: '处置反担保财产', at: now, by: 'guarantee.officer' }];
      set['recoveredFen'] = Math.floor(claimFen / 5);
    }
    const history = states.slice(1).map((to, i) => ({ action: 'demo', from: states[i]!, to, at: now, by: null, reason: 'demo history' }));
    await guaranteeRepositories.guarantees.update(g.id, {}, { $set: set, $push: { history: { $each: history } } });
    count++;
  }
  return count;
}
