import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { TranslatedPaginatorIntl } from '../../../core/i18n/paginator-intl';
import { provideTranslocoTesting } from '../../../../testing/transloco-testing';
import { InstitutionsPage } from './institutions.page';

describe('InstitutionsPage', () => {
  it('lists a page of institutions with translated types and pages on', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslocoTesting('en'),
        provideAppIcons(),
        { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(InstitutionsPage);
    await fixture.whenStable();
    http.expectOne('/api/institutions?limit=20&offset=0').flush({
      items: [
        {
          id: '1',
          name: '新疆农村信用社',
          type: 'bank',
          region: '乌鲁木齐',
          code: '91650000MA7XXXXXX1',
          createdAt: '2026-11-29T06:00:00Z',
        },
      ],
      total: 45,
    });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.textContent).toContain('新疆农村信用社');
    expect(el.textContent).toContain('Bank');
    expect(el.textContent).toContain('1–20 of 45');

    el.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')!.click();
    await fixture.whenStable();
    http.expectOne('/api/institutions?limit=20&offset=20').flush({ items: [], total: 45 });
    http.verify();
  });
});
