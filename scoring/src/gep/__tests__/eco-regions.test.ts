import { ecoRegions, validateEcoRegions } from '../eco-regions.js';
import { GepInputError } from '../gep-input-error.js';

describe('the regions of the catalogue and of GEP accounting', () => {
  it('list the 14 prefecture-level divisions of Xinjiang and every county under one of them', () => {
    const prefectures = ecoRegions.regions.filter((r) => r.level === 'prefecture');
    expect(prefectures).toHaveLength(14);
    expect(ecoRegions.regions.find((r) => r.name === '和静县')).toEqual({ name: '和静县', nameEn: 'Hejing County', level: 'county', prefecture: '巴音郭楞蒙古自治州' });
  });

  it('refuse a county under a prefecture that is not listed, and a name listed twice', () => {
    const base = { version: 't', source: 's', regions: [{ name: '阿克苏地区', nameEn: 'Aksu', level: 'prefecture', prefecture: null }] };
    expect(() => validateEcoRegions({ ...base, regions: [...base.regions, { name: '某县', nameEn: 'X', level: 'county', prefecture: '某州' }] }))
      .toThrow(new GepInputError('eco regions: 某县 must name a listed prefecture exactly when it is a county', 'regions[1].prefecture'));
    expect(() => validateEcoRegions({ ...base, regions: [...base.regions, base.regions[0]] })).toThrow(new GepInputError('eco regions: 阿克苏地区 appears twice', 'regions[1].name'));
  });
});
