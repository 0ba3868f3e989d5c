import { readFileSync } from 'node:fs';
import { findTaxonomyEntry } from '../taxonomy/find-taxonomy-entry.js';
import { greenTaxonomy } from '../taxonomy/green-taxonomy.js';
import { isEligibleUse } from '../taxonomy/is-eligible-use.js';
import { taxonomyCategories } from '../taxonomy/taxonomy-categories.js';
import { validateGreenTaxonomy } from '../taxonomy/validate-green-taxonomy.js';

describe('green taxonomy', () => {
  it('has the six top-level categories of the Green Bond Endorsed Projects Catalogue (2021), in order', () => {
    expect(taxonomyCategories().map((c) => `${c.code} ${c.zh}`)).toEqual(['1 节能环保产业', '2 清洁生产产业', '3 清洁能源产业', '4 生态环境产业', '5 基础设施绿色升级', '6 绿色服务']);
  });

  it('lists the entries under each second-level category', () => {
    const cleanEnergy = taxonomyCategories().find((c) => c.code === '3')!.subcategories.find((s) => s.code === '3.2')!;
    expect(cleanEnergy.entries.map((e) => e.code)).toEqual(expect.arrayContaining(['3.2-wind_power', '3.2-solar_power']));
  });

  it('finds an entry with its catalogue, PBoC use, ICMA category and benefit measures resolved', () => {
    const wind = findTaxonomyEntry('3.2-wind_power')!;
    expect(wind).toMatchObject({
      zh: '风力发电设施建设和运营',
      category: { code: '3', zh: '清洁能源产业', en: 'Clean energy industry' },
      subcategory: { code: '3.2', zh: '清洁能源' },
      pbocLoanUse: { code: '3.2', zh: '清洁能源设施建设和运营' },
      icmaCategory: { code: 'renewable_energy', en: 'Renewable energy' },
      eligible: true,
      taxonomyVersion: greenTaxonomy.version,
    });
    expect(wind.measures.map((m) => `${m.code} ${m.unit}`)).toEqual(['standard_coal_saved_t t', 'co2e_reduced_t tCO2e', 'so2_reduced_t t', 'nox_reduced_t t']);
    expect(wind.sources.map((s) => s.id)).toContain('gbc2021');
  });

  it('covers the region’s projects: desertification control with 梭梭/肉苁蓉, water-saving irrigation, cement kiln co-processing', () => {
    expect(findTaxonomyEntry('4.2-desertification_control')!.regionalNote).toContain('肉苁蓉');
    expect(findTaxonomyEntry('1.4-water_saving_irrigation')!.measures.map((m) => m.code)).toEqual(['water_saved_m3']);
    expect(findTaxonomyEntry('1.5-cement_kiln_co_processing')!.category.zh).toBe('节能环保产业');
  });

  it('answers whether a use is eligible: unknown codes and uses removed from the catalogue are not', () => {
    expect(isEligibleUse('4.1-under_forest_economy')).toBe(true);
    expect(isEligibleUse('3.1-coal_clean_utilisation')).toBe(false);
    expect(isEligibleUse('9.9-casino')).toBe(false);
    expect(findTaxonomyEntry('9.9-casino')).toBeNull();
  });

  it('names every bilingual name and every measure of the seven the reports aggregate', () => {
    expect(greenTaxonomy.measures.map((m) => m.code)).toEqual(['standard_coal_saved_t', 'co2e_reduced_t', 'cod_reduced_t', 'nh3n_reduced_t', 'so2_reduced_t', 'nox_reduced_t', 'water_saved_m3']);
    for (const e of greenTaxonomy.entries) expect(e.zh && e.en).toBeTruthy();
  });

  it('refuses a table whose entry uses an unknown code, naming the field', () => {
    const json = JSON.parse(readFileSync(new URL('../../../taxonomy/green-taxonomy.json', import.meta.url), 'utf8'));
    json.entries[0].measures = ['noise_db'];
    expect(() => validateGreenTaxonomy(json)).toThrow(expect.objectContaining({ field: 'entries[0].measures[0]' }));
    json.entries[0].measures = [];
    json.entries[1].code = json.entries[0].code;
    expect(() => validateGreenTaxonomy(json)).toThrow(expect.objectContaining({ field: 'entries[1].code' }));
  });
});
