// Each event of a partner batch is checked on its own (schemas/api/points/partner-event.json), so a
// batch reports its invalid events one by one (index, field, reason) and keeps the valid ones.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import eventSchema from '@eco/schemas/api/points/partner-event.json' with { type: 'json' };

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(eventSchema);

export interface PartnerEvent {
  partnerEventId: string;
  subjectId: string;
  type: string;
  occurredAt: string;
  quantity: number;
  evidenceRef?: string;
}

export interface EventProblem {
  index: number;
  field: string;
  reason: string;
  partnerEventId?: string | undefined;
}

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.split('/').slice(1);
  if (error.keyword === 'required') path.push(String(error.params['missingProperty']));
  if (error.keyword === 'additionalProperties') path.push(String(error.params['additionalProperty']));
  return path.join('.');
}

function reasonOf(error: ErrorObject, field: string): string {
  if (error.keyword === 'required') return `${field} is required`;
  if (error.keyword === 'additionalProperties') return `${field} is not a known field`;
  return `${field} ${error.message ?? 'is invalid'}`;
}

/** The event's shape, or the first problem with it. */
export function checkEventShape(value: unknown, index: number): { event: PartnerEvent } | { problem: EventProblem } {
  if (validate(value)) return { event: value as unknown as PartnerEvent };
  const error = validate.errors![0]!;
  const field = fieldOf(error);
  const partnerEventId = typeof (value as { partnerEventId?: unknown }).partnerEventId === 'string' ? (value as { partnerEventId: string }).partnerEventId : undefined;
  return { problem: { index, field: `events.${index}.${field}`, reason: reasonOf(error, field), partnerEventId } };
}
