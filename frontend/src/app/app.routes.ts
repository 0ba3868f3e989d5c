import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { authGuard, guestGuard, permissionGuard } from './core/auth/auth.guards';
import { navPermission } from './core/layout/nav-items';

/** Every page is lazy; page permissions come from the nav table. */
export const routes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/auth/login/login.page').then((m) => m.LoginPage),
    title: 'titles.login',
  },
  {
    // Public (no login): published GEP results.
    path: 'public/gep',
    providers: [provideTranslocoScope('ecology')],
    loadComponent: () => import('./features/ecology/public-gep.page').then((m) => m.PublicGepPage),
    title: 'nav.publicGep',
  },
  {
    // Public (no login): certified product lookup, the page a label's QR code opens.
    path: 'trace',
    providers: [provideTranslocoScope('traceability')],
    loadComponent: () => import('./features/traceability/public-trace.page').then((m) => m.PublicTracePage),
    title: 'nav.publicTrace',
  },
  {
    path: 'trace/:code',
    providers: [provideTranslocoScope('traceability')],
    loadComponent: () => import('./features/traceability/public-trace.page').then((m) => m.PublicTracePage),
    title: 'nav.publicTrace',
  },
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    loadComponent: () => import('./core/layout/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'home' },
      {
        path: 'home',
        loadComponent: () => import('./features/home/home.page').then((m) => m.HomePage),
        title: 'titles.home',
      },
      {
        path: 'admin/institutions',
        canActivate: [permissionGuard(navPermission('institutions'))],
        loadComponent: () =>
          import('./features/admin/institutions/institutions.page').then((m) => m.InstitutionsPage),
        title: 'titles.institutions',
      },
      {
        path: 'admin/approval-limits',
        canActivate: [permissionGuard(navPermission('approval-limits'))],
        providers: [provideTranslocoScope('loans')],
        loadComponent: () =>
          import('./features/admin/approval-limits/approval-limits.page').then((m) => m.ApprovalLimitsPage),
        title: 'nav.approval-limits',
      },
      {
        path: 'admin/users',
        canActivate: [permissionGuard(navPermission('users'))],
        loadComponent: () => import('./features/admin/users/users.page').then((m) => m.UsersPage),
        title: 'titles.users',
      },
      {
        path: 'audit',
        canActivate: [permissionGuard(navPermission('audit'))],
        loadComponent: () => import('./features/audit/audit.page').then((m) => m.AuditPage),
        title: 'titles.audit',
      },
      {
        path: 'jobs',
        canActivate: [permissionGuard(navPermission('jobs'))],
        loadComponent: () => import('./features/jobs/jobs.page').then((m) => m.JobsPage),
        title: 'titles.jobs',
      },
      {
        path: 'trading',
        canActivate: [permissionGuard(navPermission('trading'))],
        providers: [provideTranslocoScope('trading')],
        loadComponent: () => import('./features/trading/trading.page').then((m) => m.TradingPage),
        title: 'nav.trading',
      },
      {
        path: 'trading/consents',
        canActivate: [permissionGuard(navPermission('trading-consents'))],
        providers: [provideTranslocoScope('trading')],
        loadComponent: () => import('./features/trading/trading-consents.page').then((m) => m.TradingConsentsPage),
        title: 'nav.trading-consents',
      },
      {
        path: 'damage-cases',
        canActivate: [permissionGuard(navPermission('damage-cases'))],
        providers: [provideTranslocoScope('damage')],
        loadComponent: () => import('./features/damage-cases/damage-cases.page').then((m) => m.DamageCasesPage),
        title: 'nav.damage-cases',
      },
      {
        path: 'traceability',
        canActivate: [permissionGuard(navPermission('traceability'))],
        providers: [provideTranslocoScope('traceability')],
        loadComponent: () => import('./features/traceability/traceability.page').then((m) => m.TraceabilityPage),
        title: 'nav.traceability',
      },
      {
        path: 'points',
        canActivate: [permissionGuard(navPermission('points'))],
        providers: [provideTranslocoScope('points')],
        loadComponent: () => import('./features/points/my-points.page').then((m) => m.MyPointsPage),
        title: 'nav.points',
      },
      {
        path: 'points/review',
        canActivate: [permissionGuard(navPermission('pointsReview'))],
        providers: [provideTranslocoScope('points')],
        loadComponent: () =>
          import('./features/points/points-review.page').then((m) => m.PointsReviewPage),
        title: 'nav.pointsReview',
      },
      {
        path: 'admin/rule-sets',
        canActivate: [permissionGuard(navPermission('ruleSets'))],
        providers: [provideTranslocoScope('points')],
        loadComponent: () =>
          import('./features/admin/rule-sets/rule-sets.page').then((m) => m.RuleSetsPage),
        title: 'nav.ruleSets',
      },
      {
        path: 'assets',
        canActivate: [permissionGuard(navPermission('assets'))],
        providers: [provideTranslocoScope('assets')],
        loadComponent: () => import('./features/assets/my-assets.page').then((m) => m.MyAssetsPage),
        title: 'nav.assets',
      },
      {
        path: 'assets/new',
        canActivate: [permissionGuard(navPermission('assets'))],
        providers: [provideTranslocoScope('assets')],
        loadComponent: () =>
          import('./features/assets/asset-register.page').then((m) => m.AssetRegisterPage),
        title: 'nav.assets',
      },
      {
        path: 'assets/verification',
        canActivate: [permissionGuard(navPermission('assetVerification'))],
        providers: [provideTranslocoScope('assets')],
        loadComponent: () =>
          import('./features/assets/verification.page').then((m) => m.VerificationPage),
        title: 'nav.assetVerification',
      },
      {
        path: 'assets/collateral',
        canActivate: [permissionGuard(navPermission('collateral'))],
        providers: [provideTranslocoScope('assets')],
        loadComponent: () =>
          import('./features/valuations/collateral.page').then((m) => m.CollateralPage),
        title: 'nav.collateral',
      },
      {
        path: 'assets/:id',
        providers: [provideTranslocoScope('assets')],
        loadComponent: () =>
          import('./features/assets/asset-detail.page').then((m) => m.AssetDetailPage),
        title: 'nav.assets',
      },
      {
        path: 'valuations/:id',
        providers: [provideTranslocoScope('assets')],
        loadComponent: () =>
          import('./features/valuations/valuation.page').then((m) => m.ValuationPage),
        title: 'nav.assets',
      },
      {
        path: 'prices',
        canActivate: [permissionGuard(navPermission('prices'))],
        providers: [provideTranslocoScope('assets')],
        loadComponent: () => import('./features/prices/prices.page').then((m) => m.PricesPage),
        title: 'nav.prices',
      },
      {
        path: 'guarantees/requests',
        canActivate: [permissionGuard(navPermission('guarantee-requests'))],
        providers: [provideTranslocoScope('guarantees')],
        loadComponent: () => import('./features/guarantees/guarantee-list.page').then((m) => m.GuaranteeListPage),
        data: { view: 'requests' },
        title: 'nav.guarantee-requests',
      },
      {
        path: 'guarantees/request',
        canActivate: [permissionGuard(navPermission('guarantee-requests'))],
        providers: [provideTranslocoScope('guarantees')],
        loadComponent: () => import('./features/guarantees/guarantee-request.page').then((m) => m.GuaranteeRequestPage),
        title: 'nav.guarantee-requests',
      },
      {
        path: 'guarantees/queue',
        canActivate: [permissionGuard(navPermission('guarantee-queue'))],
        providers: [provideTranslocoScope('guarantees')],
        loadComponent: () => import('./features/guarantees/guarantee-list.page').then((m) => m.GuaranteeListPage),
        data: { view: 'queue' },
        title: 'nav.guarantee-queue',
      },
      {
        path: 'guarantees/committee',
        canActivate: [permissionGuard(navPermission('guarantee-committee'))],
        providers: [provideTranslocoScope('guarantees')],
        loadComponent: () => import('./features/guarantees/guarantee-list.page').then((m) => m.GuaranteeListPage),
        data: { view: 'committee', initialState: 'COMMITTEE_REVIEW' },
        title: 'nav.guarantee-committee',
      },
      {
        path: 'guarantees/claims',
        canActivate: [permissionGuard(navPermission('guarantee-claims'))],
        providers: [provideTranslocoScope('guarantees')],
        loadComponent: () => import('./features/guarantees/guarantee-list.page').then((m) => m.GuaranteeListPage),
        data: { view: 'claims', initialState: 'DEFAULT_NOTIFIED,CLAIM_SUBMITTED,COMPENSATED,REGUARANTEE_CLAIMED,RECOVERING' },
        title: 'nav.guarantee-claims',
      },
      {
        path: 'guarantees/portfolio',
        canActivate: [permissionGuard(navPermission('guarantee-portfolio'))],
        providers: [provideTranslocoScope('guarantees')],
        loadComponent: () => import('./features/guarantees/guarantee-portfolio.page').then((m) => m.GuaranteePortfolioPage),
        title: 'nav.guarantee-portfolio',
      },
      {
        path: 'guarantees/:id',
        providers: [provideTranslocoScope('guarantees')],
        loadComponent: () => import('./features/guarantees/guarantee-detail.page').then((m) => m.GuaranteeDetailPage),
        title: 'nav.guarantee-requests',
      },
      {
        path: 'loans',
        canActivate: [permissionGuard(navPermission('loans'))],
        providers: [provideTranslocoScope('loans')],
        loadComponent: () => import('./features/loans/my-loans.page').then((m) => m.MyLoansPage),
        title: 'nav.loans',
      },
      {
        path: 'loans/apply',
        canActivate: [permissionGuard(navPermission('loans'))],
        providers: [provideTranslocoScope('loans')],
        loadComponent: () => import('./features/loans/loan-apply.page').then((m) => m.LoanApplyPage),
        title: 'nav.loans',
      },
      {
        path: 'loans/apply/:id',
        canActivate: [permissionGuard(navPermission('loans'))],
        providers: [provideTranslocoScope('loans')],
        loadComponent: () => import('./features/loans/loan-apply.page').then((m) => m.LoanApplyPage),
        title: 'nav.loans',
      },
      {
        path: 'loans/queue',
        canActivate: [permissionGuard(navPermission('loan-queue'))],
        providers: [provideTranslocoScope('loans')],
        loadComponent: () => import('./features/loans/loan-queue.page').then((m) => m.LoanQueuePage),
        title: 'nav.loan-queue',
      },
      {
        path: 'loans/approvals',
        canActivate: [permissionGuard(navPermission('loan-approvals'))],
        providers: [provideTranslocoScope('loans')],
        loadComponent: () => import('./features/loans/loan-approvals.page').then((m) => m.LoanApprovalsPage),
        title: 'nav.loan-approvals',
      },
      {
        path: 'loans/:id',
        providers: [provideTranslocoScope('loans')],
        loadComponent: () => import('./features/loans/loan-detail.page').then((m) => m.LoanDetailPage),
        title: 'nav.loans',
      },
      {
        path: 'bonds',
        canActivate: [permissionGuard(navPermission('bonds'))],
        providers: [provideTranslocoScope('bonds')],
        loadComponent: () => import('./features/bonds/my-bonds.page').then((m) => m.MyBondsPage),
        title: 'nav.bonds',
      },
      {
        path: 'bonds/new',
        canActivate: [permissionGuard(navPermission('bonds'))],
        providers: [provideTranslocoScope('bonds')],
        loadComponent: () => import('./features/bonds/bond-editor.page').then((m) => m.BondEditorPage),
        title: 'nav.bonds',
      },
      {
        path: 'bonds/reviews',
        canActivate: [permissionGuard(navPermission('bond-reviews'))],
        providers: [provideTranslocoScope('bonds')],
        loadComponent: () => import('./features/bonds/bond-reviews.page').then((m) => m.BondReviewsPage),
        title: 'nav.bond-reviews',
      },
      {
        path: 'bonds/allocations',
        canActivate: [permissionGuard(navPermission('bond-allocations'))],
        providers: [provideTranslocoScope('bonds')],
        loadComponent: () => import('./features/bonds/bond-allocations.page').then((m) => m.BondAllocationsPage),
        title: 'nav.bond-allocations',
      },
      {
        path: 'bonds/:id/edit',
        canActivate: [permissionGuard(navPermission('bonds'))],
        providers: [provideTranslocoScope('bonds')],
        loadComponent: () => import('./features/bonds/bond-editor.page').then((m) => m.BondEditorPage),
        title: 'nav.bonds',
      },
      {
        path: 'bonds/:id',
        providers: [provideTranslocoScope('bonds')],
        loadComponent: () => import('./features/bonds/bond-detail.page').then((m) => m.BondDetailPage),
        title: 'nav.bonds',
      },
      {
        path: 'statistics',
        canActivate: [permissionGuard(navPermission('statistics'))],
        providers: [provideTranslocoScope('statistics')],
        loadComponent: () => import('./features/statistics/statistics.page').then((m) => m.StatisticsPage),
        title: 'nav.statistics',
      },
      {
        path: 'gep',
        canActivate: [permissionGuard(navPermission('gepRuns'))],
        providers: [provideTranslocoScope('ecology')],
        loadComponent: () => import('./features/ecology/gep-runs.page').then((m) => m.GepRunsPage),
        title: 'nav.gepRuns',
      },
      {
        path: 'eco-catalogue',
        canActivate: [permissionGuard(navPermission('catalogue'))],
        providers: [provideTranslocoScope('ecology')],
        loadComponent: () => import('./features/ecology/catalogue.page').then((m) => m.CataloguePage),
        title: 'nav.catalogue',
      },
      {
        path: 'compensation',
        canActivate: [permissionGuard(navPermission('compensation'))],
        providers: [provideTranslocoScope('ecology')],
        loadComponent: () => import('./features/ecology/compensation.page').then((m) => m.CompensationPage),
        title: 'nav.compensation',
      },
      {
        path: 'forbidden',
        loadComponent: () =>
          import('./features/errors/forbidden.page').then((m) => m.ForbiddenPage),
        title: 'titles.forbidden',
      },
      {
        path: '**',
        loadComponent: () =>
          import('./features/errors/not-found.page').then((m) => m.NotFoundPage),
        title: 'titles.notFound',
      },
    ],
  },
];
