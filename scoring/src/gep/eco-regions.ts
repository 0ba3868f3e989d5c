import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import regionsJson from '@eco/scoring/config/eco-regions.json' with { type: 'json' };
import regionsSchema from '@eco/schemas/gep/eco-regions.schema.json' with { type: 'json' };
import { GepInputError } from './gep-input-error.js';

export interface EcoRegion { name: string; nameEn: string; level: 'prefecture' | 'county'; prefecture: string | null }
export interface EcoRegions { version: string; source: string; regions: EcoRegion[] }

const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(regionsSchema) as ValidateFunction<EcoRegions>;

/** Checks a regions list against schemas/gep/eco-regions.schema.json: unique names, each county under a listed prefecture. */
export function validateEcoRegions(input: unknown): EcoRegions {
  if (!validate(input)) throw new GepInputError(`eco regions: ${validate.errors?.[0]?.instancePath ?? ''} ${validate.errors?.[0]?.message ?? 'invalid'}`, 'regions');
  const prefectures = new Set(input.regions.filter((r) => r.level === 'prefecture').map((r) => r.name));
  const names = new Set<string>();
  input.regions.forEach((r, i) => {
    if (names.has(r.name)) throw new GepInputError(`eco regions: ${r.name} appears twice`, `regions[${i}].name`);
    names.add(r.name);
    if ((r.level === 'county') !== (r.prefecture !== null) || (r.prefecture !== null && !prefectures.has(r.prefecture))) {
      throw new GepInputError(`eco regions: ${r.name} must name a listed prefecture exactly when it is a county`, `regions[${i}].prefecture`);
    }
  });
  return input;
}

/** The regions of the catalogue and of GEP accounting (scoring/config/eco-regions.json), validated at load. */
export const ecoRegions: EcoRegions = validateEcoRegions(regionsJson);
