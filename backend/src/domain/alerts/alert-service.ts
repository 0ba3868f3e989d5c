// LTV alerts to the lending bank: raised once per breach (a unique breach key while it lasts),
// resolved when a revaluation brings the LTV back under the threshold. Other areas subscribe.
import { exact, exactCompare, exactFromDecimal, exactMultiply } from '@eco/scoring';
import type { Alert, AlertRepository, AlertStatus } from '../../db/alerts/alert.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor, Principal } from '../identity/principal.js';

export type AlertListener = (alert: Alert) => Promise<void> | void;

export interface LtvCheck {
  institutionId: string;
  assetId: string;
  subjectId: string;
  loanId: string;
  valuationId: string;
  outstandingFen: number;
  valueFen: number;
  ltvThreshold: number;
}

/** outstanding / value to 4 decimals; a loan against a value of 0 is an unbounded LTV (null). */
export const ltvOf = (outstandingFen: number, valueFen: number): number | null =>
  valueFen === 0 ? null : Math.round((outstandingFen / valueFen) * 10_000) / 10_000;

/** outstanding > value × threshold, exactly (the threshold read as the decimal written). */
export const breaches = (check: LtvCheck): boolean =>
  exactCompare(exact(BigInt(check.outstandingFen)), exactMultiply(exact(BigInt(check.valueFen)), exactFromDecimal(check.ltvThreshold))) > 0;

export class AlertService {
  private readonly listeners: AlertListener[] = [];

  constructor(private readonly deps: { alerts: AlertRepository; audit: AuditTrail; clock: Clock }) {}

  /** Other areas (e.g. the loan workflow's margin calls) react to raised alerts. */
  subscribe(listener: AlertListener): void {
    this.listeners.push(listener);
  }

  /** Raises an alert when the LTV breaches (unless this breach already has one); resolves it when it no longer does. */
  async evaluate(actor: Actor, check: LtvCheck): Promise<Alert | undefined> {
    if (!breaches(check)) {
      await this.deps.alerts.resolveActive(check.loanId, check.assetId, this.deps.clock.now());
      return undefined;
    }
    const { ltvThreshold, ...rest } = check;
    const alert = await this.deps.alerts.raiseOnce({ ...rest, ltvThreshold, kind: 'ltv_breach', ltv: ltvOf(check.outstandingFen, check.valueFen), raisedAt: this.deps.clock.now() });
    if (!alert) return undefined;
    await this.deps.audit.append(actor, { action: 'alert.raise', entityType: 'alert', entityId: alert.id, institutionId: alert.institutionId, subjectId: alert.subjectId, after: { assetId: alert.assetId, loanId: alert.loanId, ltv: alert.ltv, ltvThreshold } });
    for (const listener of this.listeners) await listener(alert);
    return alert;
  }

  list(principal: Principal, status: AlertStatus | undefined, page: PageRequest): Promise<Page<Alert>> {
    return this.deps.alerts.list(this.bankOf(principal), status, page);
  }

  async acknowledge(actor: Actor & { principal: Principal }, id: string): Promise<Alert> {
    const { alert, exists } = await this.deps.alerts.acknowledge(this.bankOf(actor.principal), id, actor.principal.username);
    if (!exists) throw notFound('alert');
    if (!alert) throw new AppError('CONFLICT', 'only an open alert can be acknowledged');
    await this.deps.audit.append(actor, { action: 'alert.acknowledge', entityType: 'alert', entityId: id, before: { status: 'open' }, after: { status: 'acknowledged' } });
    return alert;
  }

  private bankOf(principal: Principal): string {
    if (!principal.institutionId) throw new AppError('FORBIDDEN', 'alerts belong to a lending bank');
    return principal.institutionId;
  }
}
