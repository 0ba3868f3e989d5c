// Demo green bonds of 哈密风光新能源股份有限公司 in every state the issuer meets: a framework draft,
// one under external review, one reviewed, one registered, the 2026 first tranche issued and
// allocating to Hami wind, Turpan solar, Aksu water-saving irrigation and the Tarim Populus euphratica
// restoration (one allocation still waiting for the checker) with a published 2026 impact report, a
// small fully allocated tranche, a cancelled one and a delabelled one. Seeded after loans.
// 塔里木农村商业银行 issues a green financial bond (绿色金融债) financing two of its own green loans
// (seeded from the loans demo, while both loans are still ACTIVE: one of them falls overdue afterwards).
import { permissionsOf } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { BondView, FrameworkInput, ProjectInput } from '../domain/bonds/bond-service.js';
import type { Platform } from '../platform.js';

type Caller = Actor & { principal: Principal };

const framework = (): FrameworkInput['framework'] => ({
  useOfProceeds: '募集资金100%用于《绿色债券支持项目目录（2021年版）》所列清洁能源、节水灌溉和生态修复项目，不用于化石能源项目。',
  projectEvaluation: '公司绿色金融委员会依据目录、环评批复和可研报告评估筛选项目，外部评估机构复核。',
  managementOfProceeds: '募集资金存放于监管专户，设立台账逐笔记录投放；闲置资金仅投资于国债、政策性金融债和同业存单。',
  reporting: '每年4月30日前披露上一年度募集资金使用和环境效益报告，并经外部评估机构核验。',
  standards: ['china_gbp_2022', 'icma_gbp', 'climate_bonds_standard'],
  lookbackMonths: 36,
  temporaryPlacement: '国债、政策性金融债和同业存单',
});

export const demoBondProjects = (): ProjectInput[] => [
  { name: '哈密烟墩200MW风电项目', taxonomyCode: '3.2-wind_power', prefecture: '哈密', totalInvestmentFen: 150_000_000_000, expectedBenefits: { standard_coal_saved_t: 182_000, co2e_reduced_t: 496_000, so2_reduced_t: 38.5, nox_reduced_t: 41.2 } },
  { name: '吐鲁番高昌100MW光伏项目', taxonomyCode: '3.2-solar_power', prefecture: '吐鲁番', totalInvestmentFen: 60_000_000_000, expectedBenefits: { standard_coal_saved_t: 51_000, co2e_reduced_t: 139_000 } },
  { name: '阿克苏温宿高效节水灌溉项目', taxonomyCode: '1.4-water_saving_irrigation', prefecture: '阿克苏', totalInvestmentFen: 12_000_000_000, expectedBenefits: { water_saved_m3: 18_500_000 } },
  { name: '塔里木河胡杨林生态修复项目', taxonomyCode: '4.2-desertification_control', prefecture: '巴音郭楞', totalInvestmentFen: 8_000_000_000, expectedBenefits: { co2e_reduced_t: 42_000 } },
];

