import { EnvironmentProviders, importProvidersFrom } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../../public/i18n/en.json';
import pointsEn from '../../../../public/i18n/points/en.json';
import pointsZh from '../../../../public/i18n/points/zh-CN.json';
import zhCN from '../../../../public/i18n/zh-CN.json';

/** Transloco with the root files plus the points scope (as `points.*`), for the points specs. */
export function providePointsTranslocoTesting(lang: 'en' | 'zh-CN' = 'en'): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: { en: { ...en, points: pointsEn }, 'zh-CN': { ...zhCN, points: pointsZh } },
      translocoConfig: { availableLangs: ['zh-CN', 'en'], defaultLang: lang, fallbackLang: 'zh-CN', missingHandler: { logMissingKey: false } },
      preloadLangs: true,
    }),
  );
}
