// Product batches and their custody chains. A producer registers a batch of a certified product
// from its own verified asset (orchard land right, forest right…); the producer, certifiers and
// supply-chain institutions append signed, hash-chained steps; anyone can look a batch up by its
// label code and see the certificate's standing, the chain and whether the chain verifies.
import { randomBytes } from 'node:crypto';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { CustodyStepRepository, CustodyStep, CustodyStepType, Performer } from '../../db/custody-steps/custody-step.repository.js';
import type { CustodySigningKeyRepository } from '../../db/custody-signing-keys/custody-signing-key.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { BatchScope, ProductBatch, ProductBatchRepository } from '../../db/product-batches/product-batch.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { normalise } from '../audit/canonical-json.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Principal } from '../identity/principal.js';
import { custodyStepRules } from './certificate-state-machine.js';
import { userRef, type Caller, type CertificateView, type CertificationService } from './certification-service.js';
import { custodyGenesisHash, hashCustodyStep, performerKeyOf, signCustodyHash, verifyCustodyChain, type ChainVerification } from './custody-chain.js';

export interface BatchInput {
  code?: string | undefined;
  certificateId: string;
  originAssetId: string;
  quantity: number;
  unit: string;
}

export interface StepInput {
  batchCode: string;
  type: CustodyStepType;
  performedAt: string;
  location: string;
  description: string;
  quantity?: number | undefined;
  documentIds?: string[] | undefined;
}

export type PublicStep = Pick<CustodyStep, 'seq' | 'type' | 'performedAt' | 'location' | 'description' | 'quantity' | 'prevHash' | 'hash'> & {
  performerName: string;
  performerKind: Performer['kind'];
  signatureValid: boolean;
  hashValid: boolean;
  linkValid: boolean;
  documents: { filename: string; sha256: string }[];
};

export interface TraceView {
  batch: Pick<ProductBatch, 'code' | 'productName' | 'quantity' | 'unit' | 'createdAt'> & { id: string; producerName: string; origin: ProductBatch['origin'] };
  certificate: Pick<CertificateView, 'certificateNumber' | 'scheme' | 'productName' | 'scope' | 'validFrom' | 'validUntil' | 'validity' | 'valid' | 'certifierName'> | null;
  chain: PublicStep[];
  verification: Omit<ChainVerification, 'steps'>;
  checkedOn: string;
}

const maxAppendAttempts = 20;

export class TraceabilityService {
  constructor(
    private readonly deps: {
      batches: ProductBatchRepository;
      steps: CustodyStepRepository;
      keys: CustodySigningKeyRepository;
      assets: AssetRepository;
      certification: CertificationService;
      documents: DocumentService;
      institutions: InstitutionRepository;
      subjects: SubjectRepository;
      audit: AuditTrail;
      clock: Clock;
    },
  ) {}

  /** A producer registers a batch of its certified product from one of its verified assets. */
  async registerBatch(actor: Caller, input: BatchInput): Promise<TraceView> {
    if (!can(actor.principal, 'products.manage') || !actor.principal.subjectId) throw forbidden('products.manage');
    const subjectId = actor.principal.subjectId;
    const certificate = await this.deps.certification.findAny(input.certificateId);
    if (!certificate || certificate.producerSubjectId !== subjectId) throw new AppError('VALIDATION_FAILED', 'no certificate of yours has this id', { field: 'certificateId' });
    const view = await this.deps.certification.view(certificate);
    if (!view.valid) throw new AppError('CERTIFICATE_NOT_VALID', `certificate ${certificate.certificateNumber} is ${view.validity}`, { field: 'certificateId', details: { validity: view.validity } });
    const asset = await this.deps.assets.findById(input.originAssetId);
    if (!asset || asset.subjectId !== subjectId) throw new AppError('VALIDATION_FAILED', 'no asset of yours has this id', { field: 'originAssetId' });
    if (asset.state !== 'verified') throw new AppError('ASSET_NOT_VERIFIED', `the origin asset is ${asset.state}; only verified assets can be a product's origin`, { field: 'originAssetId' });
    const code = input.code ?? `XJ-${this.deps.clock.now().getUTCFullYear()}-${randomBytes(4).toString('hex').toUpperCase()}`;
    const batch = await this.deps.batches.insert({
      code, producerSubjectId: subjectId, certificateId: certificate.id, productName: certificate.productName, quantity: input.quantity, unit: input.unit,
      origin: { assetId: asset.id, assetType: asset.assetType, assetName: asset.name, certificateNumber: asset.certificateNumber },
      head: { seq: 0, hash: custodyGenesisHash }, createdBy: userRef(actor.principal),
    });
    if (!batch) throw new AppError('PRODUCT_BATCH_EXISTS', `a batch with code ${code} already exists`, { field: 'code' });
    await this.deps.audit.append(actor, { action: 'product-batch.register', entityType: 'product_batch', entityId: batch.id, subjectId, after: { code, certificateId: certificate.id, originAssetId: asset.id, quantity: input.quantity, unit: input.unit } });
    return this.trace(batch);
  }

