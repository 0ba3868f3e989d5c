// Ecology demo (issue 12): a catalogue for Bayingolin, Aksu, Hotan and Altay with monitoring series
// (one year-on-year drop raises an alert), Bayingolin's GEP published for 2024 and 2025 (2025 names
// the Bosten Lake wetland GEP site of the asset registry), Aksu's 2025 run waiting for review, and
// agreements for all six pilot basins, each with a settled 2024 and an open 2025 period.
import type { CompensationTerms } from '@eco/scoring';
import type { EntryInput } from '../domain/catalogue/catalogue-service.js';
import type { GepRunInput } from '../domain/gep/gep-service.js';
import { permissionsOf, type Role } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';
import { systemActor } from './seed-demo.js';

type Caller = Actor & { principal: Principal };

async function callerOf(platform: Platform, username: string): Promise<Caller> {
  const user = (await platform.repositories.users.findByUsername(username))!;
  return { principal: { userId: user.id, username, roles: user.roles, permissions: new Set(permissionsOf(user.roles)), institutionId: user.institutionId, subjectId: user.subjectId }, requestId: 'demo-seed' };
}

/** A government's officer without a demo login (the basins' other parties confirm through this). */
const officerOf = (institutionId: string, key: string): Caller => ({
  principal: { userId: `demo-${key}`, username: `demo.${key}`, roles: ['gov_user' satisfies Role], permissions: new Set(permissionsOf(['gov_user'])), institutionId },
  requestId: 'demo-seed',
});

const entries: (EntryInput & { series: [string, string][] })[] = [
  { region: '巴音郭楞蒙古自治州', regionLevel: 'prefecture', ecosystem: 'wetland', product: '博斯腾湖湿地水源涵养', category: 'regulating_services', indicator: '水源涵养量', unit: 'm3', department: '自治州林业和草原局', dataSource: '博斯腾湖水文站年报', gepService: 'water_conservation', thresholds: { maxDropShare: '0.1' },
    series: [['2023-12-31', '3150000000'], ['2024-12-31', '3200000000'], ['2025-12-31', '3260000000']] },
  { region: '巴音郭楞蒙古自治州', regionLevel: 'prefecture', ecosystem: 'desert', product: '塔里木河下游胡杨林防风固沙', category: 'regulating_services', indicator: '固沙面积', unit: 'm2', department: '自治州林业和草原局', dataSource: '荒漠化监测年报', gepService: 'sand_fixation', thresholds: { min: '500000000' },
    series: [['2023-12-31', '820000000'], ['2024-12-31', '850000000'], ['2025-12-31', '870000000']] },
  { region: '阿克苏地区', regionLevel: 'prefecture', ecosystem: 'farmland', product: '红枣、核桃', category: 'material_products', indicator: '林果产量', unit: 't', department: '地区农业农村局', dataSource: '统计年鉴', gepService: 'fruit', thresholds: { maxDropShare: '0.15' },
    // 2025: a late frost cut the harvest by 18 % — a year-on-year alert
    series: [['2023-12-31', '1250000'], ['2024-12-31', '1300000'], ['2025-12-31', '1066000']] },
  { region: '阿克苏地区', regionLevel: 'prefecture', ecosystem: 'forest', product: '胡杨林固碳', category: 'regulating_services', indicator: '固碳量', unit: 'tC', department: '地区林业和草原局', dataSource: '森林资源二类调查', gepService: 'carbon_sequestration', thresholds: {},
    series: [['2024-12-31', '410000'], ['2025-12-31', '418500']] },
  { region: '和田地区', regionLevel: 'prefecture', ecosystem: 'desert', product: '梭梭—肉苁蓉防风固沙', category: 'regulating_services', indicator: '固沙面积', unit: 'm2', department: '地区林业和草原局', dataSource: '荒漠化监测年报', gepService: 'sand_fixation', thresholds: { min: '300000000' },
    series: [['2024-12-31', '310000000'], ['2025-12-31', '296000000']] },
  { region: '阿勒泰地区', regionLevel: 'prefecture', ecosystem: 'glacier', product: '冰雪旅游', category: 'cultural_services', indicator: '游客人次', unit: 'person_visit', department: '地区文化体育广电和旅游局', dataSource: '景区门票系统', gepService: 'recreation', thresholds: { maxDropShare: '0.2' },
    series: [['2024-03-31', '2100000'], ['2025-03-31', '2650000']] },
];

