import { roundDown } from '../../rounding/round-down.js';
import { exactToDecimalString } from '../exact-to-decimal-string.js';
import { exact } from '../exact.js';

describe('exactToDecimalString', () => {
  it('prints a fixed number of places, rounded half-even once: 2/3 → 0.6667, 1/8 → 0.12, −1/8 → −0.12, 7/2 → 4', () => {
    expect(exactToDecimalString(exact(2n, 3n), 4)).toBe('0.6667');
    expect(exactToDecimalString(exact(1n, 8n), 2)).toBe('0.12');
    expect(exactToDecimalString(exact(-1n, 8n), 2)).toBe('-0.12');
    expect(exactToDecimalString(exact(7n, 2n), 0)).toBe('4');
  });

  it('rounds with a named mode when given one', () => {
    expect(exactToDecimalString(exact(2n, 3n), 2, roundDown)).toBe('0.66');
  });
});
