import { describe, expect, test } from '@jest/globals';
import { defaultTradingConfig, TradingInputError, validateTradingConfig } from '../index.js';

const copy = () => JSON.parse(JSON.stringify(defaultTradingConfig)) as Record<string, any>;
function refusal(input: unknown): { message: string; field: string } {
  try {
    validateTradingConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(TradingInputError);
    return { message: (e as TradingInputError).message, field: (e as TradingInputError).field };
  }
  throw new Error('accepted');
}

describe('the versioned trading configuration (markets and minimum lots)', () => {
  test('the default version lists the five markets with their lots', () => {
    expect(defaultTradingConfig.version).toBe('2026.11.1');
    expect(Object.entries(defaultTradingConfig.markets).map(([type, m]) => [type, m!.unit, m!.lot, m!.title])).toEqual([
      ['water_right', 'm3', 1_000, false],
      ['emission_right', 't', 1, false],
      ['carbon', 'tCO2e', 100, false],
      ['land_right', 'title', 1, true],
      ['forest_right', 'title', 1, true],
    ]);
  });

  test('a lot below 1 or fractional is refused with its field', () => {
    const zero = copy();
    zero['markets'].water_right.lot = 0;
    expect(refusal(zero).field).toBe('markets.water_right.lot');
    const fraction = copy();
    fraction['markets'].carbon.lot = 0.5;
    expect(refusal(fraction).field).toBe('markets.carbon.lot');
  });

  test('a title market trades one whole title; a quantity market names where its quantity is read', () => {
    const title = copy();
    title['markets'].land_right.lot = 2;
    expect(refusal(title)).toEqual({ field: 'markets.land_right.lot', message: 'trading configuration: markets.land_right.lot a title market trades one whole title' });
    const fields = copy();
    fields['markets'].emission_right.quantityFields = [];
    expect(refusal(fields).field).toBe('markets.emission_right.quantityFields');
  });

  test('an unknown asset type or a missing version is refused', () => {
    const unknown = copy();
    unknown['markets'].fishing_right = unknown['markets'].carbon;
    expect(refusal(unknown).field).toBe('markets');
    const noVersion = copy();
    delete noVersion['version'];
    expect(refusal(noVersion).field).toBe('version');
  });
});