const bayingolin = (year: 2024 | 2025): GepRunInput => ({
  region: '巴音郭楞蒙古自治州', year, population: 1_613_000, areaKm2: '471480', gdpFen: year === 2024 ? 160_000_000_000_00 : 168_500_000_000_00,
  quantities: year === 2024
    ? { fruit: '420000', water_supply: '2800000000', water_conservation: '3200000000', soil_retention: '95000000', sand_fixation: '850000000', flood_regulation: '600000000', carbon_sequestration: '1650000', oxygen_release: '4400000', climate_regulation: '18000000000', recreation: '28000000' }
    : { fruit: '436000', water_supply: '2850000000', water_conservation: '3260000000', soil_retention: '96500000', sand_fixation: '870000000', flood_regulation: '610000000', carbon_sequestration: '1690000', oxygen_release: '4500000', climate_regulation: '18400000000', recreation: '31500000' },
  siteCodes: year === 2025 ? ['GEP-652800-BST-01'] : [],
});

const quality = (downstreamFen: number, upstreamFen: number): NonNullable<CompensationTerms['waterQuality']> => ({
  k0: '0.85',
  pollutants: [{ code: 'codmn', baseline: '4', weight: '0.25' }, { code: 'nh3n', baseline: '0.5', weight: '0.25' }, { code: 'tp', baseline: '0.1', weight: '0.25' }, { code: 'tn', baseline: '1', weight: '0.25' }],
  schedule: [{ upToIndex: '0.8', payer: 'downstream', amountFen: downstreamFen }, { upToIndex: '1', payer: 'downstream', amountFen: Math.round(downstreamFen / 2) }, { upToIndex: null, payer: 'upstream', amountFen: upstreamFen }],
});

interface BasinDemo {
  basinCode: string; upstream: string; downstream: string; terms: CompensationTerms;
  periods: Record<'2024' | '2025', { pollutantMeans?: Record<string, string>; deliveredM3?: string; upstreamRegulatingGep?: { previousFen: number; currentFen: number } }>;
}
const clean = { codmn: '3.2', nh3n: '0.42', tp: '0.08', tn: '0.9' };
const worse = { codmn: '4.4', nh3n: '0.55', tp: '0.11', tn: '1.1' };
const basins: BasinDemo[] = [
  { basinCode: 'baiyang_buke', upstream: 'tachengGov', downstream: 'karamayGov', terms: { contributions: { upstreamFen: 30_000_000_00, downstreamFen: 30_000_000_00 }, waterQuality: quality(20_000_000_00, 20_000_000_00) },
    periods: { 2024: { pollutantMeans: clean }, 2025: { pollutantMeans: worse } } },
  { basinCode: 'kaidu_kongque_bosten', upstream: 'hejingGov', downstream: 'korlaGov',
    terms: { contributions: { upstreamFen: 50_000_000_00, downstreamFen: 50_000_000_00 }, waterQuality: quality(30_000_000_00, 30_000_000_00), waterQuantity: { agreedM3: '2400000000', shortfallRateFen: 5, surplusRateFen: 2, maxShortfallFen: 20_000_000_00, maxSurplusFen: 10_000_000_00 }, gepAdjustment: { share: '0.001', maxFen: 5_000_000_00 } },
    periods: { 2024: { pollutantMeans: clean, deliveredM3: '2460000000', upstreamRegulatingGep: { previousFen: 420_000_000_000_00, currentFen: 428_500_000_000_00 } }, 2025: { pollutantMeans: clean, deliveredM3: '2310000000', upstreamRegulatingGep: { previousFen: 428_500_000_000_00, currentFen: 431_000_000_000_00 } } } },
  { basinCode: 'ebinur', upstream: 'wenquanGov', downstream: 'jingheGov', terms: { contributions: { upstreamFen: 10_000_000_00, downstreamFen: 10_000_000_00 }, waterQuantity: { agreedM3: '360000000', shortfallRateFen: 10, surplusRateFen: 5, maxShortfallFen: 8_000_000_00, maxSurplusFen: 4_000_000_00 } },
    periods: { 2024: { deliveredM3: '342000000' }, 2025: { deliveredM3: '371500000' } } },
  { basinCode: 'tarim', upstream: 'aksuGov', downstream: 'bayingolinGov',
    terms: { contributions: { upstreamFen: 100_000_000_00, downstreamFen: 100_000_000_00 }, waterQuality: quality(30_000_000_00, 30_000_000_00), waterQuantity: { agreedM3: '3500000000', shortfallRateFen: 8, surplusRateFen: 4, maxShortfallFen: 60_000_000_00, maxSurplusFen: 30_000_000_00 } },
    periods: { 2024: { pollutantMeans: clean, deliveredM3: '3420000000' }, 2025: { pollutantMeans: worse, deliveredM3: '3625000000' } } },
  { basinCode: 'kashgar', upstream: 'kizilsuGov', downstream: 'kashgarGov', terms: { contributions: { upstreamFen: 20_000_000_00, downstreamFen: 20_000_000_00 }, waterQuality: quality(10_000_000_00, 10_000_000_00), waterQuantity: { agreedM3: '900000000', shortfallRateFen: 6, surplusRateFen: 3, maxShortfallFen: 10_000_000_00, maxSurplusFen: 5_000_000_00 } },
    periods: { 2024: { pollutantMeans: clean, deliveredM3: '905000000' }, 2025: { pollutantMeans: clean, deliveredM3: '880000000' } } },
  { basinCode: 'hotan', upstream: 'hotanGov', downstream: 'aksuGov', terms: { contributions: { upstreamFen: 20_000_000_00, downstreamFen: 20_000_000_00 }, waterQuantity: { agreedM3: '1000000000', shortfallRateFen: 6, surplusRateFen: 3, maxShortfallFen: 12_000_000_00, maxSurplusFen: 6_000_000_00 } },
    periods: { 2024: { deliveredM3: '1040000000' }, 2025: { deliveredM3: '955000000' } } },
];

