import { EnvironmentProviders, importProvidersFrom } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import assetsEn from '../../../../public/i18n/assets/en.json';
import en from '../../../../public/i18n/en.json';

/** Transloco for the asset pages' specs: the root and the `assets` scope's English files, preloaded. */
export function provideAssetsTranslocoTesting(): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: { en: { ...en, assets: assetsEn } },
      translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
      preloadLangs: true,
    }),
  );
}
