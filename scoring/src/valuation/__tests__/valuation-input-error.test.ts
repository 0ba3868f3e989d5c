import { ValuationInputError } from '../valuation-input-error.js';

describe('ValuationInputError', () => {
  it('serialises to { code, message, field } for an HTTP 400 body', () => {
    const error = new ValuationInputError('areaHa must be > 0', 'areaHa');
    expect(error).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'VALUATION_INPUT_INVALID', message: 'areaHa must be > 0', field: 'areaHa' });
  });
});
