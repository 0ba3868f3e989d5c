import { formatFen, formatRate } from './money-format';

describe('formatFen', () => {
  it('groups yuan and keeps two fen digits exactly', () => {
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-120000)).toBe('-¥1,200.00');
    expect(formatFen(null)).toBe('—');
  });
});

describe('formatRate', () => {
  it('shows a decimal rate as a percentage', () => {
    expect(formatRate(0.6)).toBe('60%');
    expect(formatRate(0.5667)).toBe('56.67%');
    expect(formatRate(null)).toBe('—');
  });
});