  /** Appends a signed, hash-chained step; the performer is the caller's institution (or the producer itself). */
  async appendStep(actor: Caller, input: StepInput): Promise<TraceView> {
    if (!can(actor.principal, 'custody.record')) throw forbidden('custody.record');
    const found = await this.deps.batches.findByCode(input.batchCode);
    const performer = await this.performerOf(actor.principal);
    if (!found || (performer.kind === 'subject' && found.producerSubjectId !== performer.id)) throw notFound('batch');
    const documents = await this.deps.documents.requireOwned(actor.principal, input.documentIds ?? [], 'documentIds');
    const secret = await this.deps.keys.keyOf(performerKeyOf(performer), this.deps.clock.now());
    for (let attempt = 0; attempt < maxAppendAttempts; attempt++) {
      const batch = (await this.deps.batches.find({ kind: 'all' }, found.id))!;
      const last = batch.head.seq > 0 ? await this.deps.steps.last(batch.id) : undefined;
      if (!last && input.type !== custodyStepRules.first) throw new AppError('CUSTODY_STEP_INVALID', `a chain starts with the ${custodyStepRules.first}`, { field: 'type' });
      if (last && input.type === custodyStepRules.first) throw new AppError('CUSTODY_STEP_INVALID', `the ${custodyStepRules.first} is the first step only`, { field: 'type' });
      if (last?.type === custodyStepRules.last) throw new AppError('CUSTODY_STEP_INVALID', `nothing follows the ${custodyStepRules.last}`, { field: 'type' });
      if (last && new Date(input.performedAt) < last.performedAt) throw new AppError('CUSTODY_STEP_INVALID', 'a step cannot be performed before the step it follows', { field: 'performedAt' });
      const unhashed = JSON.parse(JSON.stringify(normalise({
        batchId: batch.id, seq: batch.head.seq + 1, type: input.type, performedAt: new Date(input.performedAt), location: input.location, description: input.description,
        quantity: input.quantity ?? null, documents: documents.map((d) => ({ id: d.id, filename: d.filename, sha256: d.sha256 })), performer,
        recordedBy: userRef(actor.principal), recordedAt: this.deps.clock.now(), prevHash: batch.head.hash,
      }))) as Omit<CustodyStep, 'id' | 'hash' | 'signature'> & { performedAt: string; recordedAt: string };
      const step = { ...unhashed, performedAt: new Date(unhashed.performedAt), recordedAt: new Date(unhashed.recordedAt) };
      const hash = hashCustodyStep(step);
      const signed = { ...step, hash, signature: { algorithm: 'HMAC-SHA256' as const, keyId: performerKeyOf(performer), value: signCustodyHash(secret, hash) } };
      if (!(await this.deps.steps.insert(signed))) {
        await this.catchUpHead(batch);
        continue;
      }
      const after = await this.deps.batches.advanceHead(batch.id, batch.head, { seq: step.seq, hash });
      if (!after) throw new Error(`custody chain of ${batch.code}: head moved under step ${step.seq}`);
      await this.deps.audit.append(actor, { action: 'custody-step.append', entityType: 'product_batch', entityId: batch.id, subjectId: batch.producerSubjectId, after: { seq: step.seq, type: step.type, hash, performer: performer.name } });
      return this.trace(after);
    }
    throw new AppError('CONFLICT', 'the chain kept changing; try again');
  }

