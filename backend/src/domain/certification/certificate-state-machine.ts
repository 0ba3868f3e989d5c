// THE table of a product certificate's states. Expiry is not a state: a certificate is expired when
// the China date is past validUntil, so it shows invalid the day after without any job.
import type { CertificateState, ProductCertificate } from '../../db/product-certificates/product-certificate.repository.js';
import type { Permission } from '../identity/permissions.js';

export type CertificateAction = 'revoke';

export const certificateStateMachine: Record<CertificateAction, { from: readonly CertificateState[]; to: CertificateState; permission: Permission }> = {
  revoke: { from: ['ACTIVE'], to: 'REVOKED', permission: 'certification.certify' },
};

export type CertificateValidity = 'valid' | 'expired' | 'not_yet_valid' | 'revoked';

/** The certificate's standing on a China date (YYYY-MM-DD). */
export function certificateValidity(certificate: Pick<ProductCertificate, 'state' | 'validFrom' | 'validUntil'>, today: string): CertificateValidity {
  if (certificate.state === 'REVOKED') return 'revoked';
  if (today < certificate.validFrom) return 'not_yet_valid';
  if (today > certificate.validUntil) return 'expired';
  return 'valid';
}

/** Custody steps in the order they may follow one another: a chain starts with the harvest; nothing follows the sale. */
export const custodyStepRules = {
  first: 'harvest',
  last: 'sale',
} as const;
