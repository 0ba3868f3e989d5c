import { isSupportedLanguage, textDirection } from './languages';

describe('languages', () => {
  it('knows the text direction of a language', () => {
    expect(textDirection('zh-CN')).toBe('ltr');
    expect(textDirection('en')).toBe('ltr');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ug-CN')).toBe('rtl');
  });

  it('accepts only shipped languages', () => {
    expect(isSupportedLanguage('zh-CN')).toBe(true);
    expect(isSupportedLanguage('en')).toBe(true);
    expect(isSupportedLanguage('fr')).toBe(false);
    expect(isSupportedLanguage(null)).toBe(false);
  });
});
