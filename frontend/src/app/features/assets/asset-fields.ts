import { AssetType } from './assets.models';

export type FieldKind = 'text' | 'number' | 'date' | 'select' | 'json' | 'boolean';

/** One input of the registration form; `key` is the field of `details` (schemas/api/assets/details). */
export interface AssetField {
  key: string;
  kind: FieldKind;
  required: boolean;
  options?: readonly string[];
}

const text = (key: string, required = true): AssetField => ({ key, kind: 'text', required });
const num = (key: string, required = true): AssetField => ({ key, kind: 'number', required });
const date = (key: string, required = true): AssetField => ({ key, kind: 'date', required });
const select = (key: string, options: readonly string[]): AssetField => ({ key, kind: 'select', required: true, options });

/** The form of each asset type, in the order shown. */
export const ASSET_FIELDS: Readonly<Record<AssetType, readonly AssetField[]>> = {
  water_right: [
    text('permitNumber'), text('basin'), select('waterSource', ['surface', 'groundwater']),
    select('useType', ['agricultural', 'industrial', 'domestic', 'ecological']),
    num('permittedAnnualVolumeM3'), num('allocatedAnnualVolumeM3'), date('validFrom'), date('validUntil'),
  ],
  forest_right: [
    text('certificateNumber'), text('location'), num('areaHa'), text('species'), select('origin', ['natural', 'planted']),
    select('forestType', ['timber', 'economic', 'bamboo', 'land']), num('standAgeYears'), num('rotationAgeYears'),
    num('stockVolumeM3'), date('rightValidUntil'), num('annualNetIncomeFenPerHa', false),
  ],
  emission_right: [text('permitNumber'), select('pollutant', ['COD', 'NH3-N', 'SO2', 'NOx']), text('region'), num('tonnes'), date('validUntil')],
  carbon: [text('registryAccount'), select('kind', ['CEA', 'CCER', 'forestry']), num('vintage'), num('quantityTco2e'), text('projectName', false)],
  land_right: [text('contractNumber'), text('prefecture'), text('location'), num('areaMu'), date('termStart'), date('termEnd'), text('landUse', false)],
  gep_site: [
    text('siteCode'), text('location'), num('areaHa'), { key: 'cashFlowBacked', kind: 'boolean', required: true },
    date('contractUntil', false), { key: 'services', kind: 'json', required: true },
  ],
  // Issue 14: a purchase order / receivable for ecological products; the buyer confirms it before it can be pledged.
  product_order: [
    text('orderNumber'), text('buyerName'), text('buyerSubjectId', false), text('buyerInstitutionId', false), text('product'), text('catalogueCode'),
    num('quantity'), text('unit'), num('amountFen'), date('deliveryDate'), date('paymentDate'),
  ],
};

/** Turns the form's text values into the `details` the API expects: numbers, booleans, parsed JSON; blanks dropped. */
export function detailsFromForm(assetType: AssetType, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const field of ASSET_FIELDS[assetType]) {
    const raw = values[field.key];
    if (raw === undefined || raw === null || raw === '') continue;
    if (field.kind === 'number') details[field.key] = Number(raw);
    else if (field.kind === 'boolean') details[field.key] = raw === true || raw === 'true';
    else if (field.kind === 'json') details[field.key] = typeof raw === 'string' ? JSON.parse(raw) : raw;
    else details[field.key] = String(raw).trim();
  }
  return details;
}
