import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import basinsJson from '@eco/scoring/config/pilot-basins.json' with { type: 'json' };
import basinsSchema from '@eco/schemas/compensation/pilot-basins.schema.json' with { type: 'json' };
import { CompensationInputError } from './compensation-input-error.js';

export interface BasinRegion { region: string; regionZh: string }
export interface Basin {
  code: string;
  nameZh: string;
  nameEn: string;
  upstream: BasinRegion;
  downstream: BasinRegion;
  sections: { code: string; nameZh: string; nameEn: string }[];
}
export interface PilotBasins { version: string; source: string; basins: Basin[] }

const validate = new Ajv2020({ strict: true }).compile(basinsSchema) as ValidateFunction<PilotBasins>;

/** The six pilot basins as data (scoring/config/pilot-basins.json), validated at load. */
export const pilotBasins: PilotBasins = (() => {
  if (!validate(basinsJson)) throw new CompensationInputError(`pilot basins: ${validate.errors?.[0]?.message ?? 'invalid'}`, 'basins');
  return basinsJson;
})();
