import type { ValidateFunction } from 'ajv';
import type { Payment } from '../types.js';
import { loanSchemaError } from './loan-schema-error.js';
import { loansAjv } from './loans-ajv.js';

const validate = loansAjv.getSchema('https://eco-finance.example/schemas/loans/repayment.schema.json') as ValidateFunction<Payment>;

/** Checks a payment against schemas/loans/repayment.schema.json; throws LoanInputError naming the field. */
export function validateRepayment(input: unknown): Payment {
  if (!validate(input)) throw loanSchemaError('repayment', validate.errors);
  return input;
}
