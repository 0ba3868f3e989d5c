// What identifies an asset of each type (its unique number) and which price series values it.
import type { AssetType } from '../../db/assets/asset.types.js';

type Details = Record<string, unknown>;
const text = (details: Details, key: string): string => String(details[key]);

/** Permit / certificate / contract number, unique within the type; carbon: account/kind/vintage. */
export const certificateNumberOf: Record<AssetType, (d: Details) => string> = {
  water_right: (d) => text(d, 'permitNumber'),
  forest_right: (d) => text(d, 'certificateNumber'),
  emission_right: (d) => text(d, 'permitNumber'),
  carbon: (d) => `${text(d, 'registryAccount')}/${text(d, 'kind')}/${text(d, 'vintage')}`,
  land_right: (d) => text(d, 'contractNumber'),
  gep_site: (d) => text(d, 'siteCode'),
  product_order: (d) => text(d, 'orderNumber'),
};

/** The field a duplicate number is reported on. */
export const certificateFieldOf: Record<AssetType, string> = {
  water_right: 'details.permitNumber',
  forest_right: 'details.certificateNumber',
  emission_right: 'details.permitNumber',
  carbon: 'details.registryAccount',
  land_right: 'details.contractNumber',
  gep_site: 'details.siteCode',
  product_order: 'details.orderNumber',
};

/** The market price series an asset is valued with (GEP sites carry their own unit prices). */
export const priceReferenceOf: Record<AssetType, (d: Details) => string | null> = {
  water_right: (d) => `water_lease:${text(d, 'basin')}`,
  forest_right: (d) => (d['forestType'] === 'timber' ? `timber:${text(d, 'species')}` : null),
  emission_right: (d) => `emission:${text(d, 'pollutant')}:${text(d, 'region')}`,
  carbon: (d) => `carbon:${text(d, 'kind')}`,
  land_right: (d) => `land_rent:${text(d, 'prefecture')}`,
  gep_site: () => null,
  product_order: () => null,
};
