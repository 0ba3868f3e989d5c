import { localizedLabel, localizedUnit } from './localized-text';

describe('localized rule-set text', () => {
  const busRide = { label: 'Bus ride', labelI18n: { 'zh-CN': '公交出行' }, unit: 'ride', unitI18n: { 'zh-CN': '次' } };

  it('shows the Chinese label and unit when the UI speaks zh-CN', () => {
    expect(localizedLabel(busRide, 'zh-CN')).toBe('公交出行');
    expect(localizedUnit(busRide, 'zh-CN')).toBe('次');
  });

  it('falls back to the plain label and unit for a language the rule set does not carry', () => {
    expect(localizedLabel(busRide, 'en')).toBe('Bus ride');
    expect(localizedUnit(busRide, 'en')).toBe('ride');
  });

  it('uses the plain label when the rule set has no translations at all', () => {
    expect(localizedLabel({ label: 'Walking' }, 'zh-CN')).toBe('Walking');
  });
});
