import type { PageRequest } from '../../db/page.js';
import { maxUploadBytes, uploadContentTypes } from '../../domain/documents/document-service.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };

export const documentRoutes: RouteSpec[] = [
  {
    id: 'documents.upload', method: 'POST', path: '/api/documents', tag: 'documents', access: 'authenticated',
    summary: 'Upload a document (raw body: PDF, PNG, JPEG, CSV or JSON; file name in X-Filename); stored with its SHA-256',
    upload: { contentTypes: uploadContentTypes, maxBytes: maxUploadBytes }, successStatus: 201,
    handler: async (i: AuthenticatedInput, p) => {
      const stored = await p.services.documents.upload(i.actor, i.upload!);
      return { status: stored.duplicate ? 200 : 201, body: stored };
    },
  },
  {
    id: 'documents.list', method: 'GET', path: '/api/documents', tag: 'documents', access: 'authenticated',
    summary: 'The caller’s own documents, newest first', query: 'api/common/page.query',
    handler: (i: AuthenticatedInput<unknown, PageRequest>, p) => p.services.documents.listOwn(i.principal, i.query),
  },
  {
    id: 'documents.meta', method: 'GET', path: '/api/documents/:id', tag: 'documents', access: 'authenticated',
    summary: 'A document’s metadata and SHA-256 (404 when not visible to the caller)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.documents.meta(i.principal, i.params.id),
  },
  {
    id: 'documents.download', method: 'GET', path: '/api/documents/:id/content', tag: 'documents', access: 'authenticated',
    summary: 'Download a document', params: 'api/common/id.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, Id>, p) => {
      const { meta, bytes } = await p.services.documents.download(i.principal, i.params.id);
      return {
        body: bytes,
        headers: {
          'Content-Type': meta.contentType,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
          'X-Content-SHA256': meta.sha256,
        },
      };
    },
  },
];
