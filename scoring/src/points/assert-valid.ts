import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { PointsInputError } from './points-input-error.js';

function pathOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  return child === undefined ? error.instancePath : `${error.instancePath}/${child}`;
}

/** Runs a validator and throws the first error with its path. */
export function assertValid<T>(validator: ValidateFunction, json: unknown, what: string): T {
  if (validator(json)) return json as T;
  const first = validator.errors?.[0];
  if (!first) throw new PointsInputError(`${what} is invalid`, '');
  const detail = first.params && 'additionalProperty' in first.params ? ` (${String(first.params.additionalProperty)})` : '';
  throw new PointsInputError(`${what}: ${first.message ?? 'is invalid'}${detail}`, pathOf(first));
}
