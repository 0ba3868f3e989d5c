import { exact, exactCompare, exactDivide, exactToDecimalString, exactToFen, roundHalfEven, sumFen, toExact } from '../money/index.js';
import { GepInputError } from './gep-input-error.js';
import { gepServiceValue } from './gep-service-value.js';
import { gepCategories, type GepAccount, type GepAccountInput, type GepCategory, type GepServiceValue } from './types.js';

/**
 * A region's GEP for one year: each service with data valued as quantity × unit price (rounded
 * once per service), the total as the sum of those values, by category, per capita and per km²
 * (half-even), GEP/GDP with 4 decimals, and the coverage of the configured services with data.
 */
export function gepAccount(input: GepAccountInput): GepAccount {
  if (!Number.isSafeInteger(input.population) || input.population <= 0) throw new GepInputError('population must be a positive whole number of persons', 'population');
  const area = toExact(input.areaKm2, 'areaKm2');
  if (exactCompare(area, exact(0n)) <= 0) throw new GepInputError('area must be above 0 km²', 'areaKm2');
  if (!Number.isSafeInteger(input.gdpFen) || input.gdpFen <= 0) throw new GepInputError('GDP must be a positive amount of fen', 'gdpFen');
  const seen = new Set<string>();
  const services: GepServiceValue[] = [];
  const missing: string[] = [];
  input.services.forEach((s, i) => {
    if (seen.has(s.code)) throw new GepInputError(`service ${s.code} is listed twice`, `services[${i}].code`);
    seen.add(s.code);
    if (s.quantity === null) {
      missing.push(s.code);
      return;
    }
    const valueFen = gepServiceValue(s.quantity, s.unitPriceFen, `services[${i}].quantity`);
    services.push({ code: s.code, category: s.category, unit: s.unit, method: s.method, quantity: s.quantity, unitPriceFen: s.unitPriceFen, valueFen });
  });
  const totalFen = sumFen(services.map((s) => s.valueFen));
  const byCategory = Object.fromEntries(gepCategories.map((c) => [c, sumFen(services.filter((s) => s.category === c).map((s) => s.valueFen))])) as Record<GepCategory, number>;
  const expected = input.services.length;
  return {
    services,
    missing,
    totalFen,
    byCategory,
    perCapitaFen: exactToFen(exact(BigInt(totalFen), BigInt(input.population))),
    perKm2Fen: exactToFen(exactDivide(exact(BigInt(totalFen)), area)),
    gepToGdp: exactToDecimalString(exact(BigInt(totalFen), BigInt(input.gdpFen)), 4),
    coverage: { withData: services.length, expected, shareBp: expected === 0 ? 0 : Number(roundHalfEven(BigInt(services.length) * 10_000n, BigInt(expected))) },
  };
}
