// Demo ecological assets in the policy's basins: Tarim River water rights of 和田玉枣 and the Aksu
// walnut cooperative, the cooperative's walnut forest, Populus euphratica forest of the Tarim
// foundation, Hami Wind's CCER and NOx emission right, a Kashgar land right, the Bosten Lake GEP site.
// Some are verified and pledged to 塔里木农村商业银行 with valuations; one CCER loan is over its LTV.
import type { Asset } from '../db/assets/asset.types.js';
import type { AssetRegistration } from '../domain/assets/asset-service.js';
import { permissionsOf, type Role } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';
import type { demoSubjects } from './demo-data.js';

type SubjectKey = keyof typeof demoSubjects;

interface DemoAsset {
  owner: SubjectKey;
  ownerRole: Role;
  registration: AssetRegistration;
  /** How far the demo takes it: draft, submitted, verified, or pledged to 塔里木农村商业银行 with this loan (yuan). */
  stage: 'draft' | 'submitted' | 'verified' | { loanId: string; outstandingYuan: number };
}

export const demoAssets: DemoAsset[] = [
  {
    owner: 'hotanDates', ownerRole: 'enterprise_user', stage: { loanId: 'DEMO-LOAN-HOTAN-WATER', outstandingYuan: 600_000 },
    registration: {
      assetType: 'water_right', name: '和田玉枣基地塔里木河农业取水权',
      details: { permitNumber: 'B653200S2024-0107', basin: '塔里木河', waterSource: 'surface', useType: 'agricultural', permittedAnnualVolumeM3: 3_000_000, allocatedAnnualVolumeM3: 2_400_000, validFrom: '2024-01-01', validUntil: '2030-12-31' },
    },
  },
  {
    owner: 'aksuWalnut', ownerRole: 'enterprise_user', stage: 'verified',
    registration: {
      assetType: 'water_right', name: '阿克苏核桃合作社塔里木河灌溉取水权',
      details: { permitNumber: 'B652900S2023-0342', basin: '塔里木河', waterSource: 'surface', useType: 'agricultural', permittedAnnualVolumeM3: 2_000_000, allocatedAnnualVolumeM3: 1_800_000, validFrom: '2023-05-01', validUntil: '2031-04-30' },
    },
  },
  {
    owner: 'aksuWalnut', ownerRole: 'enterprise_user', stage: { loanId: 'DEMO-LOAN-AKSU-WALNUT', outstandingYuan: 2_800_000 },
    registration: {
      assetType: 'forest_right', name: '温宿县核桃经济林林权',
      details: { certificateNumber: '新(2023)温宿县林权第0158号', location: '阿克苏地区温宿县托乎拉乡', areaHa: 86.7, species: '核桃', origin: 'planted', standAgeYears: 12, rotationAgeYears: 30, stockVolumeM3: 0, forestType: 'economic', rightValidUntil: '2053-06-30', annualNetIncomeFenPerHa: 1_200_000 },
    },
  },
  {
    owner: 'tarimPoplar', ownerRole: 'org_user', stage: 'submitted',
    registration: {
      assetType: 'forest_right', name: '尉犁县塔里木河胡杨林林权',
      details: { certificateNumber: '新(2021)尉犁县林权第0031号', location: '巴音郭楞蒙古自治州尉犁县', areaHa: 5_200, species: '胡杨', origin: 'natural', standAgeYears: 80, rotationAgeYears: 120, stockVolumeM3: 260_000, forestType: 'land', rightValidUntil: '2070-12-31', annualNetIncomeFenPerHa: 22_500 },
    },
  },
  {
    owner: 'hamiWind', ownerRole: 'enterprise_user', stage: { loanId: 'DEMO-LOAN-HAMI-CCER', outstandingYuan: 7_800_000 },
    registration: { assetType: 'carbon', name: '哈密风电场 CCER（2025 年度）', details: { registryAccount: 'CCER-HM-2025-0088', kind: 'CCER', vintage: 2025, quantityTco2e: 180_000, projectName: '哈密东南部 200MW 风电项目' } },
  },
  {
    owner: 'hamiWind', ownerRole: 'enterprise_user', stage: 'verified',
    registration: { assetType: 'emission_right', name: '哈密风光 NOx 排污权', details: { permitNumber: '91652200MA7W00012E001Q', pollutant: 'NOx', region: '哈密', tonnes: 120, validUntil: '2029-12-31' } },
  },
  {
    owner: 'ayigul', ownerRole: 'citizen', stage: 'draft',
    registration: { assetType: 'land_right', name: '疏附县承包地经营权', details: { contractNumber: 'JY6531212022-0415', prefecture: '喀什', location: '喀什地区疏附县站敏乡', areaMu: 35, termStart: '2022-03-01', termEnd: '2037-02-28', landUse: '小麦—玉米轮作' } },
  },
  {
    owner: 'bostenWetland', ownerRole: 'org_user', stage: 'verified',
    registration: {
      assetType: 'gep_site', name: '博斯腾湖湿地 GEP 核算区',
      details: {
        siteCode: 'GEP-652800-BST-01', location: '巴音郭楞蒙古自治州博湖县', areaHa: 98_800, cashFlowBacked: true, contractUntil: '2030-12-31',
        services: [
          { name: '水源涵养', category: 'regulating', quantity: 320_000_000, unit: 'm3', unitPriceFen: 706 },
          { name: '防风固沙', category: 'regulating', quantity: 45_000_000, unit: 'm2', unitPriceFen: 375 },
          { name: '固碳', category: 'regulating', quantity: 150_000, unit: 't', unitPriceFen: 38_000 },
          { name: '芦苇产出', category: 'provisioning', quantity: 200_000, unit: 't', unitPriceFen: 30_000 },
          { name: '休闲旅游', category: 'cultural', quantity: 1_200_000, unit: 'visits', unitPriceFen: 8_000 },
        ],
      },
    },
  },
];

