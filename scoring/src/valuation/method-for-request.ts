import type { MethodValuation, ValuationConfig, ValuationRequest } from './types.js';
import { valueCarbon } from './value-carbon.js';
import { valueEmissionRight } from './value-emission-right.js';
import { valueForestRight } from './value-forest-right.js';
import { valueGepSite } from './value-gep-site.js';
import { valueLandRight } from './value-land-right.js';
import { valueWaterRight } from './value-water-right.js';

/** The valuation method of the request's asset type, with its inputs resolved. */
export function methodForRequest(request: ValuationRequest, config: ValuationConfig): MethodValuation {
  switch (request.assetType) {
    case 'water_right':
      return valueWaterRight(request, config);
    case 'forest_right':
      return valueForestRight(request, config);
    case 'emission_right':
      return valueEmissionRight(request);
    case 'carbon':
      return valueCarbon(request, config);
    case 'land_right':
      return valueLandRight(request, config);
    case 'gep_site':
      return valueGepSite(request, config);
  }
}
