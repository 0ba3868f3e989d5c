// Demo order book: Hami Wind offers 1,000 t of its 2025 CCER (pledged to 塔里木农村商业银行, which
// consents — a step of its own); the Kashgar cement company buys 600 t at once and leaves a lower bid
// resting; the Aksu walnut cooperative leases water-use volume on the Tarim market above the best bid.
// (The CCER trade's day already has a published market price, which it does not overwrite.)
import { permissionsOf, type Role } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';

const actorOf = (role: Role, tenant: { institutionId?: string; subjectId?: string }, username: string, key: string): Actor & { principal: Principal } => ({
  principal: { userId: 'system', username, roles: [role], permissions: new Set(permissionsOf([role])), ...tenant },
  requestId: 'demo-seed', idempotencyKey: `demo:${key}`,
});

export async function seedTradingDemo(platform: Platform, ids: { subjects: Record<string, string>; institutions: Record<string, string> }): Promise<void> {
  const { trading } = platform.services;
  const find = async (subjectId: string, assetType: 'carbon' | 'water_right', name: string) =>
    (await platform.repositories.assets.list({ kind: 'subject', subjectId }, { assetType }, { limit: 50, offset: 0 })).items.find((a) => a.name === name && a.state === 'verified');
  const ccer = await find(ids.subjects['hamiWind']!, 'carbon', '哈密风电场 CCER（2025 年度）');
  const water = await find(ids.subjects['aksuWalnut']!, 'water_right', '阿克苏核桃合作社塔里木河灌溉取水权');
  const cement = ids.subjects['kashgarCement']!;
  if (ccer) {
    const offer = await trading.offer(actorOf('enterprise_user', { subjectId: ids.subjects['hamiWind']! }, 'issuer', 'ccer-offer'), { assetId: ccer.id, kind: 'sale', quantity: 1_000, priceFen: 7_050 });
    if (offer.order.state === 'AWAITING_CONSENT' && offer.order.consent) {
      await trading.decideConsent(actorOf('bank_approver', { institutionId: offer.order.consent.institutionId }, 'bank.approver', 'ccer-consent'), offer.order.id, 'consent', '质押贷款余额覆盖充足，同意转让 1,000 吨 CCER');
    }
    await trading.bid(actorOf('trading_participant', { subjectId: cement }, 'trader', 'ccer-bid-1'), { assetType: 'carbon', priceReference: ccer.priceReference!, quantity: 600, priceFen: 7_100 });
    await trading.bid(actorOf('trading_participant', { subjectId: cement }, 'trader', 'ccer-bid-2'), { assetType: 'carbon', priceReference: ccer.priceReference!, quantity: 500, priceFen: 6_900 });
  }
  if (water) {
    const coop = actorOf('enterprise_user', { subjectId: ids.subjects['aksuWalnut']! }, 'walnut.coop', 'water-lease');
    await trading.offer(coop, { assetId: water.id, kind: 'lease', leasePeriod: { from: '2027-03-01', to: '2027-10-31' }, quantity: 200_000, priceFen: 18 });
  }
}
