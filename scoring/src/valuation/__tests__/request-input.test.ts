import { requestInput } from '../request-input.js';

describe('requestInput', () => {
  it('records a request value with its unit', () => {
    expect(requestInput(12, 'years')).toEqual({ value: 12, unit: 'years', source: 'request' });
  });
});
