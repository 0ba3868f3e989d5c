import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import loansEn from '../../../../public/i18n/loans/en.json';
import en from '../../../../public/i18n/en.json';
import { provideAppIcons } from '../../core/icons/app-icons';
import { AuthService } from '../../core/auth/auth.service';
import { Loan, LoanSummary } from './loans.models';

/** TestBed for the loan pages: HTTP testing backend, router, icons, English with the `loans` scope, and the caller's permissions. */
export function setUpLoansTestBed(permissions: string[], subjectId: string | null = null): HttpTestingController {
  const auth = { permissions: () => new Set(permissions), user: () => ({ subject: subjectId ? { id: subjectId } : null }) };
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, loans: loansEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      { provide: AuthService, useValue: auth },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

export const sampleLoan: Loan = {
  id: 'a'.repeat(24), applicationId: 'b'.repeat(24), institutionId: 'c'.repeat(24), subjectId: 'd'.repeat(24), state: 'PENDING_APPROVAL',
  stateSince: '2026-11-27T08:00:00Z', submittedAt: '2026-11-25T08:00:00Z', amountFen: 20_000_000, termMonths: 24, purpose: '滴灌改造',
  taxonomyCode: '1.4-water_saving_irrigation', repaymentMethod: 'equal_instalment', frequency: 'monthly', assetIds: ['e'.repeat(24)],
  guaranteeRequired: false, guaranteeId: null, infoRequests: [],
  recommendation: { amountFen: 20_000_000, annualRateBp: 380, termMonths: 24, conditions: ['按月还款'], notes: '经营稳定', by: { userId: 'u1', username: 'bank.officer' }, at: '2026-11-27T08:00:00Z' },
  decision: null, rejection: null, pledgedAssetIds: [], schedule: null, outstanding: null, repayments: [],
  history: [{ action: 'submit', from: null, to: 'SUBMITTED', at: '2026-11-25T08:00:00Z', by: { userId: 'u0', username: 'enterprise' } }],
};

export const sampleSummary: LoanSummary & { applicantName: string } = {
  ...sampleLoan, applicantName: '和田玉枣生态农业有限公司', allowedActions: ['approve', 'reject', 'lapse', 'withdraw'], ageDays: 2,
  glance: { grade: 'green', maxLoanFen: 22_601_412, suggestedAnnualRateBp: 420, collateralValueFen: 64_575_463, ltvBp: 3097, eligible: true },
};
