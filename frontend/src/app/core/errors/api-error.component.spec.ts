import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideAppIcons } from '../icons/app-icons';
import { LanguageService } from '../i18n/language.service';
import { provideTranslocoTesting } from '../../../testing/transloco-testing';
import { ApiErrorComponent } from './api-error.component';

@Component({
  imports: [ApiErrorComponent],
  template: '<app-api-error [error]="error()" />',
})
class HostComponent {
  readonly error = signal<unknown>(null);
}

describe('ApiErrorComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTranslocoTesting('en'), provideAppIcons()] });
  });

  it('shows nothing without an error, and the translated message with one', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="api-error"]')).toBeNull();

    fixture.componentInstance.error.set(
      new HttpErrorResponse({
        status: 400,
        error: { error: { code: 'VALIDATION_FAILED', message: 'must be string', field: 'region' } },
      }),
    );
    await fixture.whenStable();
    const box = el.querySelector('[data-testid="api-error"]')!;
    expect(box.getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(box.getAttribute('role')).toBe('alert');
    expect(box.textContent).toContain('Some of the submitted data is not valid.');
    expect(box.textContent).toContain('Region');
  });

  it('re-translates when the language changes', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.error.set(
      new HttpErrorResponse({ status: 404, error: { error: { code: 'NOT_FOUND', message: 'x' } } }),
    );
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.textContent).toContain('The requested record does not exist.');

    await TestBed.inject(LanguageService).use('zh-CN');
    await fixture.whenStable();
    expect(el.textContent).toContain('请求的记录不存在。');
  });
});
