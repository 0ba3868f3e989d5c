import { exact, exactCompare } from '../../money/index.js';
import { exactFromDecimal } from '../../money/index.js';
import type { AgeClass, AgeClassBounds } from '../types.js';

const ORDER: (keyof AgeClassBounds)[] = ['young', 'middle', 'near_mature', 'mature'];

/**
 * Age class of a timber stand from its age relative to the rotation age: a stand is `young` while
 * standAge / rotationAge < bounds.young, `middle` below bounds.middle, `near_mature` below
 * bounds.near_mature, `mature` below bounds.mature and `over_mature` beyond (bounds are configuration).
 */
export function deriveAgeClass(standAgeYears: number, rotationAgeYears: number, bounds: AgeClassBounds): AgeClass {
  const share = exact(BigInt(standAgeYears), BigInt(rotationAgeYears));
  const found = ORDER.find((ageClass) => exactCompare(share, exactFromDecimal(bounds[ageClass])) < 0);
  return found ?? 'over_mature';
}