export async function seedBondsDemo(platform: Platform): Promise<void> {
  const { bonds, bondReports, documents } = platform.services;
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
  const issuer = await caller('issuer');
  const checker = await caller('issuer.checker');
  const reviewer = await caller('reviewer');
  const reviewerId = reviewer.principal.institutionId!;

  const draft = (name: string, projects = demoBondProjects()) => bonds.create(issuer, { name, framework: framework(), projects });
  const submit = (b: BondView) => bonds.submitForReview(issuer, b.id, reviewerId);
  // The second-party opinion: a small one-page PDF (built by hand: embedding the Chinese font would
  // make seeding slower), uploaded once per bond (same bytes → same document).
  const opinionPdf = minimalPdf('Second-party opinion: the green bond framework of Hami Wind & Solar is aligned with the China Green Bond Principles (2022) and the ICMA GBP.');
  const review = async (b: BondView) => {
    const document = await documents.upload(reviewer, { bytes: opinionPdf, contentType: 'application/pdf', filename: '第二方意见.pdf' });
    return bonds.review(reviewer, b.id, { type: 'second_party_opinion', opinion: '框架与募投项目符合四大核心要素；建议按季度披露闲置资金安排。', conclusion: 'aligned_with_recommendations', documentId: document.id });
  };
  const register = (b: BondView, amountFen: number, number: string) => bonds.register(issuer, b.id, { amountFen, couponBp: 285, tenorMonths: 60, plannedIssueDate: '2026-06-15', registrationNumber: number });
  const allocate = async (b: BondView, project: number, amountFen: number, expenditureDate: string, approve = true) => {
    const proposed = await bonds.proposeAllocation(issuer, b.id, { projectId: b.projects[project]!.id, amountFen, expenditureDate, note: '按工程进度投放' });
    const allocation = proposed.allocations[proposed.allocations.length - 1]!;
    return approve ? bonds.approveAllocation(checker, b.id, allocation.id) : proposed;
  };

  await draft('哈密风光新能源2027年度第一期绿色中期票据（框架草稿）');
  await submit(await draft('哈密风光新能源2026年度第三期绿色公司债券'));
  await review(await submit(await draft('哈密风光新能源2026年度第二期绿色中期票据')));
  await register(await review(await submit(await draft('哈密风光新能源2026年度第四期绿色公司债券'))), 30_000_000_000, 'MTN2026-HMFG-G04');

  // The first tranche: 1 billion yuan issued 2026-06-15, allocating; the irrigation tranche waits for the checker.
  let main = await register(await review(await submit(await draft('哈密风光新能源2026年度第一期绿色中期票据'))), 100_000_000_000, 'MTN2026-HMFG-G01');
  main = await bonds.issue(issuer, main.id, '2026-06-15');
  main = await allocate(main, 0, 45_000_000_000, '2025-09-30');
  main = await allocate(main, 1, 25_000_000_000, '2026-07-20');
  main = await allocate(main, 3, 5_000_000_000, '2026-08-10');
  main = await allocate(main, 2, 8_000_000_000, '2026-11-20', false);
  const report = await bondReports.draft(issuer, main.id, {
    year: 2026,
    narrative: '截至2026年11月，风电、光伏项目已全容量并网，胡杨林修复完成补植1.2万亩；节水灌溉项目投放待复核。',
    projects: [
      { projectId: main.projects[0]!.id, measures: { standard_coal_saved_t: 91_000, co2e_reduced_t: 248_000, so2_reduced_t: 19.25, nox_reduced_t: 20.6 } },
      { projectId: main.projects[1]!.id, measures: { standard_coal_saved_t: 21_250, co2e_reduced_t: 57_916.5 } },
      { projectId: main.projects[3]!.id, measures: { co2e_reduced_t: 10_500 } },
    ],
  });
  await bondReports.verify(reviewer, report.id, '已核对台账、并网证明和林草部门验收意见，数据一致。');
  await bondReports.publish(issuer, report.id);

  // A small tranche fully allocated to the irrigation project.
  let small = await register(await review(await submit(await draft('哈密风光新能源2026年度节水灌溉专项绿色债券', demoBondProjects().slice(2, 3)))), 5_000_000_000, 'MTN2026-HMFG-W01');
  small = await bonds.issue(issuer, small.id, '2026-09-01');
  await allocate(small, 0, 5_000_000_000, '2026-09-15');

  await bonds.cancel(issuer, (await review(await submit(await draft('哈密风光新能源2026年度第五期绿色中期票据')))).id, '市场利率上行，发行计划取消');

  // Delabelled: the wind project it financed lost its environmental approval.
  let lost = await register(await review(await submit(await draft('哈密风光新能源2025年度绿色短期融资券', demoBondProjects().slice(0, 1)))), 2_000_000_000, 'SCP2025-HMFG-G01');
  lost = await bonds.issue(issuer, lost.id, '2025-12-01');
  lost = await allocate(lost, 0, 1_500_000_000, '2025-12-10');
  await bonds.markProjectIneligible(reviewer, lost.id, lost.projects[0]!.id, '项目环评批复被撤销，不再符合目录要求');

  // Issued on 2026-11-20, nothing allocated yet: the proceeds sit in the temporary placement.
  const fresh = await bonds.register(issuer, (await review(await submit(await draft('哈密风光新能源2026年度第六期绿色中期票据', demoBondProjects().slice(0, 2))))).id, {
    amountFen: 20_000_000_000, couponBp: 262, tenorMonths: 36, plannedIssueDate: '2026-11-20', registrationNumber: 'MTN2026-HMFG-G06',
  });
  await bonds.issue(issuer, fresh.id, '2026-11-20');

  // Matured: a three-year tranche issued 2023-06-01, fully allocated to Turpan solar, its 2025 report published, repaid on 2026-06-01.
  let old = await bonds.register(issuer, (await review(await submit(await draft('哈密风光新能源2023年度绿色中期票据', demoBondProjects().slice(1, 2))))).id, {
    amountFen: 3_000_000_000, couponBp: 315, tenorMonths: 36, plannedIssueDate: '2023-06-01', registrationNumber: 'MTN2023-HMFG-G01',
  });
  old = await bonds.issue(issuer, old.id, '2023-06-01');
  old = await allocate(old, 0, 3_000_000_000, '2023-07-15');
  const oldReport = await bondReports.draft(issuer, old.id, {
    year: 2025, narrative: '高昌光伏项目全年稳定运行，发电量与可研一致。',
    projects: [{ projectId: old.projects[0]!.id, measures: { standard_coal_saved_t: 1_500, co2e_reduced_t: 4_100 } }],
  });
  await bondReports.verify(reviewer, oldReport.id, '已核对台账和发电量数据。');
  await bondReports.publish(issuer, oldReport.id);
  await bonds.mature(issuer, old.id);
}

