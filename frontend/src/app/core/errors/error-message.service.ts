import { Injectable, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

type HashMap = Record<string, unknown>;
import { ApiError, toApiError } from './api-error';
import { fieldName } from './form-errors';

/** Joins two sentences: no space after CJK punctuation or before a full-width bracket. */
export function joinSentences(first: string, second: string): string {
  if (!first) return second;
  if (!second) return first;
  const cjkEnd = /[\u3000-\u303f\uff00-\uffef]$/.test(first);
  const cjkStart = /^[\u3000-\u303f\uff00-\uffef]/.test(second);
  return cjkEnd || cjkStart ? `${first}${second}` : `${first} ${second}`;
}

/** What a person needs to read about a failed request. */
export interface ErrorDescription {
  code: string;
  /** Translated, readable sentence (falls back to the server's own message). */
  message: string;
  /** Translated name of the offending field, when the API named one. */
  fieldLabel: string | null;
  /** `message` plus the field, ready for a snackbar. */
  text: string;
}

/** Turns an API error into a translated, readable message: one sentence per error code. */
@Injectable({ providedIn: 'root' })
export class ErrorMessageService {
  private readonly transloco = inject(TranslocoService);

  describe(err: unknown): ErrorDescription {
    const error = toApiError(err);
    const params = this.params(error);
    const byCode = this.translateIfPresent(`errors.codes.${error.code}`, params);
    const message =
      byCode ?? (error.message || this.translateIfPresent('errors.codes.UNKNOWN', params) || error.code);
    const retry =
      params['minutes'] !== undefined && (error.code === 'AUTH_LOCKED' || error.code === 'RATE_LIMITED')
        ? this.translateIfPresent('errors.retryAfter', params)
        : null;
    const fullMessage = retry ? joinSentences(message, retry) : message;
    const fieldLabel = error.field ? this.fieldLabel(error.field) : null;
    const text = fieldLabel
      ? joinSentences(
          fullMessage,
          this.translateIfPresent('errors.field', { field: fieldLabel }) ?? `(${fieldLabel})`,
        )
      : fullMessage;
    return { code: error.code, message: fullMessage, fieldLabel, text };
  }

  /** Shorthand for `describe(err).text`. */
  message(err: unknown): string {
    return this.describe(err).text;
  }

  /** `fields.<name>` when translated, else the field name as the API sent it. */
  fieldLabel(field: string): string {
    return this.translateIfPresent(`fields.${fieldName(field)}`) ?? field;
  }

  private params(error: ApiError): HashMap {
    const params: HashMap = { field: error.field ?? '' };
    const retryAfter = error.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > 0) {
      params['seconds'] = Math.ceil(retryAfter);
      params['minutes'] = Math.max(1, Math.ceil(retryAfter / 60));
    }
    return params;
  }

  private translateIfPresent(key: string, params?: HashMap): string | null {
    const value = this.transloco.translate<unknown>(key, params);
    return typeof value === 'string' && value !== key && value !== '' ? value : null;
  }
}
