import { MoneyError } from '../money-error.js';
import { parseYuan } from '../parse-yuan.js';
import { roundHalfUp } from '../rounding/round-half-up.js';

describe('parseYuan', () => {
  it('reads yuan text as fen', () => {
    expect(parseYuan('1,234,567.89')).toBe(123_456_789);
    expect(parseYuan('-0.05')).toBe(-5);
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('0.10')).toBe(10);
  });

  it('refuses fractions of a fen unless a rounding mode is named', () => {
    expect(() => parseYuan('0.125')).toThrow('has fractions of a fen');
    expect(parseYuan('0.125', roundHalfUp)).toBe(13);
  });

  it('refuses text that is not an amount', () => {
    expect(() => parseYuan('12abc')).toThrow(MoneyError);
    expect(() => parseYuan('1e3')).toThrow(MoneyError);
  });
});
