import { errorStatus, type ErrorCode } from './error-codes.js';

export interface ErrorOptions {
  field?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The platform's one error type: a stable machine code, a message a person can read, the field at fault. */
export class AppError extends Error {
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(readonly code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.field = options.field;
    this.details = options.details;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): { error: { code: ErrorCode; message: string; field?: string; details?: Record<string, unknown> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (entity: string): AppError => new AppError('NOT_FOUND', `${entity} not found`);
export const forbidden = (permission: string): AppError =>
  new AppError('FORBIDDEN', `this action needs the permission ${permission}`, { details: { permission } });
