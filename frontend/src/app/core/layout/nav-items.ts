import { Permission } from '../auth/auth.models';

export type NavSection = 'overview' | 'oversight' | 'administration';

/** One entry of the side navigation. The nav, the dashboard cards and the route guards all read this. */
export interface NavItem {
  /** Stable key; the link carries `data-testid="nav-<key>"`. */
  key: string;
  route: string;
  /** Name of an icon registered in `core/icons`. */
  icon: string;
  labelKey: string;
  /** One-line description for the dashboard cards. */
  descriptionKey: string;
  /** Permission required to see and open the page; null = every signed-in user. */
  permission: Permission | null;
  section: NavSection;
}

/**
 * THE navigation table. Later features (points, loans, guarantees, bonds, statistics) add their
 * rows here; only pages that exist have a row.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    key: 'home',
    route: '/home',
    icon: 'dashboard',
    labelKey: 'nav.home',
    descriptionKey: 'nav.homeDescription',
    permission: null,
    section: 'overview',
  },
  {
    key: 'points',
    route: '/points',
    icon: 'eco',
    labelKey: 'nav.points',
    descriptionKey: 'nav.pointsDescription',
    permission: 'points.own.read',
    section: 'overview',
  },
  {
    key: 'traceability',
    route: '/traceability',
    icon: 'verified_user',
    labelKey: 'nav.traceability',
    descriptionKey: 'nav.traceabilityDescription',
    permission: 'custody.record',
    section: 'overview',
  },
  {
    key: 'trading',
    route: '/trading',
    icon: 'account_balance',
    labelKey: 'nav.trading',
    descriptionKey: 'nav.tradingDescription',
    permission: 'trading.trade',
    section: 'overview',
  },
  {
    key: 'trading-consents',
    route: '/trading/consents',
    icon: 'check_circle',
    labelKey: 'nav.trading-consents',
    descriptionKey: 'nav.trading-consentsDescription',
    permission: 'trading.consent',
    section: 'overview',
  },
  {
    key: 'damage-cases',
    route: '/damage-cases',
    icon: 'warning',
    labelKey: 'nav.damage-cases',
    descriptionKey: 'nav.damage-casesDescription',
    permission: 'damage.read',
    section: 'overview',
  },
  {
    key: 'pointsReview',
    route: '/points/review',
    icon: 'check_circle',
    labelKey: 'nav.pointsReview',
    descriptionKey: 'nav.pointsReviewDescription',
    permission: 'objections.review',
    section: 'oversight',
  },
  {
    key: 'assets',
    route: '/assets',
    icon: 'eco',
    labelKey: 'nav.assets',
    descriptionKey: 'nav.assetsDescription',
    permission: 'assets.register',
    section: 'overview',
  },
  {
    key: 'collateral',
    route: '/assets/collateral',
    icon: 'account_balance',
    labelKey: 'nav.collateral',
    descriptionKey: 'nav.collateralDescription',
    permission: 'alerts.read',
    section: 'overview',
  },
  {
    key: 'prices',
    route: '/prices',
    icon: 'dashboard',
    labelKey: 'nav.prices',
    descriptionKey: 'nav.pricesDescription',
    permission: 'prices.read',
    section: 'overview',
  },
  {
    key: 'loans',
    route: '/loans',
    icon: 'account_balance',
    labelKey: 'nav.loans',
    descriptionKey: 'nav.loansDescription',
    permission: 'loans.apply',
    section: 'overview',
  },
  {
    key: 'loan-queue',
    route: '/loans/queue',
    icon: 'dns',
    labelKey: 'nav.loan-queue',
    descriptionKey: 'nav.loan-queueDescription',
    permission: 'loans.review',
    section: 'overview',
  },
  {
    key: 'loan-approvals',
    route: '/loans/approvals',
    icon: 'check_circle',
    labelKey: 'nav.loan-approvals',
    descriptionKey: 'nav.loan-approvalsDescription',
    permission: 'loans.approve',
    section: 'overview',
  },
  {
    key: 'guarantee-requests',
    route: '/guarantees/requests',
    icon: 'verified_user',
    labelKey: 'nav.guarantee-requests',
    descriptionKey: 'nav.guarantee-requestsDescription',
    permission: 'loans.review',
    section: 'overview',
  },
  {
    key: 'guarantee-queue',
    route: '/guarantees/queue',
    icon: 'verified_user',
    labelKey: 'nav.guarantee-queue',
    descriptionKey: 'nav.guarantee-queueDescription',
    permission: 'guarantees.review',
    section: 'overview',
  },
  {
    key: 'guarantee-committee',
    route: '/guarantees/committee',
    icon: 'check_circle',
    labelKey: 'nav.guarantee-committee',
    descriptionKey: 'nav.guarantee-committeeDescription',
    permission: 'guarantees.approve',
    section: 'overview',
  },
  {
    key: 'guarantee-claims',
    route: '/guarantees/claims',
    icon: 'account_balance',
    labelKey: 'nav.guarantee-claims',
    descriptionKey: 'nav.guarantee-claimsDescription',
    permission: 'guarantees.review',
    section: 'overview',
  },
  {
    key: 'guarantee-portfolio',
    route: '/guarantees/portfolio',
    icon: 'dashboard',
    labelKey: 'nav.guarantee-portfolio',
    descriptionKey: 'nav.guarantee-portfolioDescription',
    permission: 'guarantees.review',
    section: 'overview',
  },
  {
    key: 'bonds',
    route: '/bonds',
    icon: 'account_balance',
    labelKey: 'nav.bonds',
    descriptionKey: 'nav.bondsDescription',
    permission: 'bonds.issue',
    section: 'overview',
  },
  {
    key: 'bond-allocations',
    route: '/bonds/allocations',
    icon: 'check_circle',
    labelKey: 'nav.bond-allocations',
    descriptionKey: 'nav.bond-allocationsDescription',
    permission: 'bonds.allocate.approve',
    section: 'overview',
  },
  {
    key: 'bond-reviews',
    route: '/bonds/reviews',
    icon: 'verified_user',
    labelKey: 'nav.bond-reviews',
    descriptionKey: 'nav.bond-reviewsDescription',
    permission: 'bonds.review',
    section: 'oversight',
  },
  {
    key: 'securitisation',
    route: '/securitisation',
    icon: 'account_balance',
    labelKey: 'nav.securitisation',
    descriptionKey: 'nav.securitisationDescription',
    permission: 'securitisation.originate',
    section: 'overview',
  },
  {
    key: 'securitisation-reviews',
    route: '/securitisation/reviews',
    icon: 'verified_user',
    labelKey: 'nav.securitisation-reviews',
    descriptionKey: 'nav.securitisation-reviewsDescription',
    permission: 'securitisation.review',
    section: 'oversight',
  },
  {
    key: 'product-orders',
    route: '/product-orders',
    icon: 'check_circle',
    labelKey: 'nav.product-orders',
    descriptionKey: 'nav.product-ordersDescription',
    permission: 'assets.register',
    section: 'overview',
  },
  {
    key: 'statistics',
    route: '/statistics',
    icon: 'dashboard',
    labelKey: 'nav.statistics',
    descriptionKey: 'nav.statisticsDescription',
    permission: 'statistics.read',
    section: 'oversight',
  },
  {
    key: 'gepRuns',
    route: '/gep',
    icon: 'eco',
    labelKey: 'nav.gepRuns',
    descriptionKey: 'nav.gepRunsDescription',
    permission: 'gep.read',
    section: 'overview',
  },
  {
    key: 'catalogue',
    route: '/eco-catalogue',
    icon: 'eco',
    labelKey: 'nav.catalogue',
    descriptionKey: 'nav.catalogueDescription',
    permission: 'catalogue.read',
    section: 'overview',
  },
  {
    key: 'compensation',
    route: '/compensation',
    icon: 'account_balance',
    labelKey: 'nav.compensation',
    descriptionKey: 'nav.compensationDescription',
    permission: 'compensation.read',
    section: 'overview',
  },
  {
    key: 'assetVerification',
    route: '/assets/verification',
    icon: 'verified_user',
    labelKey: 'nav.assetVerification',
    descriptionKey: 'nav.assetVerificationDescription',
    permission: 'assets.verify',
    section: 'oversight',
  },
  {
    key: 'audit',
    route: '/audit',
    icon: 'verified_user',
    labelKey: 'nav.audit',
    descriptionKey: 'nav.auditDescription',
    permission: 'audit.read',
    section: 'oversight',
  },
  {
    key: 'institutions',
    route: '/admin/institutions',
    icon: 'account_balance',
    labelKey: 'nav.institutions',
    descriptionKey: 'nav.institutionsDescription',
    permission: 'admin.institutions',
    section: 'administration',
  },
  {
    key: 'approval-limits',
    route: '/admin/approval-limits',
    icon: 'verified_user',
    labelKey: 'nav.approval-limits',
    descriptionKey: 'nav.approval-limitsDescription',
    permission: 'admin.institutions',
    section: 'administration',
  },
  {
    key: 'users',
    route: '/admin/users',
    icon: 'group',
    labelKey: 'nav.users',
    descriptionKey: 'nav.usersDescription',
    permission: 'admin.users',
    section: 'administration',
  },
  {
    key: 'jobs',
    route: '/jobs',
    icon: 'schedule',
    labelKey: 'nav.jobs',
    descriptionKey: 'nav.jobsDescription',
    permission: 'jobs.read',
    section: 'administration',
  },
  {
    key: 'ruleSets',
    route: '/admin/rule-sets',
    icon: 'dns',
    labelKey: 'nav.ruleSets',
    descriptionKey: 'nav.ruleSetsDescription',
    permission: 'rulesets.manage',
    section: 'administration',
  },
];

export const NAV_SECTIONS: readonly NavSection[] = ['overview', 'oversight', 'administration'];

/** The entries a holder of `permissions` may see, in table order. */
export function visibleNavItems(
  permissions: ReadonlySet<string>,
  items: readonly NavItem[] = NAV_ITEMS,
): NavItem[] {
  return items.filter((item) => item.permission === null || permissions.has(item.permission));
}

/** Visible entries grouped by section, empty sections dropped. */
export function groupNavItems(
  items: readonly NavItem[],
): { section: NavSection; items: NavItem[] }[] {
  return NAV_SECTIONS.map((section) => ({
    section,
    items: items.filter((i) => i.section === section),
  })).filter((group) => group.items.length > 0);
}

/** The permission a page's route requires, read from the nav table (one source of truth). */
export function navPermission(key: string): Permission | null {
  const item = NAV_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`Unknown nav key: ${key}`);
  return item.permission;
}
