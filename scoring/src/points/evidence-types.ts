// Evidence: subjects, events and indicator values (schemas/points/evidence.schema.json, population.schema.json).
import type { IsoDate, SubjectType } from './rule-set-types.js';

export interface Subject {
  id: string;
  type: SubjectType;
  /** Industry code, used to pick the carbon-intensity benchmark. */
  industry?: string;
  region?: string;
}

/** Provenance of one data point: which system, which document. */
export interface EvidenceRef {
  source: string;
  documentId: string;
}

export interface PointsEvent {
  id: string;
  type: string;
  occurredOn: IsoDate;
  quantity: number;
  evidence?: EvidenceRef;
  /** Events reported by several partners for the same behaviour share a key and count once. */
  dedupKey?: string;
}

export type IndicatorValue = number | boolean | { current: number; previous: number };

export interface IndicatorInput {
  indicatorId: string;
  value: IndicatorValue;
  evidence?: EvidenceRef;
}

export interface Evidence {
  events?: PointsEvent[];
  indicators?: IndicatorInput[];
}

export interface SubjectEvidence extends Evidence {
  subject: Subject;
}

export interface Population {
  subjects: SubjectEvidence[];
}
