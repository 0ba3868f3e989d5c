// THE table of a trading order's states. A pledged or frozen right's offer waits for the pledgee
// bank's consent (a step of its own) before it enters the book; fills move OPEN → FILLED.
import type { TradeOrderState } from '../../db/trade-orders/trade-order.repository.js';
import type { Permission } from '../identity/permissions.js';

export type OrderAction = 'consent' | 'refuseConsent' | 'cancel' | 'fill';

export const orderStateMachine: Record<OrderAction, { from: readonly TradeOrderState[]; to: TradeOrderState; permission: Permission | null; who: 'pledgee_bank' | 'owner' | 'system' }> = {
  consent: { from: ['AWAITING_CONSENT'], to: 'OPEN', permission: 'trading.consent', who: 'pledgee_bank' },
  refuseConsent: { from: ['AWAITING_CONSENT'], to: 'CANCELLED', permission: 'trading.consent', who: 'pledgee_bank' },
  cancel: { from: ['AWAITING_CONSENT', 'OPEN'], to: 'CANCELLED', permission: 'trading.trade', who: 'owner' },
  fill: { from: ['OPEN'], to: 'FILLED', permission: null, who: 'system' },
};
