import { latestLoanEnd } from './latest-loan-end.js';

/** Whether a loan ending on `loanEndDate` respects the order's payment date + grace days. */
export function loanEndWithinOrder(loanEndDate: string, paymentDate: string, graceDays: number): boolean {
  return loanEndDate <= latestLoanEnd(paymentDate, graceDays);
}