/** The demo bank's green financial bond: 50 million yuan issued 2026-10-15, two of its green loans linked. */
export async function seedBankBondDemo(platform: Platform): Promise<void> {
  const { bonds, documents } = platform.services;
  const caller = async (username: string): Promise<Caller> => {
    const user = (await platform.repositories.users.findByUsername(username))!;
    return { principal: { userId: user.id, username, roles: user.roles, permissions: new Set(permissionsOf(user.roles)), institutionId: user.institutionId, subjectId: user.subjectId }, requestId: 'demo-seed' };
  };
  const bank = await caller('bank.officer');
  const reviewer = await caller('reviewer');
  let bond = await bonds.create(bank, {
    name: '塔里木农村商业银行2026年绿色金融债券（第一期）',
    framework: {
      useOfProceeds: '募集资金全部用于发放《绿色债券支持项目目录（2021年版）》内的绿色贷款：节水灌溉、林业碳汇和生态农业等涉农绿色项目。',
      projectEvaluation: '绿色金融部按目录逐笔认定贷款用途，授信审批人复核；不符合目录的贷款不得挂钩。',
      managementOfProceeds: '募集资金专户管理，按挂钩贷款逐笔登记台账；贷款收回后资金重新投放于合格绿色贷款。',
      reporting: '每年披露募集资金投放和挂钩贷款的环境效益，经外部评估机构核验。',
      standards: ['china_gbp_2022'],
      lookbackMonths: 24,
      temporaryPlacement: '国债和政策性金融债',
    },
    projects: [],
  });
  bond = await bonds.submitForReview(bank, bond.id, reviewer.principal.institutionId!);
  const document = await documents.upload(reviewer, { bytes: minimalPdf('Second-party opinion: the green financial bond framework of Tarim Rural Commercial Bank is aligned with the China Green Bond Principles (2022).'), contentType: 'application/pdf', filename: '绿色金融债第二方意见.pdf' });
  bond = await bonds.review(reviewer, bond.id, { type: 'second_party_opinion', opinion: '挂钩贷款认定流程清晰，募集资金专户管理。', conclusion: 'aligned', documentId: document.id });
  bond = await bonds.register(bank, bond.id, { amountFen: 5_000_000_000, couponBp: 245, tenorMonths: 36, plannedIssueDate: '2026-10-15', registrationNumber: 'GFB2026-TRCB-01' });
  bond = await bonds.issue(bank, bond.id, '2026-10-15');
  const loans = await bonds.eligibleLoans(bank.principal, bond.id);
  const benefits: Record<string, Record<string, number>> = {
    '核桃林提质增效': { co2e_reduced_t: 320.5 },
    '滴灌首部设备更新': { water_saved_m3: 86_000 },
  };
  for (const loan of loans.filter((l) => benefits[l.purpose])) await bonds.linkLoan(bank, bond.id, { loanId: loan.id, expectedBenefits: benefits[loan.purpose]! });
}

/** A valid one-page PDF showing one line of ASCII text (Helvetica), with a correct cross-reference table. */
export function minimalPdf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 11 Tf 56 780 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
