import { MoneyError } from '../money-error.js';
import { exact, type Exact } from './exact.js';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact value of a decimal written as text or as a JS number. A number is read through its
 * shortest round-trip decimal (String(0.045) === '0.045'), i.e. as the decimal the caller wrote,
 * not as the nearest binary double: 0.045 becomes exactly 45/1000.
 */
export function exactFromDecimal(value: number | string, field = 'value'): Exact {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new MoneyError(`${field} must be a finite number, got ${value}`, field);
  }
  const match = DECIMAL.exec(String(value).trim());
  if (!match) throw new MoneyError(`${field} is not a decimal number: ${String(value)}`, field);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return exponent >= 0 ? exact(digits * 10n ** BigInt(exponent)) : exact(digits, 10n ** BigInt(-exponent));
}
