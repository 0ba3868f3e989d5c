import { MoneyError } from '../../money-error.js';
import { roundHalfEven } from '../round-half-even.js';
import { roundingModeNamed } from '../rounding-mode-named.js';

describe('roundingModeNamed', () => {
  it('finds the mode a configuration names', () => {
    expect(roundingModeNamed('half-even')).toBe(roundHalfEven);
  });

  it('refuses an unknown name', () => {
    expect(() => roundingModeNamed('bankers')).toThrow(MoneyError);
  });
});
