import { exact } from '../../money/index.js';
import { resolveInput } from '../resolve-input.js';

describe('resolveInput', () => {
  it('takes the request’s value when present', () => {
    expect(resolveInput(0.06, 0.045, 'decimal per year', 'x.discountRate')).toEqual({
      exact: exact(3n, 50n), record: { value: 0.06, unit: 'decimal per year', source: 'request' }, defaulted: false,
    });
  });

  it('falls back to the configured default and says where it came from', () => {
    expect(resolveInput(undefined, 0.045, 'decimal per year', 'x.discountRate')).toEqual({
      exact: exact(9n, 200n), record: { value: 0.045, unit: 'decimal per year', source: 'default', configPath: 'x.discountRate' }, defaulted: true,
    });
  });
});
