// The ajv validators of the points schemas, compiled once when this module loads.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ruleSetSchema from '@eco/schemas/points/rule-set.schema.json' with { type: 'json' };
import evidenceSchema from '@eco/schemas/points/evidence.schema.json' with { type: 'json' };
import populationSchema from '@eco/schemas/points/population.schema.json' with { type: 'json' };

const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats.default(ajv);
ajv.addSchema(evidenceSchema);

export const ruleSetValidator: ValidateFunction = ajv.compile(ruleSetSchema);
export const evidenceValidator: ValidateFunction = ajv.getSchema(evidenceSchema.$id)!;
export const populationValidator: ValidateFunction = ajv.compile(populationSchema);
