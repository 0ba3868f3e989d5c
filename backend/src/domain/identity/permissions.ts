// The one table from roles to permissions. Endpoints check permissions, never role names.
export const roles = [
  'citizen', 'enterprise_user', 'org_user', 'bank_officer', 'bank_approver', 'guarantee_officer',
  'guarantee_approver', 'bond_issuer', 'bond_reviewer', 'regulator', 'verifier', 'admin',
  /** A data partner's API key (never a user): reports events of the types its key allows. */
  'data_partner',
  /** Ecology (GEP and basin compensation): a regional government's user (party to compensation agreements), GEP preparer and reviewer, a monitoring-data provider. */
  'gov_user', 'gep_preparer', 'gep_reviewer', 'monitoring_provider',
  /** Certified products, trading and damage compensation: a certification body's staff, a supply-chain institution recording custody steps, an enterprise's trader, an environmental authority's case officer. */
  'certifier', 'custody_operator', 'trading_participant', 'damage_case_officer',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'points.own.read', 'loans.apply', 'loans.review', 'loans.approve', 'guarantees.review',
  'guarantees.approve', 'bonds.issue', 'bonds.review', 'statistics.read', 'audit.read',
  'admin.institutions', 'admin.users', 'jobs.read', 'jobs.run', 'subject.own.update',
  /** Platform verification: registered assets, submitted indicator data, objections and credit repair. */
  'assets.verify', 'indicators.review', 'objections.review',
  /** Ecological assets: owners register, banks value and watch their collateral, admins keep prices and the valuation configuration. */
  'assets.register', 'prices.read', 'prices.manage', 'valuations.request', 'valuation-config.manage', 'alerts.read',
  /** Read every tenant's records (platform operator and regulator); everyone else sees only their own. */
  'tenants.all.read',
  /** Ecological points: partners report events; admins manage rule-set versions and recomputes. */
  'points.ingest', 'rulesets.manage',
  /** Green bonds: the checker approving an allocation of proceeds (a second issuer user: maker ≠ checker is checked per user). */
  'bonds.allocate.approve',
  /** Securitisation of loan pools: the originating bank builds and reports on pools, its checker issues them, the external reviewer gives the green opinion. */
  'securitisation.originate', 'securitisation.issue', 'securitisation.review',
  /** Ecology: read / keep the product catalogue, import monitoring series, prepare / review-and-publish GEP runs, read / run / confirm basin compensation. */
  'catalogue.read', 'catalogue.manage', 'monitoring.submit', 'gep.read', 'gep.prepare', 'gep.review', 'compensation.read', 'compensation.manage', 'compensation.confirm',
  /** Certified products: certifiers issue certificates; producers register batches; custody steps are signed by the performing institution. */
  'certification.certify', 'products.manage', 'custody.record',
  /** Ecological-rights trading: participants place offers and bids; the pledgee bank consents to selling a pledged or frozen right. */
  'trading.trade', 'trading.consent',
  /** Ecological damage compensation: the authority's officers run cases; a second officer reviews and closes them; damage.read opens the cases page (a responsible party sees its own cases, a bank those of its applicants). */
  'damage.manage', 'damage.review', 'damage.read',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  citizen: ['points.own.read', 'loans.apply', 'subject.own.update', 'assets.register', 'prices.read'],
  enterprise_user: ['points.own.read', 'loans.apply', 'subject.own.update', 'assets.register', 'prices.read', 'products.manage', 'custody.record', 'trading.trade', 'damage.read'],
  org_user: ['points.own.read', 'loans.apply', 'subject.own.update', 'assets.register', 'prices.read', 'damage.read'],
  /** A bank issues its green financial bond (绿色金融债) like an enterprise issuer: the officer drafts, links loans and proposes; the approver checks allocations. */
  bank_officer: ['loans.review', 'securitisation.originate', 'valuations.request', 'alerts.read', 'prices.read', 'bonds.issue', 'damage.read'],
  bank_approver: ['loans.approve', 'securitisation.originate', 'securitisation.issue', 'valuations.request', 'alerts.read', 'prices.read', 'trading.consent', 'bonds.allocate.approve', 'damage.read'],
  guarantee_officer: ['guarantees.review'],
  guarantee_approver: ['guarantees.approve'],
  bond_issuer: ['bonds.issue', 'bonds.allocate.approve', 'subject.own.update'],
  bond_reviewer: ['bonds.review', 'securitisation.review'],
  regulator: ['statistics.read', 'audit.read', 'tenants.all.read', 'catalogue.read', 'gep.read', 'compensation.read'],
  verifier: ['assets.verify', 'indicators.review', 'objections.review', 'tenants.all.read', 'prices.read'],
  admin: ['statistics.read', 'audit.read', 'admin.institutions', 'admin.users', 'jobs.read', 'jobs.run', 'tenants.all.read', 'rulesets.manage', 'prices.read', 'prices.manage', 'valuation-config.manage', 'catalogue.read', 'gep.read', 'compensation.read', 'compensation.manage'],
  data_partner: ['points.ingest'],
  gov_user: ['catalogue.read', 'gep.read', 'compensation.read', 'compensation.confirm'],
  gep_preparer: ['catalogue.read', 'catalogue.manage', 'gep.read', 'gep.prepare'],
  gep_reviewer: ['catalogue.read', 'gep.read', 'gep.review'],
  monitoring_provider: ['catalogue.read', 'monitoring.submit'],
  certifier: ['certification.certify', 'custody.record'],
  custody_operator: ['custody.record'],
  trading_participant: ['trading.trade', 'prices.read'],
  damage_case_officer: ['damage.manage', 'damage.review', 'damage.read'],
};

/** Which kind of tenant a role belongs to: an institution's staff, or a subject acting for itself. */
export const roleTenantKind: Record<Role, 'institution' | 'subject'> = {
  citizen: 'subject', enterprise_user: 'subject', org_user: 'subject', bond_issuer: 'subject',
  bank_officer: 'institution', bank_approver: 'institution', guarantee_officer: 'institution',
  guarantee_approver: 'institution', bond_reviewer: 'institution', regulator: 'institution', verifier: 'institution', admin: 'institution',
  data_partner: 'institution',
  gov_user: 'institution', gep_preparer: 'institution', gep_reviewer: 'institution', monitoring_provider: 'institution',
  certifier: 'institution', custody_operator: 'institution', trading_participant: 'subject', damage_case_officer: 'institution',
};

/** The institution type whose staff may hold each institution role. */
export const roleInstitutionType: Partial<Record<Role, string>> = {
  bank_officer: 'bank', bank_approver: 'bank', guarantee_officer: 'guarantee_institution',
  guarantee_approver: 'guarantee_institution', bond_reviewer: 'external_reviewer', regulator: 'regulator',
  verifier: 'platform_operator', admin: 'platform_operator', data_partner: 'data_partner',
  gov_user: 'government', gep_preparer: 'government', gep_reviewer: 'government', monitoring_provider: 'government',
  certifier: 'certifier', custody_operator: 'supply_chain', damage_case_officer: 'environmental_authority',
};

/** The subject type each subject role acts for. */
export const roleSubjectType: Partial<Record<Role, string>> = {
  citizen: 'individual', enterprise_user: 'enterprise', org_user: 'social_organisation', bond_issuer: 'enterprise', trading_participant: 'enterprise',
};

export function permissionsOf(userRoles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of userRoles) for (const p of rolePermissions[role as Role] ?? []) granted.add(p);
  return permissions.filter((p) => granted.has(p));
}
