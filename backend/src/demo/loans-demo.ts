// Demo loans in every state of the workflow, driven through the loan services as the demo bank staff
// and applicants would: applications to one or several banks, reviews, recommendations, decisions,
// acceptances, disbursements in the past, repayments, the overdue run, default and write-off.
import type { Loan } from '../db/loans/loan.types.js';
import { permissionsOf } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { LoanState } from '../domain/loans/loan-state-machine.js';
import type { Platform } from '../platform.js';

type Caller = Actor & { principal: Principal };

/** One demo application: owner, banks, and how far each bank takes it. */
interface DemoApplication {
  owner: 'enterprise' | 'walnut.coop';
  purpose: string;
  taxonomyCode: string;
  amountYuan: number;
  /** Target per bank (by demo institution key). */
  banks: Partial<Record<'tarimBank' | 'bostenBank' | 'ebinurCredit', LoanState>>;
  /** For lent loans: months since disbursement. */
  disbursedMonthsAgo?: number;
  /** The bank whose offer the applicant accepts (when several approve). */
  accept?: 'tarimBank' | 'bostenBank';
}

export const demoApplications: DemoApplication[] = [
  { owner: 'enterprise', purpose: '红枣园滴灌改造一期', taxonomyCode: '1.4-water_saving_irrigation', amountYuan: 150_000, banks: { tarimBank: 'SUBMITTED', ebinurCredit: 'UNDER_REVIEW', bostenBank: 'INFO_REQUESTED' } },
  { owner: 'walnut.coop', purpose: '核桃林下种植中药材', taxonomyCode: '4.1-under_forest_economy', amountYuan: 100_000, banks: { tarimBank: 'GREEN_ASSESSED', bostenBank: 'GUARANTEE_PENDING' } },
  { owner: 'enterprise', purpose: '枣园节水灌溉二期', taxonomyCode: '1.4-water_saving_irrigation', amountYuan: 160_000, banks: { tarimBank: 'PENDING_APPROVAL', bostenBank: 'GUARANTEE_CONFIRMED' } },
  { owner: 'walnut.coop', purpose: '合作社光伏提水', taxonomyCode: '3.2-solar_power', amountYuan: 110_000, banks: { tarimBank: 'APPROVED', bostenBank: 'REJECTED', ebinurCredit: 'WITHDRAWN' } },
  { owner: 'enterprise', purpose: '枣园生态种植认证', taxonomyCode: '4.1-ecological_agriculture', amountYuan: 140_000, banks: { tarimBank: 'APPROVED', bostenBank: 'APPROVED' }, accept: 'bostenBank' },
  { owner: 'walnut.coop', purpose: '核桃林提质增效', taxonomyCode: '4.1-carbon_sink_forestry', amountYuan: 100_000, banks: { tarimBank: 'ACTIVE' }, disbursedMonthsAgo: 1 },
  { owner: 'enterprise', purpose: '滴灌首部设备更新', taxonomyCode: '1.4-water_saving_irrigation', amountYuan: 100_000, banks: { tarimBank: 'OVERDUE' }, disbursedMonthsAgo: 2 },
  { owner: 'walnut.coop', purpose: '防沙林带补植', taxonomyCode: '4.2-desertification_control', amountYuan: 80_000, banks: { bostenBank: 'DEFAULTED' }, disbursedMonthsAgo: 5 },
  { owner: 'enterprise', purpose: '秸秆饲料化设备', taxonomyCode: '1.5-agricultural_waste_utilisation', amountYuan: 80_000, banks: { tarimBank: 'WRITTEN_OFF' }, disbursedMonthsAgo: 6 },
  { owner: 'walnut.coop', purpose: '核桃青皮资源化利用', taxonomyCode: '1.5-agricultural_waste_utilisation', amountYuan: 50_000, banks: { tarimBank: 'CLOSED' }, disbursedMonthsAgo: 1 },
];

const bankStaff = {
  tarimBank: { officer: 'bank.officer', approver: 'bank.approver' },
  bostenBank: { officer: 'bosten.officer', approver: 'bosten.approver' },
  ebinurCredit: { officer: 'ebinur.officer', approver: 'ebinur.officer' },
} as const;
type BankKey = keyof typeof bankStaff;

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
function monthsAgo(today: Date, months: number): string {
  const day = Math.min(today.getUTCDate(), 28);
  return isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, day)));
}