  /** A step inserted whose head update was lost (a crash between the two writes) becomes the head. */
  private async catchUpHead(batch: ProductBatch): Promise<void> {
    const last = await this.deps.steps.last(batch.id);
    if (last && last.seq === batch.head.seq + 1 && last.prevHash === batch.head.hash) await this.deps.batches.advanceHead(batch.id, batch.head, { seq: last.seq, hash: last.hash });
  }

  private async performerOf(principal: Principal): Promise<Performer> {
    if (principal.institutionId) {
      const institution = await this.deps.institutions.findByIdUnscoped(principal.institutionId);
      return { kind: 'institution', id: principal.institutionId, name: institution?.name ?? principal.institutionId };
    }
    if (principal.subjectId) {
      const subject = await this.deps.subjects.findByIdUnscoped(principal.subjectId);
      return { kind: 'subject', id: principal.subjectId, name: subject?.name ?? principal.subjectId };
    }
    throw forbidden('custody.record');
  }

  private scopeOf(principal: Principal): BatchScope | undefined {
    if (readsAllTenants(principal) || can(principal, 'custody.record') && principal.institutionId) return { kind: 'all' };
    if (principal.subjectId) return { kind: 'producer', subjectId: principal.subjectId };
    return undefined;
  }

  async list(principal: Principal, page: PageRequest): Promise<Page<ProductBatch>> {
    const scope = this.scopeOf(principal);
    return scope ? this.deps.batches.list(scope, page) : { items: [], total: 0 };
  }

  async get(principal: Principal, id: string): Promise<TraceView> {
    const scope = this.scopeOf(principal);
    const batch = scope ? await this.deps.batches.find(scope, id) : undefined;
    if (!batch) throw notFound('batch');
    return this.trace(batch);
  }

  /** The public lookup (no login): product, certificate standing, chain and its verification. */
  async lookup(code: string): Promise<TraceView> {
    const batch = await this.deps.batches.findByCode(code);
    if (!batch) throw notFound('product');
    return this.trace(batch);
  }

  async trace(batch: ProductBatch): Promise<TraceView> {
    const [steps, producer, certificate] = await Promise.all([
      this.deps.steps.chain(batch.id),
      this.deps.subjects.findByIdUnscoped(batch.producerSubjectId),
      this.deps.certification.findAny(batch.certificateId),
    ]);
    const keys = new Map<string, string>();
    for (const keyId of new Set(steps.map((s) => s.signature?.keyId ?? ''))) {
      const key = keyId ? await this.deps.keys.find(keyId) : undefined;
      if (key) keys.set(keyId, key);
    }
    const verification = verifyCustodyChain(steps, batch.head, (keyId) => keys.get(keyId));
    const certificateView = certificate ? await this.deps.certification.view(certificate) : undefined;
    return {
      batch: { id: batch.id, code: batch.code, productName: batch.productName, quantity: batch.quantity, unit: batch.unit, createdAt: batch.createdAt, producerName: producer?.name ?? '', origin: batch.origin },
      certificate: certificateView ? {
        certificateNumber: certificateView.certificateNumber, scheme: certificateView.scheme, productName: certificateView.productName, scope: certificateView.scope,
        validFrom: certificateView.validFrom, validUntil: certificateView.validUntil, validity: certificateView.validity, valid: certificateView.valid, certifierName: certificateView.certifierName,
      } : null,
      chain: steps.map((s, i) => ({
        seq: s.seq, type: s.type, performedAt: s.performedAt, location: s.location, description: s.description, quantity: s.quantity, prevHash: s.prevHash, hash: s.hash,
        performerName: s.performer?.name ?? '', performerKind: s.performer?.kind, documents: (s.documents ?? []).map((d) => ({ filename: d.filename, sha256: d.sha256 })),
        signatureValid: verification.steps[i]!.signatureValid, hashValid: verification.steps[i]!.hashValid, linkValid: verification.steps[i]!.linkValid,
      })),
      verification: { ok: verification.ok, checked: verification.checked, firstBroken: verification.firstBroken },
      checkedOn: this.deps.certification.today(),
    };
  }
}
