import type { AssetType, SensitivitySteps, ValuationConfig } from './types.js';

/** The sensitivity steps for an asset type: the configured defaults with the type's overrides. */
export function effectiveSensitivity(config: ValuationConfig, assetType: AssetType): SensitivitySteps {
  return { ...config.sensitivity, ...config.assetTypes[assetType].sensitivity };
}
