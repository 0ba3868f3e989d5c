import { ruleSetInForce } from '../rule-set-in-force.js';
import type { RuleSet } from '../types.js';
import { accumulating, weighted } from './fixtures.js';

const version = (v: string, effectiveFrom: string): RuleSet => ({ ...accumulating, version: v, effectiveFrom });
const history = [version('1.0.0', '2025-01-01'), version('1.2.0', '2026-01-01'), version('1.10.0', '2026-01-01'), version('2.0.0', '2026-07-01'), weighted];

describe('ruleSetInForce', () => {
  it.each([
    ['2025-06-30', '1.0.0'],
    ['2026-01-01', '1.10.0'],
    ['2026-06-30', '1.10.0'],
    ['2026-07-01', '2.0.0'],
  ])('on %s picks version %s', (asOf, expected) => {
    expect(ruleSetInForce(history, 'individual', asOf).version).toBe(expected);
  });

  it('only considers rule sets for the subject type', () => {
    expect(ruleSetInForce(history, 'enterprise', '2026-03-01').id).toBe('test-weighted');
  });

  it('refuses a date before any rule set took effect', () => {
    expect(() => ruleSetInForce(history, 'individual', '2024-12-31')).toThrow(expect.objectContaining({ path: '/asOf', message: 'no individual rule set is in force on 2024-12-31' }));
  });
});
