import { defaultGepConfig } from '../default-gep-config.js';
import { gepAccount } from '../gep-account.js';
import { GepInputError } from '../gep-input-error.js';
import { gepServiceValue } from '../gep-service-value.js';
import { gepYearChange } from '../gep-year-change.js';
import { validateGepConfig } from '../validate-gep-config.js';
import type { GepServiceInput, GepServiceValue } from '../types.js';

const line = (code: string, category: GepServiceInput['category'], unit: string, quantity: string | null, unitPriceFen: number): GepServiceInput =>
  ({ code, category, unit, method: 'replacement_cost', quantity, unitPriceFen });

// Hand-worked: 1 234 567.5 m³ × 706 fen = 871 604 655 fen; 12 345.678 tC × 38 000 fen = 469 135 764 fen;
// 2 000 visits × 45 000 fen = 90 000 000 fen; 0.5 kWh × 53 fen = 26.5 → 26 (half to even); fruit has no data.
const services: GepServiceInput[] = [
  line('water_conservation', 'regulating', 'm3', '1234567.5', 706),
  line('carbon_sequestration', 'regulating', 'tC', '12345.678', 38_000),
  line('recreation', 'cultural', 'person_visit', '2000', 45_000),
  line('climate_regulation', 'regulating', 'kWh', '0.5', 53),
  line('fruit', 'provisioning', 't', null, 600_000),
];

describe('gepServiceValue', () => {
  it('multiplies the quantity by the unit price and rounds a half fen to the even neighbour', () => {
    expect(gepServiceValue('0.5', 53)).toBe(26);
    expect(gepServiceValue('1.5', 53)).toBe(80);
    expect(gepServiceValue('1234567.5', 706)).toBe(871_604_655);
  });

  it('refuses a negative quantity and text that is not a number', () => {
    expect(() => gepServiceValue('-1', 53)).toThrow(new GepInputError('quantity must not be negative', 'quantity'));
    expect(() => gepServiceValue('lots', 53)).toThrow(GepInputError);
  });
});

describe('gepAccount', () => {
  const account = gepAccount({ services, population: 1_000, areaKm2: '2', gdpFen: 1_000_000_000 });

  it('values each service with data and totals them to the fen', () => {
    expect(account.services.map((s) => [s.code, s.valueFen])).toEqual([
      ['water_conservation', 871_604_655], ['carbon_sequestration', 469_135_764], ['recreation', 90_000_000], ['climate_regulation', 26],
    ]);
    expect(account.totalFen).toBe(1_430_740_445);
    expect(account.byCategory).toEqual({ provisioning: 0, regulating: 1_340_740_445, cultural: 90_000_000 });
  });

  it('gives per capita, per km² (715 370 222.5 → 715 370 222, half to even) and GEP/GDP with four decimals', () => {
    expect(account.perCapitaFen).toBe(1_430_740);
    expect(account.perKm2Fen).toBe(715_370_222);
    expect(account.gepToGdp).toBe('1.4307');
  });

  it('reports the services without data and the coverage: 4 of 5 = 8 000 bp', () => {
    expect(account.missing).toEqual(['fruit']);
    expect(account.coverage).toEqual({ withData: 4, expected: 5, shareBp: 8_000 });
  });

  it('refuses a region without population, area or GDP, and a service listed twice', () => {
    expect(() => gepAccount({ services, population: 0, areaKm2: '2', gdpFen: 1 })).toThrow(new GepInputError('population must be a positive whole number of persons', 'population'));
    expect(() => gepAccount({ services, population: 1, areaKm2: '0', gdpFen: 1 })).toThrow(new GepInputError('area must be above 0 km²', 'areaKm2'));
    expect(() => gepAccount({ services: [services[0]!, services[0]!], population: 1, areaKm2: '1', gdpFen: 1 })).toThrow(new GepInputError('service water_conservation is listed twice', 'services[1].code'));
  });
});

