export type Role =
  | 'citizen'
  | 'enterprise_user'
  | 'org_user'
  | 'bank_officer'
  | 'bank_approver'
  | 'guarantee_officer'
  | 'guarantee_approver'
  | 'bond_issuer'
  | 'bond_reviewer'
  | 'regulator'
  | 'verifier'
  | 'admin'
  | 'certifier'
  | 'custody_operator'
  | 'trading_participant'
  | 'damage_case_officer';

export const ALL_ROLES: readonly Role[] = [
  'citizen',
  'enterprise_user',
  'org_user',
  'bank_officer',
  'bank_approver',
  'guarantee_officer',
  'guarantee_approver',
  'bond_issuer',
  'bond_reviewer',
  'regulator',
  'verifier',
  'admin',
  'certifier',
  'custody_operator',
  'trading_participant',
  'damage_case_officer',
];

/** Roles that act for a subject (a person, enterprise or social organisation); the rest work for an institution. */
export const SUBJECT_ROLES: readonly Role[] = ['citizen', 'enterprise_user', 'org_user', 'bond_issuer', 'trading_participant'];

/** The institution type whose staff may hold each institution role (mirrors the API's table). */
export const ROLE_INSTITUTION_TYPE: Readonly<Partial<Record<Role, InstitutionType>>> = {
  bank_officer: 'bank',
  bank_approver: 'bank',
  guarantee_officer: 'guarantee_institution',
  guarantee_approver: 'guarantee_institution',
  bond_reviewer: 'external_reviewer',
  regulator: 'regulator',
  verifier: 'platform_operator',
  admin: 'platform_operator',
  certifier: 'certifier',
  custody_operator: 'supply_chain',
  damage_case_officer: 'environmental_authority',
};

/** The subject type each subject role acts for (mirrors the API's table). */
export const ROLE_SUBJECT_TYPE: Readonly<Partial<Record<Role, SubjectType>>> = {
  citizen: 'individual',
  enterprise_user: 'enterprise',
  org_user: 'social_organisation',
  bond_issuer: 'enterprise',
  trading_participant: 'enterprise',
};

/** Permission names as the API grants them. The UI checks these, never role names. */
export type Permission =
  | 'points.own.read'
  | 'loans.apply'
  | 'loans.review'
  | 'loans.approve'
  | 'guarantees.review'
  | 'guarantees.approve'
  | 'bonds.issue'
  | 'bonds.review'
  | 'bonds.allocate.approve'
  | 'securitisation.originate'
  | 'securitisation.issue'
  | 'securitisation.review'
  | 'statistics.read'
  | 'audit.read'
  | 'admin.institutions'
  | 'admin.users'
  | 'jobs.read'
  | 'jobs.run'
  | 'subject.own.update'
  | 'assets.verify'
  | 'indicators.review'
  | 'objections.review'
  | 'tenants.all.read'
  | 'assets.register'
  | 'prices.read'
  | 'prices.manage'
  | 'valuations.request'
  | 'valuation-config.manage'
  | 'alerts.read'
  | 'points.ingest'
  | 'rulesets.manage'
  | 'catalogue.read'
  | 'catalogue.manage'
  | 'monitoring.submit'
  | 'gep.read'
  | 'gep.prepare'
  | 'gep.review'
  | 'compensation.read'
  | 'compensation.manage'
  | 'compensation.confirm'
  | 'certification.certify'
  | 'products.manage'
  | 'custody.record'
  | 'trading.trade'
  | 'trading.consent'
  | 'damage.manage'
  | 'damage.review'
  | 'damage.read';

export type InstitutionType =
  | 'bank'
  | 'guarantee_institution'
  | 'external_reviewer'
  | 'regulator'
  | 'platform_operator'
  | 'data_partner'
  | 'certifier'
  | 'supply_chain'
  | 'environmental_authority';

export type SubjectType = 'individual' | 'enterprise' | 'social_organisation';

export interface InstitutionRef {
  id: string;
  name: string;
  type: InstitutionType | string;
}

export interface SubjectRef {
  id: string;
  name: string;
  type: SubjectType | string;
}

/** `GET /api/me`. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  institution: InstitutionRef | null;
  subject: SubjectRef | null;
}

/** `POST /api/auth/login` and `/api/auth/refresh`. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  /** Access-token lifetime in seconds. */
  expiresIn: number;
  user?: CurrentUser;
}
