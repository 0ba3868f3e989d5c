import { formatYuan } from '../format-yuan.js';

describe('formatYuan', () => {
  it('writes fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-5)).toBe('-0.05');
  });

  it('takes another separator and a prefix', () => {
    expect(formatYuan(100_000, { grouping: '', prefix: '¥' })).toBe('¥1000.00');
    expect(formatYuan(-123_456, { prefix: '¥' })).toBe('-¥1,234.56');
  });
});
