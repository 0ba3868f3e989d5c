// Product certificates: a certifier institution certifies a producer's product (number, scheme,
// scope, validity, documents with SHA-256); revocation is a compare-and-set on ACTIVE; expiry is read
// from the date. Producers see their own certificates, certifiers theirs, platform readers all.
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { CertificateScope, CertificationScheme, ProductCertificate, ProductCertificateRepository } from '../../db/product-certificates/product-certificate.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import { chinaDate } from '../points/china-date.js';
import type { CertifiedProductionFeed } from './certified-production.js';
import { certificateStateMachine, certificateValidity, type CertificateValidity } from './certificate-state-machine.js';

export type Caller = Actor & { principal: Principal };

export interface CertificateInput {
  certificateNumber: string;
  scheme: CertificationScheme;
  producerSubjectId: string;
  productName: string;
  scope: string;
  validFrom: string;
  validUntil: string;
  documentIds: string[];
}

export type CertificateView = ProductCertificate & { validity: CertificateValidity; valid: boolean; certifierName: string; producerName: string };

export const userRef = (p: Principal) => ({ userId: p.userId, username: p.username });

/** The certificates a caller may read; undefined when none. */
export function certificateScopeOf(principal: Principal): CertificateScope | undefined {
  if (readsAllTenants(principal)) return { kind: 'all' };
  if (can(principal, 'certification.certify') && principal.institutionId) return { kind: 'certifier', institutionId: principal.institutionId };
  if (principal.subjectId) return { kind: 'producer', subjectId: principal.subjectId };
  return undefined;
}

export class CertificationService {
  constructor(
    private readonly deps: {
      certificates: ProductCertificateRepository;
      documents: DocumentService;
      institutions: InstitutionRepository;
      subjects: SubjectRepository;
      audit: AuditTrail;
      clock: Clock;
      /** Feeds the producer's certified production to the enterprise points engine. */
      certifiedProduction: CertifiedProductionFeed;
    },
  ) {}

  today(): string {
    return chinaDate(this.deps.clock.now());
  }

  /** Enterprises and organisations a certifier can certify. */
  async producers(): Promise<{ id: string; name: string; code: string; region: string }[]> {
    const page = await this.deps.subjects.list({ all: true }, { limit: 500, offset: 0 });
    return page.items.filter((s) => s.type !== 'individual').map((s) => ({ id: s.id, name: s.name, code: s.code, region: s.region }));
  }

  async issue(actor: Caller, input: CertificateInput): Promise<CertificateView> {
    if (!can(actor.principal, 'certification.certify') || !actor.principal.institutionId) throw forbidden('certification.certify');
    if (input.validUntil < input.validFrom) throw new AppError('VALIDATION_FAILED', 'validUntil is before validFrom', { field: 'validUntil' });
    const producer = await this.deps.subjects.findByIdUnscoped(input.producerSubjectId);
    if (!producer || producer.type === 'individual') throw new AppError('VALIDATION_FAILED', 'no enterprise or organisation has this id', { field: 'producerSubjectId' });
    const documents = await this.deps.documents.requireOwned(actor.principal, input.documentIds, 'documentIds');
    const certificate = await this.deps.certificates.insert({
      certificateNumber: input.certificateNumber, scheme: input.scheme, certifierInstitutionId: actor.principal.institutionId,
      producerSubjectId: input.producerSubjectId, productName: input.productName, scope: input.scope, validFrom: input.validFrom, validUntil: input.validUntil,
      documents: documents.map((d) => ({ id: d.id, filename: d.filename, sha256: d.sha256 })), issuedBy: userRef(actor.principal),
    });
    if (!certificate) throw new AppError('CERTIFICATE_NUMBER_EXISTS', `certificate ${input.certificateNumber} already exists`, { field: 'certificateNumber' });
    await this.deps.audit.append(actor, { action: 'certificate.issue', entityType: 'product_certificate', entityId: certificate.id, after: { certificateNumber: certificate.certificateNumber, scheme: certificate.scheme, producerSubjectId: certificate.producerSubjectId, validUntil: certificate.validUntil } });
    await this.deps.certifiedProduction.sync(certificate.producerSubjectId);
    return this.view(certificate);
  }

  async revoke(actor: Caller, id: string, reason: string): Promise<CertificateView> {
    const step = certificateStateMachine.revoke;
    if (!can(actor.principal, step.permission) || !actor.principal.institutionId) throw forbidden(step.permission);
    const scope: CertificateScope = { kind: 'certifier', institutionId: actor.principal.institutionId };
    const before = await this.deps.certificates.find(scope, id);
    if (!before) throw notFound('certificate');
    const after = await this.deps.certificates.transition(scope, id, step.from, { state: step.to, revocation: { reason, at: this.deps.clock.now(), by: userRef(actor.principal) } });
    if (!after) throw new AppError('CERTIFICATE_INVALID_TRANSITION', `the certificate is ${before.state}; only an ACTIVE one can be revoked`, { details: { currentState: before.state, allowed: step.from } });
    await this.deps.audit.append(actor, { action: 'certificate.revoke', entityType: 'product_certificate', entityId: id, before: { state: before.state }, after: { state: after.state, reason } });
    await this.deps.certifiedProduction.sync(after.producerSubjectId);
    return this.view(after);
  }

  async list(principal: Principal, page: PageRequest): Promise<Page<CertificateView>> {
    const scope = certificateScopeOf(principal);
    if (!scope) return { items: [], total: 0 };
    const found = await this.deps.certificates.list(scope, page);
    return { items: await Promise.all(found.items.map((c) => this.view(c))), total: found.total };
  }

  async get(principal: Principal, id: string): Promise<CertificateView> {
    const scope = certificateScopeOf(principal);
    const certificate = scope ? await this.deps.certificates.find(scope, id) : undefined;
    if (!certificate) throw notFound('certificate');
    return this.view(certificate);
  }

  /** Internal read (batches, public lookup). */
  findAny(id: string): Promise<ProductCertificate | undefined> {
    return this.deps.certificates.find({ kind: 'all' }, id);
  }

  async view(certificate: ProductCertificate): Promise<CertificateView> {
    const [certifier, producer] = await Promise.all([
      this.deps.institutions.findByIdUnscoped(certificate.certifierInstitutionId),
      this.deps.subjects.findByIdUnscoped(certificate.producerSubjectId),
    ]);
    const validity = certificateValidity(certificate, this.today());
    return { ...certificate, validity, valid: validity === 'valid', certifierName: certifier?.name ?? '', producerName: producer?.name ?? '' };
  }
}
