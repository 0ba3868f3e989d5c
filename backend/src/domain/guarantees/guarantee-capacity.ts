// Capacity as a reservation: each guarantor has one counter document (outstanding fen, per obligor,
// and each guarantee's reservation). The committee's approval reserves the guarantee's amount with
// one conditional `$inc` (outstanding ≤ multiple × net assets − amount, obligor ≤ 10 % of net assets −
// amount), so concurrent approvals can never together breach a limit; the reservation is given back
// when the guarantee leaves the outstanding states (released, compensated, rejected…). The counter is
// built from the outstanding guarantees the first time it is needed; the recovery run gives back
// reservations whose guarantee no longer holds capacity (a crash between reservation and approval).
import { randomUUID } from 'node:crypto';
import { checkCapacity, type CapacityCheck, type GuaranteeRules } from '@eco/scoring';
import type { GuaranteeCapacityCounter, GuaranteeCapacityRepository, CapacityReservation } from '../../db/guarantees/guarantee-capacity.repository.js';
import type { GuaranteeRepository, GuarantorProfileRepository } from '../../db/guarantees/guarantee.repository.js';
import type { Guarantee, GuarantorProfile } from '../../db/guarantees/guarantee.types.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/index.js';
import { outstandingStates } from './guarantee-state-machine.js';

const holdsCapacity = (state: string): boolean => (outstandingStates as readonly string[]).includes(state);

export class GuaranteeCapacity {
  constructor(private readonly deps: { counters: GuaranteeCapacityRepository; guarantees: GuaranteeRepository; profiles: GuarantorProfileRepository; clock: Clock }) {}

  private async fromGuarantees(institutionId: string): Promise<Record<string, CapacityReservation>> {
    const reservations: Record<string, CapacityReservation> = {};
    for (const g of await this.deps.guarantees.listOfGuarantor(institutionId, outstandingStates)) reservations[g.id] = { amountFen: g.amountFen, subjectId: g.subjectId, at: g.stateSince };
    return reservations;
  }

  /** The guarantor's counter, built from its outstanding guarantees when it has none yet. */
  async counter(institutionId: string): Promise<GuaranteeCapacityCounter> {
    const found = await this.deps.counters.find(institutionId);
    if (found) return found;
    await this.deps.counters.createIfMissing(institutionId, await this.fromGuarantees(institutionId), this.deps.clock.now());
    return (await this.deps.counters.find(institutionId))!;
  }

  /** Rebuilds the counter from the guarantees (demo seeding writes guarantees directly). */
  async rebuild(institutionId: string): Promise<GuaranteeCapacityCounter> {
    await this.deps.counters.replace(institutionId, await this.fromGuarantees(institutionId), this.deps.clock.now());
    return (await this.deps.counters.find(institutionId))!;
  }

  /** What the guarantor has outstanding now, and the obligor there (the reserved figures). */
  async exposure(institutionId: string, subjectId: string): Promise<{ outstandingFen: number; obligorOutstandingFen: number }> {
    const c = await this.counter(institutionId);
    return { outstandingFen: c.outstandingFen, obligorOutstandingFen: c.obligors[subjectId] ?? 0 };
  }

  /** The capacity check of a guarantee against the counter (no reservation): the figures for the officer and for refusals. */
  async check(rules: GuaranteeRules, profile: GuarantorProfile, g: Pick<Guarantee, 'institutionId' | 'subjectId' | 'amountFen'>): Promise<CapacityCheck> {
    return checkCapacity(rules, { netAssetsFen: profile.netAssetsFen, mainlySmallBusinessAgriculture: profile.mainlySmallBusinessAgriculture, ...(await this.exposure(g.institutionId, g.subjectId)), requestFen: g.amountFen });
  }

  /** Refuses with the figures. */
  static exceeded(check: CapacityCheck, profile: GuarantorProfile): AppError {
    return new AppError('GUARANTEE_CAPACITY_EXCEEDED', check.breaches.map((b) => b.message).join('; '), {
      details: { check: 'capacity', netAssetsFen: profile.netAssetsFen, multiple: check.multiple, outstandingLimitFen: check.outstandingLimitFen, outstandingAfterFen: check.outstandingAfterFen, obligorLimitFen: check.obligorLimitFen, obligorAfterFen: check.obligorAfterFen, breaches: check.breaches },
    });
  }

