// A monthly servicer report built from the pool loans' real repayment records: collections
// (principal, interest, penalty as applied by the loan servicing), defaults in the month, recoveries
// (disposal proceeds), and the tranches paid from them — interest in order of seniority with the
// residual to the subordinated holder, principal and recoveries sequentially.
import { exact, exactFromDecimal, exactMultiply, exactToFen, roundHalfEven } from '@eco/scoring';
import type { Loan } from '../../db/loans/loan.types.js';
import type { PoolStructure, ServicerReport, ServicerReportLoanRow, UserRef } from '../../db/securitisation-pools/pool.types.js';

type Line = { component: string; amountFen: number };
const PRINCIPAL = ['principal', 'early_principal'];
const INTEREST = ['interest', 'accrued_interest'];

export function buildServicerReport(input: { period: string; loans: readonly Loan[]; structure: PoolStructure; balances: Record<string, number>; by: UserRef; now: Date }): ServicerReport {
  const rows: ServicerReportLoanRow[] = [];
  const refs: { loanId: string; seq: number }[] = [];
  const defaulted: string[] = [];
  for (const loan of input.loans) {
    const row: ServicerReportLoanRow = { loanId: loan.id, principalFen: 0, interestFen: 0, penaltyFen: 0, recoveriesFen: 0, defaultedFen: 0 };
    for (const r of loan.repayments) {
      if (!String(r['date'] ?? '').startsWith(input.period)) continue;
      refs.push({ loanId: loan.id, seq: Number(r['seq']) });
      const lines = (r['lines'] ?? []) as Line[];
      const sum = (components: string[]) => lines.filter((l) => components.includes(l.component)).reduce((s, l) => s + l.amountFen, 0);
      if (r['kind'] === 'disposal') row.recoveriesFen += sum([...PRINCIPAL, ...INTEREST, 'penalty']);
      else {
        row.principalFen += sum(PRINCIPAL);
        row.interestFen += sum(INTEREST);
        row.penaltyFen += sum(['penalty']);
      }
    }
    const defaultedAt = loan.history.find((h) => h.to === 'DEFAULTED' && new Date(h.at).toISOString().startsWith(input.period))?.at;
    if (defaultedAt) {
      // the principal outstanding when the loan defaulted: what is outstanding now plus the principal
      // repaid or recovered since (records written after the default)
      const since = loan.repayments.filter((r) => new Date(r['recordedAt'] as string | Date).getTime() >= new Date(defaultedAt).getTime());
      const repaidSince = since.flatMap((r) => (r['lines'] ?? []) as Line[]).filter((l) => PRINCIPAL.includes(l.component)).reduce((s, l) => s + l.amountFen, 0);
      row.defaultedFen = Number((loan.outstanding as { principalOutstandingFen?: number } | null)?.principalOutstandingFen ?? 0) + repaidSince;
      defaulted.push(loan.id);
    }
    rows.push(row);
  }
  const total = (key: keyof Omit<ServicerReportLoanRow, 'loanId'>) => rows.reduce((s, r) => s + r[key], 0);
  const collections = { principalFen: total('principalFen'), interestFen: total('interestFen'), penaltyFen: total('penaltyFen'), totalFen: 0 };
  collections.totalFen = collections.principalFen + collections.interestFen + collections.penaltyFen;
  const recoveries = total('recoveriesFen');

  let interest = collections.interestFen + collections.penaltyFen;
  let principal = collections.principalFen + recoveries;
  const tranches = input.structure.tranches.map((t) => {
    const opening = input.balances[t.name] ?? 0;
    const due = exactToFen(exactMultiply(exact(BigInt(opening)), exactFromDecimal(t.couponRate), exact(1n, 12n)), roundHalfEven);
    const interestPaid = Math.min(interest, due);
    interest -= interestPaid;
    return { name: t.name, class: t.class, openingFen: opening, interestFen: interestPaid, principalFen: 0, closingFen: opening };
  });
  for (const t of tranches) {
    const paid = Math.min(principal, t.closingFen);
    t.principalFen = paid;
    t.closingFen -= paid;
    principal -= paid;
  }
  return {
    period: input.period,
    collections,
    defaultsFen: total('defaultedFen'),
    defaultedLoans: defaulted,
    recoveriesFen: recoveries,
    repaymentRefs: refs,
    loans: rows,
    tranches,
    residualFen: interest + principal,
    poolBalanceFen: input.loans.reduce((s, l) => s + (['CLOSED', 'WRITTEN_OFF'].includes(l.state) ? 0 : Number((l.outstanding as { principalOutstandingFen?: number } | null)?.principalOutstandingFen ?? 0)), 0),
    createdAt: input.now,
    by: input.by,
  };
}

/** The report as CSV: one row per loan, then the totals and the tranche rows (amounts in fen). */
export function servicerReportCsv(poolName: string, report: ServicerReport): string {
  const lines = [
    `pool,${JSON.stringify(poolName)},period,${report.period}`,
    'loanId,principalFen,interestFen,penaltyFen,recoveriesFen,defaultedFen',
    ...report.loans.map((r) => [r.loanId, r.principalFen, r.interestFen, r.penaltyFen, r.recoveriesFen, r.defaultedFen].join(',')),
    ['TOTAL', report.collections.principalFen, report.collections.interestFen, report.collections.penaltyFen, report.recoveriesFen, report.defaultsFen].join(','),
    'tranche,class,openingFen,interestFen,principalFen,closingFen',
    ...report.tranches.map((t) => [t.name, t.class, t.openingFen, t.interestFen, t.principalFen, t.closingFen].join(',')),
    `residualFen,${report.residualFen}`,
    `poolBalanceFen,${report.poolBalanceFen}`,
  ];
  return lines.join('\n') + '\n';
}
