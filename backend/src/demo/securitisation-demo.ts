// Demo of issue 14: a walnut cooperative's supply contract with a date processor, confirmed by the
// buyer and pledged to a Tarim bank loan; a second order still waiting for the buyer's confirmation;
// and Tarim bank's two pools — one issued (its water-right-backed loan, reviewed by the external
// reviewer) and one structured (the order-backed loan). Driven through the services as the users would.
import { permissionsOf } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';

type Caller = Actor & { principal: Principal };

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const plusDays = (d: Date, days: number): string => isoDay(new Date(d.getTime() + days * 86_400_000));

export async function seedSecuritisationDemo(platform: Platform): Promise<void> {
  const { assets, documents, productOrders, loanApplications, loanReview, loanServicing, securitisation } = platform.services;
  const caller = async (username: string): Promise<Caller> => {
    const user = (await platform.repositories.users.findByUsername(username))!;
    return { principal: { userId: user.id, username, roles: user.roles, permissions: new Set(permissionsOf(user.roles)), institutionId: user.institutionId, subjectId: user.subjectId }, requestId: 'demo-seed' };
  };
  const verifier: Caller = { principal: { userId: 'system', username: 'demo-seed', roles: ['verifier'], permissions: new Set(permissionsOf(['verifier'])) }, requestId: 'demo-seed' };
  const [seller, buyer, officer, approver, reviewer] = await Promise.all(['walnut.coop', 'enterprise', 'bank.officer', 'bank.approver', 'reviewer'].map(caller)) as [Caller, Caller, Caller, Caller, Caller];
  const today = platform.clock.now();

  const registerOrder = async (orderNumber: string, amountYuan: number, paymentInDays: number) => {
    const details = {
      orderNumber, buyerName: '和田红枣食品加工有限公司', buyerSubjectId: buyer.principal.subjectId!, product: '薄皮核桃（干果）', catalogueCode: 'A-01-03',
      quantity: amountYuan / 20, unit: 'kg', amountFen: amountYuan * 100, deliveryDate: plusDays(today, paymentInDays - 60), paymentDate: plusDays(today, paymentInDays),
    };
    const document = await documents.upload(seller, { bytes: Buffer.from(`%PDF-1.4 演示供货合同 ${orderNumber}`), contentType: 'application/pdf', filename: `供货合同-${orderNumber}.pdf` });
    const order = await assets.register(seller, { assetType: 'product_order', name: `薄皮核桃供货合同 ${orderNumber}`, details, documentIds: [document.id] });
    await assets.submit(seller, order.id);
    await assets.verify(verifier, order.id, '演示数据：合同与发票一致');
    return order.id;
  };

  // A confirmed order pledged to an ACTIVE loan (300 000 yuan of walnuts, paid in 240 days; loan 100 000 yuan for 6 months).
  const orderId = await registerOrder('AKS-HT-2026-031', 300_000, 240);
  await productOrders.confirm(buyer, orderId);
  const tarimId = officer.principal.institutionId!;
  const draft = await loanApplications.createDraft(seller, { amountFen: 10_000_000, termMonths: 6, purpose: '核桃收购订单融资', taxonomyCode: '4.1-under_forest_economy', assetIds: [orderId], bankIds: [tarimId] });
  const submitted = await loanApplications.submit(seller, draft.id);
  const loanId = submitted.offers[0]!.id;
  await loanReview.startReview(officer, loanId);
  await loanReview.assessGreen(officer, loanId, { taxonomyCode: '4.1-under_forest_economy', note: '林下经济产品订单，符合绿色目录' });
  await loanReview.recommend(officer, loanId, { amountFen: 10_000_000, annualRateBp: 385, termMonths: 6, conditions: ['订单回款优先归还贷款'], notes: '买方已确认订单' });
  await loanReview.approve(approver, loanId, '同意');
  await loanApplications.accept(seller, loanId);
  await loanServicing.disburse(officer, loanId, { disbursementDate: isoDay(today) });
  // An order the buyer has not confirmed yet (its users see it under 待确认订单).
  await registerOrder('AKS-HT-2026-032', 120_000, 150);

  // Tarim bank's pools: issued (water-right-backed loans) and structured (product-order-backed loans).
  const reviewerInstitutionId = reviewer.principal.institutionId!;
  const build = async (name: string, assetTypes: string[]) => {
    const pool = await securitisation.create(officer, { name, criteria: {} });
    const selected = await securitisation.select(officer, pool.id, { assetTypes });
    const balance = selected.statistics?.balanceFen ?? 0;
    const senior = Math.floor(balance * 0.8);
    const mezzanine = Math.floor(balance * 0.1);
    return securitisation.structure(officer, pool.id, {
      tranches: [
        { name: '优先A', class: 'senior', sizeFen: senior, couponRate: 0.028 },
        { name: '中间B', class: 'mezzanine', sizeFen: mezzanine, couponRate: 0.045 },
        { name: '次级', class: 'subordinated', sizeFen: balance - senior - mezzanine, couponRate: 0 },
      ],
      feeRate: 0.002, reserve: { initialFen: Math.floor(balance * 0.01), targetFen: Math.floor(balance * 0.01) }, reviewerInstitutionId,
    });
  };
  const issued = await build('塔里木绿色水权质押贷款资产支持证券 2026-1', ['water_right']);
  const opinion = await documents.upload(reviewer, { bytes: Buffer.from('%PDF-1.4 演示第二方意见：资产池绿色属性评估'), contentType: 'application/pdf', filename: '第二方意见-资产池.pdf' });
  await securitisation.review(reviewer, issued.id, { type: 'second_party_opinion', opinion: '入池贷款均为节水灌溉与防沙治沙等绿色用途，符合绿色贷款目录。', conclusion: 'aligned', documentId: opinion.id });
  await securitisation.issue(approver, issued.id, isoDay(today));
  await build('塔里木生态产品订单贷款资产支持证券 2026-2', ['product_order']);
}
