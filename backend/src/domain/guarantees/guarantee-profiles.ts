// A guarantor's figures kept by the guarantee area (net assets, the small-business/agriculture flag,
// its re-guarantor, approvers' levels): read by its staff and administrators, replaced by administrators.
import type { GuarantorProfileRepository } from '../../db/guarantees/guarantee.repository.js';
import type { GuarantorProfile } from '../../db/guarantees/guarantee.types.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';

export interface ProfileInput {
  netAssetsFen: number;
  mainlySmallBusinessAgriculture: boolean;
  reguarantorId: string | null;
  approverLevels: Record<string, string>;
  expectedVersion: number;
}

export class GuarantorProfiles {
  constructor(private readonly deps: { profiles: GuarantorProfileRepository; institutions: InstitutionRepository; audit: AuditTrail; clock: Clock }) {}

  async get(principal: Principal, institutionId: string): Promise<GuarantorProfile> {
    if (!(readsAllTenants(principal) || can(principal, 'admin.institutions') || principal.institutionId === institutionId)) throw notFound('guarantor profile');
    const profile = await this.deps.profiles.find(institutionId);
    if (!profile) throw notFound('guarantor profile');
    return profile;
  }

  /** Replaces the profile as the next version (expectedVersion 0 creates it). */
  async put(actor: Actor & { principal: Principal }, institutionId: string, input: ProfileInput): Promise<GuarantorProfile> {
    const institution = await this.deps.institutions.findByIdUnscoped(institutionId);
    if (!institution || institution.type !== 'guarantee_institution') throw notFound('guarantee institution');
    if (input.reguarantorId) {
      const reguarantor = await this.deps.institutions.findByIdUnscoped(input.reguarantorId);
      if (!reguarantor || reguarantor.type !== 'guarantee_institution' || reguarantor.id === institutionId) throw new AppError('VALIDATION_FAILED', 'the re-guarantor must be another guarantee institution', { field: 'reguarantorId' });
    }
    const before = await this.deps.profiles.find(institutionId);
    const { expectedVersion, ...data } = input;
    const after = await this.deps.profiles.put({ ...data, institutionId, updatedBy: actor.principal.username, updatedAt: this.deps.clock.now() }, expectedVersion);
    if (!after) throw new AppError('CONFLICT', `the profile changed: it is at version ${before?.version ?? 0}`, { details: { currentVersion: before?.version ?? 0 } });
    await this.deps.audit.append(actor, { action: 'guarantee.profile', entityType: 'guarantor_profile', entityId: institutionId, before: before ? { ...before } : undefined, after: { ...after }, institutionId });
    return after;
  }
}
