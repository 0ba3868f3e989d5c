import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import guaranteesEn from '../../../../public/i18n/guarantees/en.json';
import en from '../../../../public/i18n/en.json';
import { provideAppIcons } from '../../core/icons/app-icons';
import { AuthService } from '../../core/auth/auth.service';
import { Guarantee } from './guarantees.models';

/** TestBed for the guarantee pages: HTTP testing backend, router, icons, English with the `guarantees` scope, and the caller's permissions. */
export function setUpGuaranteesTestBed(permissions: string[], institutionId: string | null = null): HttpTestingController {
  const auth = { permissions: () => new Set(permissions), user: () => ({ subject: null, institution: institutionId ? { id: institutionId } : null }) };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, guarantees: guaranteesEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      { provide: AuthService, useValue: auth },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

export const sampleGuarantee: Guarantee = {
  id: 'a'.repeat(24), institutionId: 'g'.repeat(24), bankId: 'b'.repeat(24), reguarantorId: 'r'.repeat(24), loanId: 'l'.repeat(24), subjectId: 's'.repeat(24),
  state: 'COMMITTEE_REVIEW', stateSince: '2026-11-22T08:00:00Z', open: true, amountFen: 20_000_000, termDays: 730, requestNote: '首贷客户',
  loan: { amountFen: 20_000_000, termMonths: 24, loanState: 'GUARANTEE_PENDING', applicantName: '和田玉枣生态农业有限公司', bankName: '塔里木农村商业银行', grade: 'AA', maxLoanFen: 22_601_412, collateralValueFen: 64_575_463, assetIds: ['e'.repeat(24)], purpose: '滴灌改造' },
  recommendation: {
    proposedFeeRateBp: 100, gradeDiscountBp: 20, annualFeeRateBp: 80, feeFen: 320_000, riskShares: { originalGuarantorBp: 4000, reguarantorBp: 3000, bankBp: 2000, localGovernmentBp: 1000 },
    coverageRatioBp: 10_000, findings: '经营稳定', conditions: [], feeCap: { capAnnualRateBp: 100, singleBorrowerFen: 20_000_000 },
    capacity: { outstandingLimitFen: 450_000_000_000, outstandingAfterFen: 120_000_000, obligorLimitFen: 3_000_000_000, obligorAfterFen: 20_000_000, multiple: 15 },
    by: { username: 'guarantee.officer' }, at: '2026-11-22T08:00:00Z',
  },
  decision: null, counterGuarantee: null, letter: null, defaultNotice: null, claim: null, compensation: null, reguaranteeClaim: null, recoveries: [], recoveredFen: 0, closure: null,
  history: [{ action: 'request', from: null, to: 'APPLIED', at: '2026-11-20T08:00:00Z', by: { username: 'bank.officer' } }],
  allowedActions: ['approve', 'reject'], ageDays: 7, guarantorName: '新疆绿色融资担保有限公司',
};
