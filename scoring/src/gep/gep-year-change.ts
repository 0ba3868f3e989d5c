import { exact, exactCompare, exactDivide, exactMultiply, exactSubtract, exactToDecimalString, exactToFen, roundHalfEven, sumFen, toExact, type Exact } from '../money/index.js';
import { GepInputError } from './gep-input-error.js';
import type { GepServiceChange, GepServiceValue, GepYearChange } from './types.js';

/**
 * This year's GEP against the previous year's, service by service, splitting each value change into
 * a physical effect — (Q₁ − Q₀) × P₀, at last year's unit price, rounded half-even — and a price
 * effect (the rest), so a price change is never read as ecological gain. A service new this year is
 * all physical effect; a service without data this year loses its whole value as physical effect.
 */
export function gepYearChange(current: readonly GepServiceValue[], previous: readonly GepServiceValue[]): GepYearChange {
  const prev = new Map(previous.map((s) => [s.code, s]));
  const codes = [...current.map((s) => s.code), ...previous.filter((s) => !current.some((c) => c.code === s.code)).map((s) => s.code)];
  const services = codes.map((code): GepServiceChange => {
    const now = current.find((s) => s.code === code);
    const before = prev.get(code);
    if (now && before && now.unit !== before.unit) throw new GepInputError(`service ${code} is measured in ${now.unit} this year but ${before.unit} the year before`, `services.${code}.unit`);
    const q1 = now ? toExact(now.quantity) : exact(0n);
    const q0 = before ? toExact(before.quantity) : exact(0n);
    const v1 = now?.valueFen ?? 0;
    const v0 = before?.valueFen ?? 0;
    const dq = exactSubtract(q1, q0);
    const physicalEffectFen = before ? exactToFen(exactMultiply(dq, exact(BigInt(before.unitPriceFen)))) : v1;
    return {
      code,
      unit: (now ?? before)!.unit,
      previousQuantity: before?.quantity ?? null,
      quantity: now?.quantity ?? null,
      quantityChange: decimalText(dq),
      quantityChangeBp: before && exactCompare(q0, exact(0n)) > 0 ? bp(exactDivide(dq, q0)) : null,
      previousValueFen: v0,
      valueFen: v1,
      valueChangeFen: v1 - v0,
      physicalEffectFen,
      priceEffectFen: v1 - v0 - physicalEffectFen,
    };
  });
  const totalFen = sumFen(current.map((s) => s.valueFen));
  const previousTotalFen = sumFen(previous.map((s) => s.valueFen));
  return {
    services,
    previousTotalFen,
    totalFen,
    valueChangeFen: totalFen - previousTotalFen,
    valueChangeBp: previousTotalFen === 0 ? null : bp(exact(BigInt(totalFen - previousTotalFen), BigInt(previousTotalFen))),
    physicalEffectFen: sumFen(services.map((s) => s.physicalEffectFen)),
    priceEffectFen: sumFen(services.map((s) => s.priceEffectFen)),
  };
}

const bp = (share: Exact): number => Number(roundHalfEven(share.numerator * 10_000n, share.denominator));

/** The exact change as the shortest decimal text (quantities are decimals, so their difference is too). */
function decimalText(value: Exact): string {
  for (let places = 0; places <= 12; places++) {
    const text = exactToDecimalString(value, places);
    if (exactCompare(toExact(text), value) === 0) return text;
  }
  return exactToDecimalString(value, 12);
}
