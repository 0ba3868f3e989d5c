// A realistic demo in Xinjiang: invented institutions, companies and people in real places.
// Everyone logs in with the demo password below (listed in the README).
import type { NewInstitution } from '../db/institutions/institution.repository.js';
import type { NewSubject } from '../db/subjects/subject.repository.js';
import type { Role } from '../domain/identity/permissions.js';

export const demoPassword = 'EcoDemo2026';

export const demoInstitutions = {
  platform: { name: '新疆生态产品价值实现服务平台运营中心', nameEn: 'Xinjiang Ecological Product Value Platform Operations Centre', type: 'platform_operator', region: '乌鲁木齐', code: '12650000MB1A00001X' },
  regulator: { name: '天山金融监管局（演示）', nameEn: 'Tianshan Financial Regulatory Office (demo)', type: 'regulator', region: '乌鲁木齐', code: '11650000MB1A00002R' },
  tarimBank: { name: '塔里木农村商业银行', nameEn: 'Tarim Rural Commercial Bank', type: 'bank', region: '阿克苏', code: '91652900MA7T00003B' },
  bostenBank: { name: '博斯腾湖商业银行', nameEn: 'Bosten Lake Commercial Bank', type: 'bank', region: '巴音郭楞', code: '91652800MA7B00004B' },
  ebinurCredit: { name: '艾比湖农村信用合作联社', nameEn: 'Ebinur Lake Rural Credit Cooperative', type: 'bank', region: '博尔塔拉', code: '93652700MA7E00005C' },
  guarantee: { name: '新疆绿色融资担保有限公司', nameEn: 'Xinjiang Green Financing Guarantee Co.', type: 'guarantee_institution', region: '乌鲁木齐', code: '91650100MA7G00006G' },
  reguarantor: { name: '新疆维吾尔自治区再担保有限公司（演示）', nameEn: 'Xinjiang Provincial Re-guarantee Co. (demo)', type: 'guarantee_institution', region: '乌鲁木齐', code: '91650100MA7Z00008Z' },
  reviewer: { name: '天山绿色评估认证有限公司', nameEn: 'Tianshan Green Assessment & Certification Ltd.', type: 'external_reviewer', region: '乌鲁木齐', code: '91650100MA7R00007V' },
  // Governments (issue 12): the GEP accounting centre, the monitoring station and the parties of the six pilot basins' agreements.
  gepCentre: { name: '新疆维吾尔自治区生态产品价值核算中心（演示）', nameEn: 'Xinjiang GEP Accounting Centre (demo)', type: 'government', region: '乌鲁木齐', code: '12650000MB1E00101G' },
  monitorStation: { name: '阿克苏地区生态环境监测站（演示）', nameEn: 'Aksu Ecological Monitoring Station (demo)', type: 'government', region: '阿克苏', code: '12652900MB1E00102M' },
  aksuGov: { name: '阿克苏地区行政公署（演示）', nameEn: 'Aksu Prefecture Administration (demo)', type: 'government', region: '阿克苏', code: '11652900MB1E00103G' },
  bayingolinGov: { name: '巴音郭楞蒙古自治州人民政府（演示）', nameEn: 'Bayingolin Prefecture Government (demo)', type: 'government', region: '巴音郭楞', code: '11652800MB1E00104G' },
  tachengGov: { name: '塔城地区行政公署（演示）', nameEn: 'Tacheng Prefecture Administration (demo)', type: 'government', region: '塔城', code: '11654200MB1E00105G' },
  karamayGov: { name: '克拉玛依市人民政府（演示）', nameEn: 'Karamay City Government (demo)', type: 'government', region: '克拉玛依', code: '11650200MB1E00106G' },
  hejingGov: { name: '和静县人民政府（演示）', nameEn: 'Hejing County Government (demo)', type: 'government', region: '巴音郭楞', code: '11652827MB1E00107G' },
  korlaGov: { name: '库尔勒市人民政府（演示）', nameEn: 'Korla City Government (demo)', type: 'government', region: '巴音郭楞', code: '11652801MB1E00108G' },
  wenquanGov: { name: '温泉县人民政府（演示）', nameEn: 'Wenquan County Government (demo)', type: 'government', region: '博尔塔拉', code: '11652723MB1E00109G' },
  jingheGov: { name: '精河县人民政府（演示）', nameEn: 'Jinghe County Government (demo)', type: 'government', region: '博尔塔拉', code: '11652722MB1E00110G' },
  kizilsuGov: { name: '克孜勒苏柯尔克孜自治州人民政府（演示）', nameEn: 'Kizilsu Prefecture Government (demo)', type: 'government', region: '克孜勒苏', code: '11653000MB1E00111G' },
  kashgarGov: { name: '喀什地区行政公署（演示）', nameEn: 'Kashgar Prefecture Administration (demo)', type: 'government', region: '喀什', code: '11653100MB1E00112G' },
  hotanGov: { name: '和田地区行政公署（演示）', nameEn: 'Hotan Prefecture Administration (demo)', type: 'government', region: '和田', code: '11653200MB1E00113G' },
  certifier: { name: '新疆品质认证中心（演示）', nameEn: 'Xinjiang Quality Certification Centre (demo)', type: 'certifier', region: '乌鲁木齐', code: '12650000MB1C00009Q' },
  coldChain: { name: '天山冷链物流有限公司', nameEn: 'Tianshan Cold-Chain Logistics Co.', type: 'supply_chain', region: '阿克苏', code: '91652900MA7L00010L' },
  damageOffice: { name: '自治区生态环境损害赔偿办公室（演示）', nameEn: 'Regional Ecological Damage Compensation Office (demo)', type: 'environmental_authority', region: '乌鲁木齐', code: '11650000MB1D00011D' },
} satisfies Record<string, NewInstitution>;

