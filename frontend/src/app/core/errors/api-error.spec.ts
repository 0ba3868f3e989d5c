import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorCode, toApiError } from './api-error';

describe('toApiError', () => {
  it('reads the API error body', () => {
    const err = new HttpErrorResponse({
      status: 400,
      error: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'must be string',
          field: 'name',
          details: { limit: 3 },
        },
      },
    });
    expect(toApiError(err)).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'must be string',
      field: 'name',
      details: { limit: 3 },
    });
    expect(apiErrorCode(err)).toBe('VALIDATION_FAILED');
  });

  it('maps a network failure to NETWORK', () => {
    const err = new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' });
    expect(toApiError(err).code).toBe('NETWORK');
    expect(apiErrorCode(err)).toBeNull();
  });

  it('maps a bare 5xx to INTERNAL and other bodies to UNKNOWN', () => {
    expect(toApiError(new HttpErrorResponse({ status: 502, error: '<html>' })).code).toBe(
      'INTERNAL',
    );
    expect(toApiError(new HttpErrorResponse({ status: 418, error: 'teapot' })).code).toBe(
      'UNKNOWN',
    );
  });

  it('passes an ApiError through and wraps plain errors', () => {
    const apiErr = { status: 404, code: 'NOT_FOUND', message: 'x' };
    expect(toApiError(apiErr)).toBe(apiErr);
    expect(toApiError(new Error('boom'))).toEqual({ status: 0, code: 'UNKNOWN', message: 'boom' });
  });
});
