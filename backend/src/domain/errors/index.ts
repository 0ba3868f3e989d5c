export { AppError, notFound, forbidden, type ErrorOptions } from './app-error.js';
export { errorStatus, type ErrorCode } from './error-codes.js';