export const demoSubjects = {
  hotanDates: { type: 'enterprise', name: '和田玉枣生态农业有限公司', nameEn: 'Hotan Jade Date Eco-Agriculture Co.', region: '和田', code: '91653200MA7H00011E', industry: 'fruit forestry', basin: 'Hotan River' },
  hamiWind: { type: 'enterprise', name: '哈密风光新能源股份有限公司', nameEn: 'Hami Wind & Solar New Energy Co.', region: '哈密', code: '91652200MA7W00012E', industry: 'wind and solar power' },
  aksuWalnut: { type: 'enterprise', name: '阿克苏核桃林下经济合作社', nameEn: 'Aksu Walnut Under-Forest Cooperative', region: '阿克苏', code: '93652900MA7A00013E', industry: 'walnuts and under-forest economy', basin: 'Tarim River' },
  kashgarCement: { type: 'enterprise', name: '喀什建材协同处置有限公司', nameEn: 'Kashgar Building Materials Co-processing Co.', region: '喀什', code: '91653100MA7K00014E', industry: 'cement co-processing of waste', basin: 'Kashgar River' },
  bostenWetland: { type: 'social_organisation', name: '博斯腾湖湿地保护志愿者协会', nameEn: 'Bosten Lake Wetland Volunteers Association', region: '巴音郭楞', code: '51652800MJ7B00021S', basin: 'Kaidu–Kongque River / Bosten Lake' },
  tarimPoplar: { type: 'social_organisation', name: '塔里木胡杨林保护基金会', nameEn: 'Tarim Populus Euphratica Conservation Foundation', region: '巴音郭楞', code: '53652800MJ7T00022S', basin: 'Tarim River' },
  ayigul: { type: 'individual', name: '阿依古丽·买买提', nameEn: 'Ayigul Mamat', region: '喀什', code: '653101********2846', basin: 'Kashgar River' },
  zhangWei: { type: 'individual', name: '张伟', nameEn: 'Zhang Wei', region: '博尔塔拉', code: '652701********1035', basin: 'Ebinur Lake' },
  erkin: { type: 'individual', name: '艾尔肯·吐尔逊', nameEn: 'Erkin Tursun', region: '塔城', code: '654201********0413', basin: 'Baiyang and Buke rivers' },
} satisfies Record<string, NewSubject>;

