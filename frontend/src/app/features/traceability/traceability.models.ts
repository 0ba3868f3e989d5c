export type CertificateValidity = 'valid' | 'expired' | 'not_yet_valid' | 'revoked';
export type StepType = 'harvest' | 'processing' | 'inspection' | 'transport' | 'sale';

export interface TraceStep {
  seq: number;
  type: StepType;
  performedAt: string;
  location: string;
  description: string;
  quantity: number | null;
  prevHash: string;
  hash: string;
  performerName: string;
  performerKind: 'institution' | 'subject';
  signatureValid: boolean;
  hashValid: boolean;
  linkValid: boolean;
  documents: { filename: string; sha256: string }[];
}

export interface TraceView {
  batch: { id: string; code: string; productName: string; quantity: number; unit: string; createdAt: string; producerName: string; origin: { assetId: string; assetType: string; assetName: string; certificateNumber: string } };
  certificate: { certificateNumber: string; scheme: string; productName: string; scope: string; validFrom: string; validUntil: string; validity: CertificateValidity; valid: boolean; certifierName: string } | null;
  chain: TraceStep[];
  verification: { ok: boolean; checked: number; firstBroken: { seq: number; reason: string } | null };
  checkedOn: string;
}

export interface Certificate {
  id: string;
  certificateNumber: string;
  scheme: string;
  producerSubjectId: string;
  productName: string;
  scope: string;
  validFrom: string;
  validUntil: string;
  state: 'ACTIVE' | 'REVOKED';
  validity: CertificateValidity;
  valid: boolean;
  certifierName: string;
  producerName: string;
  documents: { id: string; filename: string; sha256: string }[];
}

export interface Batch {
  id: string;
  code: string;
  productName: string;
  quantity: number;
  unit: string;
  certificateId: string;
  head: { seq: number; hash: string };
  origin: { assetName: string };
}

export const SCHEMES = ['xinjiang_quality', 'national_eco_product', 'organic', 'green_food', 'geographical_indication'] as const;
export const STEP_TYPES: readonly StepType[] = ['harvest', 'processing', 'inspection', 'transport', 'sale'];
