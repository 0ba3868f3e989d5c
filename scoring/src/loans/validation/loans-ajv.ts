import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import scheduleRequestSchema from '@eco/schemas/loans/schedule-request.schema.json' with { type: 'json' };
import repaymentSchema from '@eco/schemas/loans/repayment.schema.json' with { type: 'json' };
import pricingSchema from '@eco/schemas/loans/loan-pricing-config.schema.json' with { type: 'json' };
import taxonomySchema from '@eco/schemas/loans/green-taxonomy.schema.json' with { type: 'json' };
import scheduleSchema from '@eco/schemas/loans/repayment-schedule.schema.json' with { type: 'json' };

const addFormats = addFormatsModule.default;

/** The one ajv instance of the loan schemas, strict, first error only, built once at module load. */
export const loansAjv = new Ajv2020({ strict: true, allErrors: false, discriminator: true });
addFormats(loansAjv);
loansAjv.addSchema([scheduleRequestSchema, repaymentSchema, pricingSchema, taxonomySchema, scheduleSchema]);
