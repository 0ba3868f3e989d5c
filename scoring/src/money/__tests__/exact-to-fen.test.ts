import { exactToFen } from '../exact-to-fen.js';
import { exact } from '../exact/exact.js';
import { roundHalfUp } from '../rounding/round-half-up.js';

describe('exactToFen', () => {
  it('rounds an exact amount once, half-even by default: 12.5 fen → 12, 13.5 fen → 14', () => {
    expect(exactToFen(exact(25n, 2n))).toBe(12);
    expect(exactToFen(exact(27n, 2n))).toBe(14);
  });

  it('rounds with a named mode when given one: 12.5 fen → 13 half-up', () => {
    expect(exactToFen(exact(25n, 2n), roundHalfUp)).toBe(13);
  });

  it('works on unreduced intermediates: 50/4 = 12.5 → 12', () => {
    expect(exactToFen({ numerator: 50n, denominator: 4n })).toBe(12);
  });

  it('refuses a result beyond the safe integer range', () => {
    expect(() => exactToFen(exact(2n ** 60n), undefined, 'valueFen')).toThrow(expect.objectContaining({ field: 'valueFen' }));
  });
});
