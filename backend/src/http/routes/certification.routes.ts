// Certified products and traceability: certificates (certifiers), batches (producers), signed custody
// steps (producers, certifiers, supply-chain institutions) and the public lookup a label's QR code
// points to. Thin: validation in schemas/api/certification, rules in domain/certification.
import QRCode from 'qrcode';
import type { AuthenticatedInput, RouteInput, RouteSpec } from '../route.js';

type Id = { id: string };
type Code = { code: string };
const certify = { permission: 'certification.certify' } as const;
const tag = 'certification';
export const defaultLabelOrigin = 'https://eco-finance.example';

export const certificationRoutes: RouteSpec[] = [
  {
    id: 'certification.producers', method: 'GET', path: '/api/certification/producers', tag, access: certify,
    summary: 'Enterprises and organisations a certifier can certify',
    handler: (_i: AuthenticatedInput, p) => p.services.certification.producers(),
  },
  {
    id: 'certificates.issue', method: 'POST', path: '/api/certificates', tag, access: certify, successStatus: 201,
    summary: 'Certify a producer’s product (number, scheme such as 新疆品质, scope, validity, documents with SHA-256)', body: 'api/certification/certificate.body',
    handler: (i: AuthenticatedInput, p) => p.services.certification.issue(i.actor, i.body),
  },
  {
    id: 'certificates.list', method: 'GET', path: '/api/certificates', tag, access: 'authenticated',
    summary: 'Certificates in the caller’s scope (certifier: issued by it; producer: its own; platform readers: all), with validity today', query: 'api/common/page.query',
    handler: (i: AuthenticatedInput<unknown, { limit: number; offset: number }>, p) => p.services.certification.list(i.principal, i.query),
  },
  {
    id: 'certificates.get', method: 'GET', path: '/api/certificates/:id', tag, access: 'authenticated',
    summary: 'One certificate with its validity today', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.certification.get(i.principal, i.params.id),
  },
  {
    id: 'certificates.revoke', method: 'POST', path: '/api/certificates/:id/revoke', tag, access: certify,
    summary: 'ACTIVE → REVOKED (the certifier’s own certificates)', params: 'api/common/id.params', body: 'api/certification/revoke.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.certification.revoke(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'product-batches.register', method: 'POST', path: '/api/product-batches', tag, access: { permission: 'products.manage' }, successStatus: 201,
    summary: 'Register a batch of a valid certified product from one of the producer’s verified assets', body: 'api/certification/batch.body',
    handler: (i: AuthenticatedInput, p) => p.services.traceability.registerBatch(i.actor, i.body),
  },
  {
    id: 'product-batches.list', method: 'GET', path: '/api/product-batches', tag, access: 'authenticated',
    summary: 'Batches in the caller’s scope (producer: its own; supply-chain institutions and platform readers: all)', query: 'api/common/page.query',
    handler: (i: AuthenticatedInput<unknown, { limit: number; offset: number }>, p) => p.services.traceability.list(i.principal, i.query),
  },
  {
    id: 'product-batches.get', method: 'GET', path: '/api/product-batches/:id', tag, access: 'authenticated',
    summary: 'One batch with its certificate, custody chain and the chain’s verification', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.traceability.get(i.principal, i.params.id),
  },
  {
    id: 'custody-steps.append', method: 'POST', path: '/api/custody-steps', tag, access: { permission: 'custody.record' }, successStatus: 201,
    summary: 'Append a custody step (harvest, processing, inspection, transport, sale), hash-chained to the previous one and signed with the performer’s key', body: 'api/certification/step.body',
    handler: (i: AuthenticatedInput, p) => p.services.traceability.appendStep(i.actor, i.body),
  },
  {
    id: 'public.products.lookup', method: 'GET', path: '/api/public/products/:code', tag, access: 'public',
    summary: 'Public product lookup (no login): product, certificate and whether it is valid today, custody chain and whether it verifies', params: 'api/certification/code.params',
    handler: (i: RouteInput<unknown, unknown, Code>, p) => p.services.traceability.lookup(i.params.code),
  },
  {
    id: 'public.products.qr', method: 'GET', path: '/api/public/products/:code/qr.svg', tag, access: 'public',
    summary: 'QR code (SVG) for the label, encoding the public lookup page’s URL <origin>/trace/<code>', params: 'api/certification/code.params', query: 'api/certification/qr.query',
    handler: async (i: RouteInput<unknown, { origin?: string }, Code>, p) => {
      const trace = await p.services.traceability.lookup(i.params.code);
      const svg = await QRCode.toString(`${i.query.origin ?? defaultLabelOrigin}/trace/${encodeURIComponent(trace.batch.code)}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { body: Buffer.from(svg, 'utf8'), headers: { 'Content-Type': 'image/svg+xml' } };
    },
  },
];
