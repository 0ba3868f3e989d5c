import { schemaError } from '../schema-error.js';

describe('schemaError', () => {
  it('names the field of the first error and lists allowed values of an enum', () => {
    const error = schemaError('valuation request', [{ instancePath: '/pollutant', keyword: 'enum', params: { allowedValues: ['COD', 'SO2'] }, message: 'must be equal to one of the allowed values', schemaPath: '#' }]);
    expect(error.toJSON()).toEqual({ code: 'VALUATION_INPUT_INVALID', message: 'valuation request: pollutant must be equal to one of the allowed values: COD, SO2', field: 'pollutant' });
  });

  it('still answers when ajv gives no error', () => {
    expect(schemaError('stress input', null).field).toBe('(root)');
  });
});