describe('gepYearChange', () => {
  const current = gepAccount({ services, population: 1_000, areaKm2: '2', gdpFen: 1_000_000_000 }).services;
  const value = (code: string, unit: string, quantity: string, unitPriceFen: number, valueFen: number): GepServiceValue =>
    ({ code, category: 'regulating', unit, method: 'replacement_cost', quantity, unitPriceFen, valueFen });

  it('shows a price-only change as zero physical change', () => {
    // Same 1 234 567.5 m³; the unit price rose from 600 to 706 fen: 740 740 500 → 871 604 655 fen.
    const change = gepYearChange([current[0]!], [value('water_conservation', 'm3', '1234567.5', 600, 740_740_500)]);
    expect(change.services[0]).toEqual({
      code: 'water_conservation', unit: 'm3', previousQuantity: '1234567.5', quantity: '1234567.5', quantityChange: '0', quantityChangeBp: 0,
      previousValueFen: 740_740_500, valueFen: 871_604_655, valueChangeFen: 130_864_155, physicalEffectFen: 0, priceEffectFen: 130_864_155,
    });
    expect(change.physicalEffectFen).toBe(0);
  });

  it('splits every service’s change into physical effect at last year’s price and price effect', () => {
    const previous = [
      value('water_conservation', 'm3', '1234567.5', 600, 740_740_500),
      value('carbon_sequestration', 'tC', '12000', 38_000, 456_000_000),
      value('recreation', 'person_visit', '1800', 40_000, 72_000_000),
      value('timber', 'm3', '10', 120_000, 1_200_000),
    ];
    const change = gepYearChange(current, previous);
    expect(change.services.map((s) => [s.code, s.quantityChange, s.quantityChangeBp, s.valueChangeFen, s.physicalEffectFen, s.priceEffectFen])).toEqual([
      ['water_conservation', '0', 0, 130_864_155, 0, 130_864_155],
      // 345.678 tC × 38 000 fen = 13 135 764 fen, all physical; 345.678 / 12 000 = 288.065 bp → 288
      ['carbon_sequestration', '345.678', 288, 13_135_764, 13_135_764, 0],
      // 200 more visits × 40 000 fen = 8 000 000 physical; the price rise 5 000 fen × 2 000 = 10 000 000
      ['recreation', '200', 1111, 18_000_000, 8_000_000, 10_000_000],
      // new this year: all physical
      ['climate_regulation', '0.5', null, 26, 26, 0],
      // no data this year: the whole previous value is lost as physical effect
      ['timber', '-10', -10_000, -1_200_000, -1_200_000, 0],
    ]);
    expect(change).toMatchObject({
      previousTotalFen: 1_269_940_500, totalFen: 1_430_740_445, valueChangeFen: 160_799_945, valueChangeBp: 1266,
      physicalEffectFen: 19_935_790, priceEffectFen: 140_864_155,
    });
  });

  it('refuses a service whose unit changed between the years', () => {
    expect(() => gepYearChange([current[0]!], [value('water_conservation', 'km3', '1', 1, 1)]))
      .toThrow(new GepInputError('service water_conservation is measured in m3 this year but km3 the year before', 'services.water_conservation.unit'));
  });
});

describe('GEP configuration', () => {
  it('loads the default version with its thirteen services, unit prices in fen and sources', () => {
    expect(defaultGepConfig.version).toBe('2026.1');
    expect(defaultGepConfig.services).toHaveLength(13);
    expect(defaultGepConfig.services.find((s) => s.code === 'water_conservation')).toMatchObject({ unit: 'm3', unitPriceFen: 706, method: 'shadow_engineering' });
  });

  it('refuses a configuration with a duplicated service or a fractional unit price', () => {
    const twice = { ...defaultGepConfig, services: [defaultGepConfig.services[0], defaultGepConfig.services[0]] };
    expect(() => validateGepConfig(twice)).toThrow(new GepInputError('GEP configuration: service fruit appears twice', 'services[1].code'));
    const fraction = { ...defaultGepConfig, services: [{ ...defaultGepConfig.services[0], unitPriceFen: 1.5 }] };
    expect(() => validateGepConfig(fraction)).toThrow(GepInputError);
  });
});
