import { HttpErrorResponse } from '@angular/common/http';

/** Stable machine codes the API answers with (see the error body contract). */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'AUTH_REQUIRED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_LOCKED',
  'AUTH_TOKEN_EXPIRED',
  'AUTH_TOKEN_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Client-side codes for failures that never reached a well-formed API answer. */
export type ClientErrorCode = 'NETWORK' | 'UNKNOWN';

/** The API's error body: `{"error": {"code", "message", "field", "details"}}`. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    details?: Record<string, unknown>;
  };
}

/** An error normalised for display, whatever shape it arrived in. */
export interface ApiError {
  status: number;
  code: ApiErrorCode | ClientErrorCode | string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const inner = (body as { error?: unknown }).error;
  return (
    typeof inner === 'object' &&
    inner !== null &&
    typeof (inner as { code?: unknown }).code === 'string'
  );
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).status === 'number' &&
    !(value instanceof HttpErrorResponse)
  );
}

/** Turns anything thrown by HttpClient (or elsewhere) into an {@link ApiError}. */
export function toApiError(err: unknown): ApiError {
  if (isApiError(err)) return err;
  if (err instanceof HttpErrorResponse) {
    if (isApiErrorBody(err.error)) {
      const { code, message, field, details } = err.error.error;
      return {
        status: err.status,
        code,
        message: typeof message === 'string' ? message : '',
        ...(typeof field === 'string' && field ? { field } : {}),
        ...(details && typeof details === 'object' ? { details } : {}),
      };
    }
    if (err.status === 0) {
      return { status: 0, code: 'NETWORK', message: err.message };
    }
    return {
      status: err.status,
      code: err.status >= 500 ? 'INTERNAL' : 'UNKNOWN',
      message: err.statusText || err.message,
    };
  }
  const message = err instanceof Error ? err.message : String(err ?? '');
  return { status: 0, code: 'UNKNOWN', message };
}

/** The machine code of an HTTP failure, or null when the body is not an API error. */
export function apiErrorCode(err: unknown): string | null {
  if (err instanceof HttpErrorResponse && isApiErrorBody(err.error)) {
    return err.error.error.code;
  }
  return null;
}
