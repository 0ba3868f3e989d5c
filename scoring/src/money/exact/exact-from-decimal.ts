import { MoneyError } from '../money-error.js';
import { exact, type Exact } from './exact.js';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MEMO_LIMIT = 4096;
const memo = new Map<number, Exact>();

/**
 * The exact value of a decimal written as text or as a JS number. A number is read through its
 * shortest round-trip decimal (String(0.045) === '0.045'), i.e. as the decimal the caller wrote,
 * not as the nearest binary double: 0.045 becomes exactly 9/200. Results for numbers are memoised
 * (a bounded cache; same input, same output), since rates and factors repeat across valuations.
 */
export function exactFromDecimal(value: number | string, field = 'value'): Exact {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return { numerator: BigInt(value), denominator: 1n };
    const known = memo.get(value);
    if (known) return known;
    if (!Number.isFinite(value)) throw new MoneyError(`${field} must be a finite number, got ${value}`, field);
    const parsed = parseDecimal(String(value), field);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(value, parsed);
    return parsed;
  }
  return parseDecimal(value.trim(), field);
}

function parseDecimal(text: string, field: string): Exact {
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError(`${field} is not a decimal number: ${text}`, field);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return exponent >= 0 ? exact(digits * 10n ** BigInt(exponent)) : exact(digits, 10n ** BigInt(-exponent));
}
