import { describe, expect, test } from '@jest/globals';
import { GepInputError, LoanInputError, ScoringInputError, ValuationInputError } from '../index.js';

describe('input errors of every area', () => {
  test('carry their area’s code, their own name and the failing field', () => {
    const error = new LoanInputError('term must be 1–360 months', 'termMonths');
    expect(error).toBeInstanceOf(ScoringInputError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LoanInputError');
    expect(error.code).toBe('LOAN_INPUT_INVALID');
    expect(error.field).toBe('termMonths');
  });

  test('serialise to the API error body { code, message, field }', () => {
    expect(JSON.parse(JSON.stringify(new ValuationInputError('area must be positive', 'areaHa')))).toEqual({ code: 'VALUATION_INPUT_INVALID', message: 'area must be positive', field: 'areaHa' });
    expect(new GepInputError('no price', 'services[2].unitPriceFen').toJSON()).toEqual({ code: 'GEP_INPUT_INVALID', message: 'no price', field: 'services[2].unitPriceFen' });
  });
});
