import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideTranslocoTesting } from '../../../testing/transloco-testing';
import { API_ERROR_CODES } from './api-error';
import { ErrorMessageService, joinSentences } from './error-message.service';
import en from '../../../../public/i18n/en.json';
import zhCN from '../../../../public/i18n/zh-CN.json';

const httpError = (status: number, code: string, message: string, extra: object = {}) =>
  new HttpErrorResponse({ status, error: { error: { code, message, ...extra } } });

describe('ErrorMessageService', () => {
  let service: ErrorMessageService;
  let transloco: TranslocoService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTranslocoTesting('en')] });
    service = TestBed.inject(ErrorMessageService);
    transloco = TestBed.inject(TranslocoService);
  });

  it('has a translated message for every API error code in both languages', () => {
    for (const code of [...API_ERROR_CODES, 'NETWORK', 'UNKNOWN']) {
      expect((en.errors.codes as Record<string, string>)[code]).toBeTruthy();
      expect((zhCN.errors.codes as Record<string, string>)[code]).toBeTruthy();
    }
  });

  it('translates by code rather than showing the server text', () => {
    const d = service.describe(httpError(401, 'AUTH_INVALID_CREDENTIALS', 'invalid credentials'));
    expect(d.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(d.text).toBe('Incorrect username or password.');
  });

  it('names the field, translated when known', () => {
    const d = service.describe(httpError(409, 'DUPLICATE', 'code taken', { field: 'code' }));
    expect(d.fieldLabel).toBe('Code');
    expect(d.text).toBe('A record with the same value already exists. (field: Code)');

    const pointer = service.describe(httpError(400, 'VALIDATION_FAILED', 'bad', { field: '/displayName' }));
    expect(pointer.fieldLabel).toBe('Display name');

    const unknown = service.describe(httpError(400, 'VALIDATION_FAILED', 'bad', { field: 'wibble' }));
    expect(unknown.fieldLabel).toBe('wibble');
  });

  it('tells a locked user when to try again', () => {
    const d = service.describe(
      httpError(423, 'AUTH_LOCKED', 'locked', { details: { retryAfterSeconds: 290 } }),
    );
    expect(d.text).toBe(
      'This account is temporarily locked after repeated failed sign-ins. Try again in 5 min.',
    );
  });

  it('falls back to the server message for unknown codes', () => {
    const d = service.describe(httpError(400, 'LOAN_LIMIT_EXCEEDED', 'Loan exceeds the limit'));
    expect(d.text).toBe('Loan exceeds the limit');
  });

  it('explains network failures', () => {
    const d = service.describe(new HttpErrorResponse({ status: 0 }));
    expect(d.code).toBe('NETWORK');
    expect(d.text).toContain('Cannot reach the server');
  });

  it('speaks Chinese when the language is zh-CN', () => {
    transloco.setActiveLang('zh-CN');
    const d = service.describe(httpError(403, 'FORBIDDEN', 'forbidden'));
    expect(d.text).toBe('您没有执行此操作的权限。');
    const f = service.describe(httpError(409, 'DUPLICATE', 'dup', { field: 'username' }));
    expect(f.text).toBe('已存在相同的记录。（字段：用户名）');
    const locked = service.describe(
      httpError(423, 'AUTH_LOCKED', 'locked', { details: { retryAfterSeconds: 900 } }),
    );
    expect(locked.text).toBe('该账户因多次登录失败已被临时锁定。请在 15 分钟后重试。');
  });
});

describe('joinSentences', () => {
  it('spaces Latin sentences and not CJK ones', () => {
    expect(joinSentences('Locked.', 'Try again.')).toBe('Locked. Try again.');
    expect(joinSentences('已锁定。', '请稍后重试。')).toBe('已锁定。请稍后重试。');
    expect(joinSentences('已存在', '（字段：代码）')).toBe('已存在（字段：代码）');
    expect(joinSentences('', 'x')).toBe('x');
  });
});
