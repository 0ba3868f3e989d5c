import { EnvironmentProviders, importProvidersFrom } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../public/i18n/en.json';
import zhCN from '../../public/i18n/zh-CN.json';

/** Transloco with the real translation files, preloaded, for unit tests. */
export function provideTranslocoTesting(lang: 'en' | 'zh-CN' = 'en'): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: { en, 'zh-CN': zhCN },
      translocoConfig: {
        availableLangs: ['zh-CN', 'en'],
        defaultLang: lang,
        fallbackLang: 'zh-CN',
        reRenderOnLangChange: true,
        missingHandler: { logMissingKey: false },
      },
      preloadLangs: true,
    }),
  );
}
