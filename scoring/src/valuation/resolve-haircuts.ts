import { exact, exactAdd, exactCompare, exactFromDecimal, exactToNumber, type Exact } from '../money/index.js';
import type { Haircuts, ValuationInputRecord, ValuationConfig, ValuationRequest } from './types.js';
import { ValuationInputError } from './valuation-input-error.js';

export interface ResolvedHaircuts {
  haircut: Haircuts & { total: number };
  total: Exact;
  inputs: Record<string, ValuationInputRecord>;
}

const PARTS: (keyof Haircuts)[] = ['market', 'liquidity', 'legal', 'physical'];

/**
 * The four haircuts (market volatility, liquidity/disposal cost, legal/policy, physical risk), each
 * from the request or else the asset type's configuration; total = their exact sum, at most 1.
 */
export function resolveHaircuts(request: ValuationRequest, config: ValuationConfig): ResolvedHaircuts {
  const configured = config.assetTypes[request.assetType].haircuts;
  const parts: Haircuts = { ...configured, ...request.haircuts };
  const total = PARTS.reduce((sum, part) => exactAdd(sum, exactFromDecimal(parts[part])), exact(0n));
  const inputs = Object.fromEntries(
    PARTS.map((part): [string, ValuationInputRecord] => [
      `haircuts.${part}`,
      request.haircuts?.[part] === undefined
        ? { value: configured[part], unit: 'share of value (decimal)', source: 'default', configPath: `assetTypes.${request.assetType}.haircuts.${part}` }
        : { value: parts[part], unit: 'share of value (decimal)', source: 'request' },
    ]),
  );
  if (exactCompare(total, exact(1n)) > 0) {
    throw new ValuationInputError(`haircuts add up to ${exactToNumber(total)}, more than 1`, 'haircuts');
  }
  return { haircut: { ...parts, total: exactToNumber(total) }, total, inputs };
}
