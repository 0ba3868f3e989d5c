import { requestInput } from '../request-input.js';
import type { AgeClass, ForestRightRequest, ValuationConfig, ValuationInputRecord, ValuationWarning } from '../types.js';
import { ValuationInputError } from '../valuation-input-error.js';
import { deriveAgeClass } from './derive-age-class.js';

/**
 * The age class of a timber stand: as stated in the request (with a warning when stand and
 * rotation age suggest another), else derived from them by the configured bounds. Records the
 * ageClass input and any warning.
 */
export function resolveAgeClass(request: ForestRightRequest, config: ValuationConfig, inputs: Record<string, ValuationInputRecord>, warnings: ValuationWarning[]): AgeClass {
  const { standAgeYears: age, rotationAgeYears: rotation } = request;
  const derived = age !== undefined && rotation !== undefined ? deriveAgeClass(age, rotation, config.forestAgeClasses.bounds) : null;
  if (request.ageClass) {
    inputs.ageClass = requestInput(request.ageClass, 'age class');
    if (derived && derived !== request.ageClass) {
      warnings.push({
        code: 'AGE_CLASS_MISMATCH',
        message: `ageClass ${request.ageClass} given, but age ${age} of rotation ${rotation} suggests ${derived}; the given class is used`,
        field: 'ageClass',
      });
    }
    return request.ageClass;
  }
  if (!derived) throw new ValuationInputError('a timber stand needs ageClass, or standAgeYears and rotationAgeYears to derive it', 'ageClass');
  inputs.ageClass = {
    value: derived,
    unit: 'age class',
    source: 'configuration',
    configPath: 'forestAgeClasses.bounds',
    note: `derived from stand age ${age} / rotation age ${rotation}`,
  };
  return derived;
}