const ownerActor = (role: Role, subjectId: string): Actor & { principal: Principal } => ({
  principal: { userId: 'system', username: 'demo-seed', roles: [role], permissions: new Set(permissionsOf([role])), subjectId },
  requestId: 'demo-seed',
});
const verifierActor: Actor & { principal: Principal } = {
  principal: { userId: 'system', username: 'demo-seed', roles: ['verifier'], permissions: new Set(permissionsOf(['verifier'])) },
  requestId: 'demo-seed',
};

async function registerWithDocument(platform: Platform, demo: DemoAsset, subjectId: string): Promise<Asset> {
  const actor = ownerActor(demo.ownerRole, subjectId);
  const text = `%PDF-1.4 演示权属证明 ${demo.registration.name} ${JSON.stringify(demo.registration.details)}`;
  const document = await platform.services.documents.upload(actor, { bytes: Buffer.from(text), contentType: 'application/pdf', filename: `${demo.registration.name}-权属证明.pdf` });
  return platform.services.assets.register(actor, { ...demo.registration, documentIds: [document.id] });
}

async function advance(platform: Platform, demo: DemoAsset, asset: Asset, subjectId: string, bankId: string): Promise<void> {
  if (demo.stage === 'draft') return;
  await platform.services.assets.submit(ownerActor(demo.ownerRole, subjectId), asset.id);
  if (demo.stage === 'submitted') return;
  await platform.services.assets.verify(verifierActor, asset.id, '演示数据：与权属证明一致');
  if (demo.stage === 'verified') return;
  await platform.services.assetEncumbrance.pledge(asset.id, demo.stage.loanId, bankId, demo.stage.outstandingYuan * 100);
}

/** Registers the demo assets and takes each to its stage; pledged ones get a lending valuation, carbon a first revaluation. */
export async function seedDemoAssets(platform: Platform, ids: { subjects: Record<string, string>; institutions: Record<string, string> }): Promise<void> {
  const bankId = ids.institutions['tarimBank']!;
  const today = platform.clock.now().toISOString().slice(0, 10);
  for (const demo of demoAssets) {
    const subjectId = ids.subjects[demo.owner]!;
    const asset = await registerWithDocument(platform, demo, subjectId);
    await advance(platform, demo, asset, subjectId, bankId);
    if (typeof demo.stage === 'object') {
      const pledged = (await platform.repositories.assets.findById(asset.id))!;
      await platform.services.valuations.value(pledged, {
        purpose: 'lending', institutionId: bankId, requestedBy: { userId: 'system', username: 'demo-seed' }, idempotencyKey: `demo:${asset.id}`, valuationDate: today,
      });
    }
  }
  await platform.services.revaluation.carbonDaily();
}