export async function seedEcologyDemo(platform: Platform, institutions: Record<string, string>): Promise<void> {
  const { catalogue, gep, compensation } = platform.services;
  const preparer = await callerOf(platform, 'gep.preparer');
  const reviewer = await callerOf(platform, 'gep.reviewer');
  const monitor = await callerOf(platform, 'monitor');
  for (const { series, ...entry } of entries) {
    const created = await catalogue.create(preparer, { ...entry, providerInstitutionId: institutions['monitorStation']! });
    const csv = ['date,value,unit,source', ...series.map(([date, value]) => `${date},${value},${entry.unit},${entry.dataSource}`)].join('\n');
    await catalogue.importCsv(monitor, created.id, Buffer.from(csv));
  }
  for (const year of [2024, 2025] as const) {
    const run = await gep.create(preparer, bayingolin(year));
    await gep.review(reviewer, run.id, '数据来源齐全，单价与核算参数版本一致。');
    await gep.publish(reviewer, run.id);
  }
  await gep.create(preparer, { region: '阿克苏地区', year: 2025, population: 2_714_000, areaKm2: '127144', gdpFen: 190_000_000_000_00, quantities: { fruit: '1066000', water_conservation: '1850000000', sand_fixation: '640000000', carbon_sequestration: '418500', recreation: '12600000' }, siteCodes: [] });

  for (const b of basins) {
    const upstreamId = institutions[b.upstream]!;
    const downstreamId = institutions[b.downstream]!;
    const agreement = await compensation.createAgreement(systemActor, {
      basinCode: b.basinCode, upstreamInstitutionId: upstreamId, downstreamInstitutionId: downstreamId, title: `${compensation.basins().find((x) => x.code === b.basinCode)!.nameZh}流域横向生态保护补偿协议（2024—2025年）`,
      periodFrom: '2024-01-01', periodTo: '2025-12-31', terms: b.terms, objectionWindowDays: 30,
    });
    const settled = await compensation.runSettlement(systemActor, agreement.id, { period: '2024', monitoring: b.periods[2024] });
    await compensation.confirm(officerOf(upstreamId, b.upstream), settled.id);
    await compensation.confirm(officerOf(downstreamId, b.downstream), settled.id);
    await compensation.runSettlement(systemActor, agreement.id, { period: '2025', monitoring: b.periods[2025] });
  }
}
