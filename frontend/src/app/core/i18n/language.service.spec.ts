import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideTranslocoTesting } from '../../../testing/transloco-testing';
import { Directionality } from '@angular/cdk/bidi';
import { LanguageService } from './language.service';
import * as languages from './languages';

describe('LanguageService', () => {
  let language: LanguageService;
  let transloco: TranslocoService;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
    document.documentElement.dir = '';
    TestBed.configureTestingModule({ providers: [provideTranslocoTesting('zh-CN')] });
    language = TestBed.inject(LanguageService);
    transloco = TestBed.inject(TranslocoService);
  });

  it('starts in zh-CN and sets <html lang> and dir', async () => {
    await language.init();
    expect(language.lang()).toBe('zh-CN');
    expect(transloco.getActiveLang()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('toggles to en and back, remembering the choice', async () => {
    await language.init();
    expect(language.next().id).toBe('en');
    await language.toggle();
    expect(language.lang()).toBe('en');
    expect(transloco.translate('layout.logout')).toBe('Sign out');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('eco.lang')).toBe('en');
    await language.toggle();
    expect(language.lang()).toBe('zh-CN');
    expect(transloco.translate('layout.logout')).toBe('退出登录');
  });

  it('tells Material the text direction (for a future right-to-left language)', async () => {
    const directionality = TestBed.inject(Directionality);
    const changes: string[] = [];
    directionality.change.subscribe((d) => changes.push(d));
    await language.init();
    expect(directionality.value).toBe('ltr');
    // Simulate what switching to an RTL language does, via the same code path.
    jest.spyOn(languages, 'isSupportedLanguage').mockReturnValue(true);
    await language.use('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(directionality.value).toBe('rtl');
    expect(changes).toEqual(['rtl']);
  });

  it('restores the remembered language at start-up', async () => {
    localStorage.setItem('eco.lang', 'en');
    await language.init();
    expect(language.lang()).toBe('en');
  });

  it('ignores unknown languages', async () => {
    localStorage.setItem('eco.lang', 'xx');
    await language.init();
    expect(language.lang()).toBe('zh-CN');
    await language.use('fr');
    expect(language.lang()).toBe('zh-CN');
  });
});