  /**
   * Reserves the guarantee's amount atomically within both limits, or refuses with the figures
   * (GUARANTEE_CAPACITY_EXCEEDED). A guarantee that already holds its reservation keeps it.
   * `attemptId` names the reservation when this call created it (null when it found one already made).
   */
  async reserve(rules: GuaranteeRules, profile: GuarantorProfile, g: Guarantee): Promise<CapacityCheck & { attemptId: string | null }> {
    await this.counter(g.institutionId);
    const limits = checkCapacity(rules, { netAssetsFen: profile.netAssetsFen, mainlySmallBusinessAgriculture: profile.mainlySmallBusinessAgriculture, outstandingFen: 0, obligorOutstandingFen: 0, requestFen: 0 });
    const attemptId = randomUUID();
    const after = await this.deps.counters.reserve(g.institutionId, g.id, { amountFen: g.amountFen, subjectId: g.subjectId, at: this.deps.clock.now(), attemptId }, limits);
    if (after) {
      return { ...limits, allowed: true, outstandingAfterFen: after.outstandingFen, obligorAfterFen: after.obligors[g.subjectId] ?? 0, attemptId };
    }
    const now = await this.counter(g.institutionId);
    if (now.reservations[g.id]) return { ...limits, allowed: true, outstandingAfterFen: now.outstandingFen, obligorAfterFen: now.obligors[g.subjectId] ?? 0, attemptId: null };
    const check = checkCapacity(rules, { netAssetsFen: profile.netAssetsFen, mainlySmallBusinessAgriculture: profile.mainlySmallBusinessAgriculture, outstandingFen: now.outstandingFen, obligorOutstandingFen: now.obligors[g.subjectId] ?? 0, requestFen: g.amountFen });
    // The counter moved between the guarded update and this read; the figures still show the breach or the race.
    throw GuaranteeCapacity.exceeded(check.allowed ? { ...check, breaches: [{ limit: 'outstanding_multiple', limitFen: check.outstandingLimitFen, afterFen: check.outstandingAfterFen, message: 'capacity was taken by a concurrent approval; retry' }] } : check, profile);
  }

  /** Gives back the guarantee's reservation unless it still holds capacity (after a failed step, and in the recovery run). */
  async settle(institutionId: string, guaranteeId: string): Promise<boolean> {
    const g = await this.deps.guarantees.find({ kind: 'all' }, guaranteeId);
    if (g && holdsCapacity(g.state)) return false;
    return this.deps.counters.release(institutionId, guaranteeId);
  }

  /**
   * The clean-up of a failed approval: gives back the reservation this attempt created (none when it
   * found one already made by a concurrent approval), unless the guarantee holds capacity by now.
   */
  async abandon(institutionId: string, guaranteeId: string, attemptId: string | null): Promise<boolean> {
    if (!attemptId) return false;
    const g = await this.deps.guarantees.find({ kind: 'all' }, guaranteeId);
    if (g && holdsCapacity(g.state)) return false;
    return this.deps.counters.releaseAttempt(institutionId, guaranteeId, attemptId);
  }

  /** After a transition: a guarantee leaving the outstanding states gives its reservation back. */
  async afterMove(before: Guarantee, after: Guarantee): Promise<void> {
    if (!holdsCapacity(after.state) && holdsCapacity(before.state)) await this.deps.counters.release(after.institutionId, after.id);
  }

  /** The recovery run: reservations whose guarantee no longer holds capacity are given back. */
  async reconcile(): Promise<string[]> {
    const released: string[] = [];
    for (const c of await this.deps.counters.list()) {
      for (const guaranteeId of Object.keys(c.reservations)) if (await this.settle(c.institutionId, guaranteeId)) released.push(guaranteeId);
    }
    return released;
  }
}
