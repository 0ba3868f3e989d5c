import type { ValidateFunction } from 'ajv';
import { LoanInputError } from '../loan-input-error.js';
import type { ScheduleRequest } from '../types.js';
import { loanSchemaError } from './loan-schema-error.js';
import { loansAjv } from './loans-ajv.js';

const validate = loansAjv.getSchema('https://eco-finance.example/schemas/loans/schedule-request.schema.json') as ValidateFunction<ScheduleRequest>;

/**
 * Checks a schedule request against schemas/loans/schedule-request.schema.json and the rules a
 * schema cannot state (quarterly term a multiple of 3, first due date after disbursement);
 * returns it typed or throws LoanInputError naming the field.
 */
export function validateScheduleRequest(input: unknown): ScheduleRequest {
  if (!validate(input)) throw loanSchemaError('schedule request', validate.errors);
  if (input.frequency === 'quarterly' && input.termMonths % 3 !== 0) {
    throw new LoanInputError(`schedule request: termMonths must be a multiple of 3 for quarterly repayment, got ${input.termMonths}`, 'termMonths');
  }
  if (input.firstDueDate !== undefined && input.firstDueDate <= input.disbursementDate) {
    throw new LoanInputError(`schedule request: firstDueDate ${input.firstDueDate} must be after disbursementDate ${input.disbursementDate}`, 'firstDueDate');
  }
  return input;
}
