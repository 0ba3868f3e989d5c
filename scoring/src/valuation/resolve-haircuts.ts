import { exact, exactAdd, exactCompare, exactFromDecimal, exactToNumber, type Exact } from '../money/index.js';
import type { AssetType, Haircuts, ValuationInputRecord, ValuationConfig, ValuationRequest } from './types.js';
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
  const configured = config.assetTypes[request.assetType as AssetType].haircuts;
  const inputs: Record<string, ValuationInputRecord> = {};
  const parts = {} as Haircuts;
  let total = exact(0n);
  for (const part of PARTS) {
    const given = request.haircuts?.[part];
    parts[part] = given ?? configured[part];
    total = exactAdd(total, exactFromDecimal(parts[part]));
    inputs[`haircuts.${part}`] =
      given === undefined
        ? { value: configured[part], unit: 'share of value (decimal)', source: 'default', configPath: `assetTypes.${request.assetType}.haircuts.${part}` }
        : { value: given, unit: 'share of value (decimal)', source: 'request' };
  }
  if (exactCompare(total, exact(1n)) > 0) {
    throw new ValuationInputError(`haircuts add up to ${exactToNumber(total)}, more than 1`, 'haircuts');
  }
  return { haircut: { ...parts, total: exactToNumber(total) }, total, inputs };
}
