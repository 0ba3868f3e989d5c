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
];
