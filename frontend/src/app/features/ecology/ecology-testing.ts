import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Directive, importProvidersFrom, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { NgxEchartsDirective } from 'ngx-echarts';
import ecologyEn from '../../../../public/i18n/ecology/en.json';
import en from '../../../../public/i18n/en.json';
import { AuthService } from '../../core/auth/auth.service';
import { provideAppIcons } from '../../core/icons/app-icons';
import { CatalogueEntryPage } from './catalogue-entry.page';
import { CompensationPage } from './compensation.page';

/** jsdom has no canvas: the chart directive is replaced by one that only takes the options. */
@Directive({ selector: '[echarts]' })
export class ChartStub {
  readonly options = input<unknown>();
}

/** The ecology pages' test bed: English texts, the given permissions, HTTP testing, charts stubbed. */
export function setUpEcology(permissions: string[]): HttpTestingController {
  for (const page of [CompensationPage, CatalogueEntryPage]) TestBed.overrideComponent(page, { remove: { imports: [NgxEchartsDirective] }, add: { imports: [ChartStub] } });
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, ecology: ecologyEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      { provide: AuthService, useValue: { permissions: () => new Set(permissions), user: () => ({ id: 'u1' }) } },
    ],
  });
  return TestBed.inject(HttpTestingController);
}
