// Data partners (transit operators, recycling stations, volunteer platforms, enforcement records)
// report events with API keys an admin issues; each key may report only the event types it names.
import { createHash, randomBytes } from 'node:crypto';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { PartnerKey, PartnerKeyRepository } from '../../db/points-partner-keys/partner-key.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import { permissionsOf } from '../identity/permissions.js';
import type { Actor, Principal } from '../identity/principal.js';

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A partner's principal carries the event types its key may report. */
export interface PartnerPrincipal extends Principal {
  institutionId: string;
  partnerCode: string;
  eventTypes: ReadonlySet<string>;
}

export const isPartner = (principal: Principal): principal is PartnerPrincipal => 'eventTypes' in principal;

export class PartnerKeyService {
  constructor(private readonly deps: { keys: PartnerKeyRepository; institutions: InstitutionRepository; audit: AuditTrail; clock: Clock }) {}

  /** Issues a key to a data-partner institution; the key is returned once and stored only as a hash. */
  async issue(actor: Actor & { principal: Principal }, institutionId: string, body: { label: string; eventTypes: string[] }): Promise<PartnerKey & { key: string }> {
    const institution = await this.deps.institutions.findByIdUnscoped(institutionId);
    if (!institution) throw notFound('institution');
    if (institution.type !== 'data_partner') throw new AppError('VALIDATION_FAILED', 'API keys are issued to data partners only', { field: 'institutionId' });
    const key = `eco_${randomBytes(24).toString('base64url')}`;
    const stored = await this.deps.keys.create({
      institutionId, label: body.label, keyHash: hashApiKey(key), prefix: key.slice(0, 8), eventTypes: body.eventTypes,
      createdBy: actor.principal.username, createdAt: this.deps.clock.now(),
    });
    await this.deps.audit.append(actor, {
      action: 'points.partner-key.issue', entityType: 'points_partner_key', entityId: stored.id, institutionId,
      after: { label: stored.label, prefix: stored.prefix, eventTypes: stored.eventTypes },
    });
    return { ...stored, key };
  }

  list(institutionId: string): Promise<PartnerKey[]> {
    return this.deps.keys.listForInstitution(institutionId);
  }

  /** `Authorization: ApiKey <key>` → the partner's principal (401 for an unknown or revoked key). */
  async authenticate(key: string): Promise<PartnerPrincipal> {
    const stored = await this.deps.keys.findActiveByHash(hashApiKey(key));
    const institution = stored && (await this.deps.institutions.findByIdUnscoped(stored.institutionId));
    if (!stored || !institution) throw new AppError('POINTS_API_KEY_INVALID', 'this API key is not valid');
    return {
      userId: `partner-key:${stored.id}`, username: `${institution.code}/${stored.prefix}`, roles: ['data_partner'],
      permissions: new Set(permissionsOf(['data_partner'])), institutionId: institution.id, partnerCode: institution.code,
      eventTypes: new Set(stored.eventTypes),
    };
  }
}
