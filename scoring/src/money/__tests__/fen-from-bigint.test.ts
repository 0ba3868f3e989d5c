import { fenFromBigint } from '../fen-from-bigint.js';

describe('fenFromBigint', () => {
  it('turns a bigint count of fen into a number', () => {
    expect(fenFromBigint(-123n)).toBe(-123);
  });

  it('refuses counts beyond the safe integer range', () => {
    expect(() => fenFromBigint(2n ** 53n, 'total')).toThrow('total 9007199254740992 fen exceeds the safe integer range');
  });
});
