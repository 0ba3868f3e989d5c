import { fenToYuan, formatBp, formatFen, percentToBp, yuanToFen } from './loan-format';

describe('loan formats', () => {
  it('shows fen as yuan exactly', () => {
    expect(formatFen(20_000_000)).toBe('¥200,000.00');
    expect(formatFen(866_719)).toBe('¥8,667.19');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(null)).toBe('—');
  });

  it('shows basis points as a percentage', () => {
    expect(formatBp(380)).toBe('3.80%');
    expect(formatBp(3097)).toBe('30.97%');
    expect(formatBp(5)).toBe('0.05%');
  });

  it('reads yuan and percentages typed by a person', () => {
    expect(yuanToFen('200,000')).toBe(20_000_000);
    expect(yuanToFen('1234.5')).toBe(123_450);
    expect(yuanToFen('12.345')).toBeNull();
    expect(percentToBp('3.8')).toBe(380);
    expect(percentToBp('4.25')).toBe(425);
    expect(percentToBp('abc')).toBeNull();
  });

  it('writes fen as yuan for editing and reads it back to the same fen', () => {
    expect(fenToYuan(500_000_000)).toBe('5000000.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(null)).toBe('');
    expect(yuanToFen('5,000,000.00')).toBe(500_000_000);
    for (const fen of [1, 99, 100, 123_456_789, 9_007_199_254_740_991]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});
