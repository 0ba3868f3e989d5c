import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { productCertificateModel, type certificateStates, type certificationSchemes } from './product-certificate.schema.js';

export type CertificationScheme = (typeof certificationSchemes)[number];
export type CertificateState = (typeof certificateStates)[number];

export interface ProductCertificate {
  id: string;
  certificateNumber: string;
  scheme: CertificationScheme;
  certifierInstitutionId: string;
  producerSubjectId: string;
  productName: string;
  scope: string;
  validFrom: string;
  validUntil: string;
  documents: { id: string; filename: string; sha256: string }[];
  state: CertificateState;
  revocation: { reason: string; at: Date; by: { userId: string; username: string } } | null;
  issuedBy: { userId: string; username: string };
  createdAt: Date;
  updatedAt: Date;
}

export type NewCertificate = Omit<ProductCertificate, 'id' | 'state' | 'revocation' | 'createdAt' | 'updatedAt'>;

/** Whose certificates a caller reads: a certifier's own, a producer's own, or all (platform readers). */
export type CertificateScope = { kind: 'certifier'; institutionId: string } | { kind: 'producer'; subjectId: string } | { kind: 'all' };

function scopeFilter(scope: CertificateScope): Record<string, unknown> {
  if (scope.kind === 'certifier') return { certifierInstitutionId: scope.institutionId };
  if (scope.kind === 'producer') return { producerSubjectId: scope.subjectId };
  return {};
}

const toCertificate = (doc: unknown): ProductCertificate => withId(doc as { _id: unknown }) as unknown as ProductCertificate;

export class ProductCertificateRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = productCertificateModel(connection);
  }

  /** Inserts an ACTIVE certificate; undefined when the number is already taken. */
  async insert(data: NewCertificate): Promise<ProductCertificate | undefined> {
    try {
      return toCertificate((await this.model.create({ ...data, state: 'ACTIVE', revocation: null })).toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(scope: CertificateScope, id: string): Promise<ProductCertificate | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...scopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toCertificate(doc) : undefined;
  }

  async list(scope: CertificateScope, page: PageRequest): Promise<Page<ProductCertificate>> {
    const query = scopeFilter(scope);
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toCertificate), total };
  }

  /** Compare-and-set on the state (ACTIVE → REVOKED), within the certifier's own certificates. */
  async transition(scope: CertificateScope, id: string, from: readonly CertificateState[], set: Record<string, unknown>): Promise<ProductCertificate | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOneAndUpdate({ ...scopeFilter(scope), _id: objectId(id), state: { $in: [...from] } }, { $set: set }, { returnDocument: 'after' }).lean();
    return doc ? toCertificate(doc) : undefined;
  }
}