type InstitutionKey = keyof typeof demoInstitutions;
type SubjectKey = keyof typeof demoSubjects;

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  institution?: InstitutionKey;
  subject?: SubjectKey;
}

/** One demo user per role (and a second bank, to show tenancy). */
export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '平台管理员 王芳', roles: ['admin'], institution: 'platform' },
  { username: 'verifier', displayName: '核验专员 帕提古丽', roles: ['verifier'], institution: 'platform' },
  { username: 'regulator', displayName: '监管员 李强', roles: ['regulator'], institution: 'regulator' },
  { username: 'bank.officer', displayName: '客户经理 古丽娜尔', roles: ['bank_officer'], institution: 'tarimBank' },
  { username: 'bank.approver', displayName: '审批人 刘建国', roles: ['bank_approver'], institution: 'tarimBank' },
  { username: 'bosten.officer', displayName: '客户经理 马晓军', roles: ['bank_officer'], institution: 'bostenBank' },
  { username: 'bosten.approver', displayName: '审批人 阿不都热合曼', roles: ['bank_approver'], institution: 'bostenBank' },
  { username: 'ebinur.officer', displayName: '信贷员 赵丽', roles: ['bank_officer'], institution: 'ebinurCredit' },
  { username: 'guarantee.officer', displayName: '担保经理 孙海燕', roles: ['guarantee_officer'], institution: 'guarantee' },
  { username: 'guarantee.approver', displayName: '评审委员 热依拉', roles: ['guarantee_approver'], institution: 'guarantee' },
  { username: 'reguarantor.officer', displayName: '再担保经理 古再丽', roles: ['guarantee_officer'], institution: 'reguarantor' },
  { username: 'reviewer', displayName: '评估师 陈静', roles: ['bond_reviewer'], institution: 'reviewer' },
  { username: 'issuer', displayName: '融资总监 周涛', roles: ['bond_issuer'], subject: 'hamiWind' },
  /** The issuer's checker: approves allocations of bond proceeds proposed by `issuer` (maker ≠ checker). */
  { username: 'issuer.checker', displayName: '资金复核 马丽', roles: ['bond_issuer'], subject: 'hamiWind' },
  { username: 'enterprise', displayName: '财务经理 努尔兰', roles: ['enterprise_user'], subject: 'hotanDates' },
  { username: 'walnut.coop', displayName: '合作社理事长 买买提江', roles: ['enterprise_user'], subject: 'aksuWalnut' },
  { username: 'org', displayName: '协会秘书长 吴敏', roles: ['org_user'], subject: 'bostenWetland' },
  { username: 'citizen', displayName: '阿依古丽', roles: ['citizen'], subject: 'ayigul' },
  { username: 'citizen2', displayName: '张伟', roles: ['citizen'], subject: 'zhangWei' },
  { username: 'gov.aksu', displayName: '生态补偿专员 吐尔洪', roles: ['gov_user'], institution: 'aksuGov' },
  { username: 'gov.bayingolin', displayName: '生态补偿专员 巴特尔', roles: ['gov_user'], institution: 'bayingolinGov' },
  { username: 'gep.preparer', displayName: 'GEP 核算员 李娜', roles: ['gep_preparer'], institution: 'gepCentre' },
  { username: 'gep.reviewer', displayName: 'GEP 审核员 阿力木', roles: ['gep_reviewer'], institution: 'gepCentre' },
  { username: 'monitor', displayName: '监测员 古丽米拉', roles: ['monitoring_provider'], institution: 'monitorStation' },
  { username: 'certifier', displayName: '认证审核员 韩雪', roles: ['certifier'], institution: 'certifier' },
  { username: 'coldchain', displayName: '物流调度 艾力', roles: ['custody_operator'], institution: 'coldChain' },
  { username: 'trader', displayName: '交易专员 杨帆', roles: ['trading_participant'], subject: 'kashgarCement' },
  { username: 'damage.officer', displayName: '索赔专员 高峰', roles: ['damage_case_officer'], institution: 'damageOffice' },
  { username: 'damage.reviewer', displayName: '复核专员 米娜', roles: ['damage_case_officer'], institution: 'damageOffice' },
];
