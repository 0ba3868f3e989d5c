// Valuation of pledged ecological assets: one operation per file, exported here.
export { valueAsset } from './value-asset.js';
export { stressPortfolio } from './stress-portfolio.js';
export { validateValuationRequest } from './validation/validate-valuation-request.js';
export { validateValuationConfig } from './validation/validate-valuation-config.js';
export { validateStressInput } from './validation/validate-stress-input.js';
export { defaultValuationConfig } from './default-valuation-config.js';
export { ValuationInputError } from './valuation-input-error.js';
export { deriveAgeClass } from './forest/derive-age-class.js';
export { growingAnnuityFactor } from './discounting/growing-annuity-factor.js';
export type {
  AgeClass,
  AgeClassBounds,
  AssetType,
  AssetTypeConfig,
  CarbonKind,
  CarbonKindConfig,
  CarbonRequest,
  CarbonSinkAddOn,
  CommonRequestFields,
  ConfidenceGrade,
  DataQuality,
  EcosystemService,
  EmissionRightRequest,
  ForestRightRequest,
  ForestType,
  GepSiteRequest,
  Haircuts,
  LandRightRequest,
  Pledge,
  Pollutant,
  SensitivityCase,
  SensitivitySteps,
  StressedPledge,
  StressedScenario,
  StressResult,
  StressScenario,
  StressShock,
  Thinning,
  ValuationConfig,
  ValuationInputRecord,
  ValuationInputSource,
  ValuationRequest,
  ValuationResult,
  ValuationWarning,
  ValueType,
  WaterRightRequest,
} from './types.js';