/** Seeds the demo loans; each application gets its own verified water right on the Tarim River. */
export async function seedLoansDemo(platform: Platform, hooks: { beforeOverdueRun?: () => Promise<void> } = {}): Promise<number> {
  const { loanApplications, loanServicing, assets, documents } = platform.services;
  const callers = new Map<string, Caller>();
  const caller = async (username: string): Promise<Caller> => {
    const cached = callers.get(username);
    if (cached) return cached;
    const user = (await platform.repositories.users.findByUsername(username))!;
    const made: Caller = {
      principal: { userId: user.id, username, roles: user.roles, permissions: new Set(permissionsOf(user.roles)), institutionId: user.institutionId, subjectId: user.subjectId },
      requestId: 'demo-seed',
    };
    callers.set(username, made);
    return made;
  };
  const verifier: Caller = { principal: { userId: 'system', username: 'demo-seed', roles: ['verifier'], permissions: new Set(permissionsOf(['verifier'])) }, requestId: 'demo-seed' };
  const bankIds = {} as Record<BankKey, string>;
  for (const key of Object.keys(bankStaff) as BankKey[]) bankIds[key] = (await caller(bankStaff[key].officer)).principal.institutionId!;
  const today = platform.clock.now();
  const toWriteOff: string[] = [];

  for (const [index, demo] of demoApplications.entries()) {
    const owner = await caller(demo.owner);
    const details = {
      permitNumber: `B652900S2026-D${String(index + 1).padStart(3, '0')}`, basin: '塔里木河', waterSource: 'surface', useType: 'agricultural',
      permittedAnnualVolumeM3: 1_500_000, allocatedAnnualVolumeM3: 1_200_000, validFrom: '2024-01-01', validUntil: '2031-12-31',
    };
    const document = await documents.upload(owner, { bytes: Buffer.from(`%PDF-1.4 演示取水许可证 ${details.permitNumber}`), contentType: 'application/pdf', filename: `取水许可证-${details.permitNumber}.pdf` });
    const asset = await assets.register(owner, { assetType: 'water_right', name: `塔里木河取水权（${demo.purpose}）`, details, documentIds: [document.id] });
    await assets.submit(owner, asset.id);
    await assets.verify(verifier, asset.id, '演示数据：与许可证一致');

    const bankKeys = Object.keys(demo.banks) as BankKey[];
    const draft = await loanApplications.createDraft(owner, {
      amountFen: demo.amountYuan * 100, termMonths: 12, purpose: demo.purpose, taxonomyCode: demo.taxonomyCode, assetIds: [asset.id], bankIds: bankKeys.map((k) => bankIds[k]),
    });
    const submitted = await loanApplications.submit(owner, draft.id);
    for (const key of bankKeys) {
      const loan = submitted.offers.find((l) => l.institutionId === bankIds[key])!;
      await advance(platform, demo, key, loan, await caller(bankStaff[key].officer), await caller(bankStaff[key].approver), owner, today);
      if (demo.banks[key] === 'WRITTEN_OFF') toWriteOff.push(loan.id);
    }
    if (demo.accept) await loanApplications.accept(owner, submitted.offers.find((l) => l.institutionId === bankIds[demo.accept!])!.id);
  }
  // While every lent loan is still ACTIVE (the bank's green financial bond links two of them).
  await hooks.beforeOverdueRun?.();
  await loanServicing.runOverdue(isoDay(today));
  for (const id of toWriteOff) await loanServicing.writeOff(await caller('bank.approver'), id, '处置后仍无法收回，报批核销');
  return demoApplications.length;
}

async function advance(platform: Platform, demo: DemoApplication, key: BankKey, loan: Loan, officer: Caller, approver: Caller, owner: Caller, today: Date): Promise<void> {
  const { loanReview, loanServicing, loanApplications } = platform.services;
  const target = demo.banks[key]!;
  if (target === 'SUBMITTED') return;
  if (target === 'WITHDRAWN') {
    await loanApplications.withdrawFromBank(owner, loan.id, '已选择其他银行');
    return;
  }
  await loanReview.startReview(officer, loan.id);
  if (target === 'UNDER_REVIEW') return;
  if (target === 'INFO_REQUESTED') {
    await loanReview.requestInfo(officer, loan.id, '请补充近三年用水记录及枣园经营流水');
    return;
  }
  await loanReview.assessGreen(officer, loan.id, { taxonomyCode: demo.taxonomyCode, note: '资金用途符合绿色目录' });
  if (target === 'GREEN_ASSESSED') return;
  if (target === 'GUARANTEE_PENDING' || target === 'GUARANTEE_CONFIRMED') {
    await loanReview.requestGuarantee(officer, loan.id, '首贷客户，需政府性融资担保');
    if (target === 'GUARANTEE_CONFIRMED') await loanReview.confirmGuarantee(loan.id, `DEMO-GUARANTEE-${loan.id.slice(-6)}`);
    return;
  }
  const lent = ['ACTIVE', 'OVERDUE', 'DEFAULTED', 'WRITTEN_OFF', 'CLOSED'].includes(target);
  await loanReview.recommend(officer, loan.id, {
    amountFen: demo.amountYuan * 100, annualRateBp: 395, termMonths: 12, conditions: ['按月付息还本', '质押登记后放款'], notes: '经营稳定，押品充足',
  });
  if (target === 'PENDING_APPROVAL') return;
  if (target === 'REJECTED') {
    await loanReview.reject(approver, loan.id, { reasonCodes: ['REPAYMENT_CAPACITY'], applicantMessage: '近期经营现金流不足以覆盖月供，建议降低金额后重新申请', note: '负债率偏高' });
    return;
  }
  await loanReview.approve(approver, loan.id, '同意');
  if (!lent) return;
  await loanApplications.accept(owner, loan.id);
  const disbursementDate = monthsAgo(today, demo.disbursedMonthsAgo ?? 1);
  const active = await loanServicing.disburse(officer, loan.id, { disbursementDate });
  const schedule = active.schedule as { instalments: { dueDate: string; totalFen: number }[] };
  if (target === 'ACTIVE') {
    await loanServicing.recordRepayment(officer, loan.id, { amountFen: schedule.instalments[0]!.totalFen, date: schedule.instalments[0]!.dueDate });
  }
  if (target === 'CLOSED') {
    const outstanding = (await loanServicing.repaymentView(officer, loan.id)).outstanding!;
    await loanServicing.recordRepayment(officer, loan.id, { amountFen: outstanding.principalOutstandingFen + outstanding.interestAccruedFen + outstanding.penaltyFen, date: isoDay(today) });
  }
}
