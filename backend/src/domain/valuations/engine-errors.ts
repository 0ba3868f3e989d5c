// The valuation engine's input errors become platform 400s naming the field.
import { MoneyError, ValuationInputError } from '@eco/scoring';
import { AppError } from '../errors/index.js';

export function withEngineErrors<T>(run: () => T, fieldPrefix = ''): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ValuationInputError || e instanceof MoneyError) {
      const field = e.field ? `${fieldPrefix}${e.field}` : fieldPrefix.replace(/\.$/, '') || undefined;
      throw new AppError('VALUATION_INPUT_INVALID', e.message, field ? { field } : {});
    }
    throw e;
  }
}
