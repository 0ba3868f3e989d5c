// Evidence and title documents (permits, certificates, contracts, reports), stored with their
// SHA-256 so anyone can later prove a file is the one that was submitted.
import { createHash } from 'node:crypto';
import type { DocumentMeta, DocumentRepository } from '../../db/documents/document.repository.js';
import type { DocumentOwnerType } from '../../db/documents/document.schema.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import { readsAllTenants, type Actor, type Principal } from '../identity/principal.js';

export const uploadContentTypes = ['application/pdf', 'image/png', 'image/jpeg', 'text/csv', 'application/json'] as const;
export const maxUploadBytes = 10 * 1024 * 1024;

export interface Upload {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

/**
 * Lets an area grant access to a document it references (e.g. a bank reading the permit attached to
 * an application made to it). Returns true when the principal may read the document.
 */
export type DocumentAccessGrant = (principal: Principal, meta: DocumentMeta) => Promise<boolean>;

export function ownerOf(principal: Principal): { ownerType: DocumentOwnerType; ownerId: string } {
  if (principal.subjectId) return { ownerType: 'subject', ownerId: principal.subjectId };
  if (principal.institutionId) return { ownerType: 'institution', ownerId: principal.institutionId };
  throw new AppError('FORBIDDEN', 'only a subject’s users or an institution’s staff can upload documents');
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export class DocumentService {
  private readonly grants: DocumentAccessGrant[] = [];

  constructor(private readonly deps: { documents: DocumentRepository; audit: AuditTrail; clock: Clock }) {}

  /** Areas register who else may read documents they reference. */
  grantAccess(grant: DocumentAccessGrant): void {
    this.grants.push(grant);
  }

  /** Stores an upload for the caller's own subject or institution; uploading the same bytes again returns the first copy. */
  async upload(actor: Actor & { principal: Principal }, upload: Upload): Promise<DocumentMeta & { duplicate: boolean }> {
    const owner = ownerOf(actor.principal);
    const { meta, created } = await this.deps.documents.insertOrFind({
      ...owner,
      filename: upload.filename,
      contentType: upload.contentType,
      size: upload.bytes.length,
      sha256: sha256Hex(upload.bytes),
      uploadedBy: actor.principal.userId,
      uploadedAt: this.deps.clock.now(),
      content: upload.bytes,
    });
    if (created) {
      await this.deps.audit.append(actor, {
        action: 'document.upload', entityType: 'document', entityId: meta.id,
        after: { filename: meta.filename, contentType: meta.contentType, size: meta.size, sha256: meta.sha256, ...owner },
      });
    }
    return { ...meta, duplicate: !created };
  }

  /** The document's metadata, when the caller may read it; otherwise 404 (no hint that it exists). */
  async meta(principal: Principal, id: string): Promise<DocumentMeta> {
    const meta = await this.deps.documents.findMeta(id);
    if (!meta || !(await this.mayRead(principal, meta))) throw notFound('document');
    return meta;
  }

  async download(principal: Principal, id: string): Promise<{ meta: DocumentMeta; bytes: Buffer }> {
    const meta = await this.meta(principal, id);
    const bytes = await this.deps.documents.findContent(meta.id);
    if (!bytes) throw notFound('document');
    return { meta, bytes };
  }

  listOwn(principal: Principal, page: PageRequest): Promise<Page<DocumentMeta>> {
    const owner = ownerOf(principal);
    return this.deps.documents.listByOwner(owner.ownerType, owner.ownerId, page.limit, page.offset);
  }

  /** Checks that each id names a document the caller owns (for attaching documents to a record). */
  async requireOwned(principal: Principal, ids: readonly string[], field: string): Promise<DocumentMeta[]> {
    const owner = ownerOf(principal);
    const metas: DocumentMeta[] = [];
    for (const [index, id] of ids.entries()) {
      const meta = await this.deps.documents.findMeta(id);
      if (!meta || meta.ownerType !== owner.ownerType || meta.ownerId !== owner.ownerId) {
        throw new AppError('VALIDATION_FAILED', 'no document of yours has this id', { field: `${field}.${index}` });
      }
      metas.push(meta);
    }
    return metas;
  }

  private async mayRead(principal: Principal, meta: DocumentMeta): Promise<boolean> {
    if (readsAllTenants(principal)) return true;
    const own = (meta.ownerType === 'subject' && meta.ownerId === principal.subjectId)
      || (meta.ownerType === 'institution' && meta.ownerId === principal.institutionId);
    if (own) return true;
    for (const grant of this.grants) if (await grant(principal, meta)) return true;
    return false;
  }
}
