import { addMonths } from '../loans/calendar/add-months.js';
import { BondInputError } from './bond-input-error.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Look-back for refinancing: an expenditure made before the issue date may be refinanced from the
 * proceeds only when it falls within `lookbackMonths` calendar months before issue (the framework's
 * stated look-back, e.g. 36). Expenditure on or after the issue date is new financing, always eligible.
 */
export function lookbackEligible(expenditureDate: string, issueDate: string, lookbackMonths: number): { eligible: boolean; refinancing: boolean; earliestDate: string } {
  if (!isoDate.test(expenditureDate) || !isoDate.test(issueDate)) throw new BondInputError('dates must be ISO yyyy-mm-dd');
  if (!Number.isInteger(lookbackMonths) || lookbackMonths < 0) throw new BondInputError('lookbackMonths must be a non-negative integer');
  const earliestDate = addMonths(issueDate, -lookbackMonths);
  const refinancing = expenditureDate < issueDate;
  return { eligible: !refinancing || expenditureDate >= earliestDate, refinancing, earliestDate };
}
