import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import bondsEn from '../../../../public/i18n/bonds/en.json';
import statisticsEn from '../../../../public/i18n/statistics/en.json';
import en from '../../../../public/i18n/en.json';
import { provideAppIcons } from '../../core/icons/app-icons';
import { AuthService } from '../../core/auth/auth.service';
import { Bond } from './bonds.models';

/** TestBed for the bond and statistics pages: HTTP testing backend, router, English with the scopes, the caller's permissions and id. */
export function setUpBondsTestBed(permissions: string[], userId = 'u-issuer'): HttpTestingController {
  const auth = { permissions: () => new Set(permissions), user: () => ({ id: userId, subject: null }) };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, bonds: bondsEn, statistics: statisticsEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      { provide: AuthService, useValue: auth },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

const project = (id: string, name: string, taxonomyCode: string, prefecture: string) => ({
  id, name, taxonomyCode, eligible: true, ineligibleReason: null, prefecture, totalInvestmentFen: 10_000_000_000, expectedBenefits: {},
});

export const sampleBond: Bond = {
  id: 'b'.repeat(24), name: '哈密风光新能源2026年度第一期绿色中期票据', state: 'ALLOCATING', issuerName: '哈密风光新能源股份有限公司', reviewerName: '天山绿色评估认证有限公司',
  framework: { useOfProceeds: '100%', projectEvaluation: '委员会', managementOfProceeds: '专户', reporting: '年度', standards: ['china_gbp_2022', 'icma_gbp'], lookbackMonths: 36, temporaryPlacement: '国债' },
  projects: [project('p1'.padEnd(24, '0'), '哈密烟墩200MW风电项目', '3.2-wind_power', '哈密'), project('p2'.padEnd(24, '0'), '阿克苏温宿高效节水灌溉项目', '1.4-water_saving_irrigation', '阿克苏')],
  review: null, terms: null, issueDate: '2026-06-15', maturityDate: '2031-06-15',
  proceedsFen: 100_000_000_000, committedFen: 53_000_000_000, allocatedFen: 45_000_000_000,
  allocations: [
    { id: 'a1'.padEnd(24, '0'), projectId: 'p1'.padEnd(24, '0'), amountFen: 45_000_000_000, expenditureDate: '2025-09-30', refinancing: true, state: 'APPROVED', maker: { userId: 'u-issuer', username: 'issuer' }, checker: { userId: 'u-checker', username: 'issuer.checker' }, note: '' },
    { id: 'a2'.padEnd(24, '0'), projectId: 'p2'.padEnd(24, '0'), amountFen: 8_000_000_000, expenditureDate: '2026-11-20', refinancing: false, state: 'PENDING', maker: { userId: 'u-issuer', username: 'issuer' }, checker: null, note: '' },
  ],
  delabelling: null,
  ledger: { proceedsFen: 100_000_000_000, allocatedFen: 45_000_000_000, unallocatedFen: 55_000_000_000, allocatedShareBp: 4500, refinancingFen: 45_000_000_000, newFinancingFen: 0, byProject: [{ projectId: 'p1'.padEnd(24, '0'), amountFen: 45_000_000_000 }] },
  allowedActions: ['allocate', 'completeAllocation', 'mature', 'delabel'],
  history: [],
};
