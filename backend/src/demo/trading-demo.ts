// Demo order book: Hami Wind sells 40 t of its NOx allowance; the Kashgar building-materials company
// buys 25 t at once (the trade publishes the day's NOx price) and leaves a lower bid resting. Hami
// Wind's 2025 CCER, pledged to 塔里木农村商业银行, waits for the bank's consent; the Aksu walnut
// cooperative offers a lease of Tarim water-use volume.
import { permissionsOf, type Role } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';

const actorOf = (role: Role, tenant: { institutionId?: string; subjectId?: string }, username: string, key: string): Actor & { principal: Principal } => ({
  principal: { userId: 'system', username, roles: [role], permissions: new Set(permissionsOf([role])), ...tenant },
  requestId: 'demo-seed', idempotencyKey: `demo:${key}`,
});

export async function seedTradingDemo(platform: Platform, ids: { subjects: Record<string, string>; institutions: Record<string, string> }): Promise<void> {
  const { trading } = platform.services;
  const find = async (subjectId: string, assetType: 'carbon' | 'water_right' | 'emission_right', name: string) =>
    (await platform.repositories.assets.list({ kind: 'subject', subjectId }, { assetType }, { limit: 50, offset: 0 })).items.find((a) => a.name === name && a.state === 'verified');
  const hami = ids.subjects['hamiWind']!;
  const cement = ids.subjects['kashgarCement']!;
  const hamiActor = (key: string) => actorOf('enterprise_user', { subjectId: hami }, 'issuer', key);
  const trader = (key: string) => actorOf('trading_participant', { subjectId: cement }, 'trader', key);
  const nox = await find(hami, 'emission_right', '哈密风光 NOx 排污权');
  if (nox) {
    await trading.offer(hamiActor('nox-offer'), { assetId: nox.id, kind: 'sale', quantity: 40, priceFen: 805_000 });
    await trading.bid(trader('nox-bid-1'), { assetType: 'emission_right', priceReference: nox.priceReference!, quantity: 25, priceFen: 810_000 });
    await trading.bid(trader('nox-bid-2'), { assetType: 'emission_right', priceReference: nox.priceReference!, quantity: 10, priceFen: 790_000 });
  }
  const ccer = await find(hami, 'carbon', '哈密风电场 CCER（2025 年度）');
  if (ccer) await trading.offer(hamiActor('ccer-offer'), { assetId: ccer.id, kind: 'sale', quantity: 1_000, priceFen: 7_050 });
  const water = await find(ids.subjects['aksuWalnut']!, 'water_right', '阿克苏核桃合作社塔里木河灌溉取水权');
  if (water) {
    const coop = actorOf('enterprise_user', { subjectId: ids.subjects['aksuWalnut']! }, 'walnut.coop', 'water-lease');
    await trading.offer(coop, { assetId: water.id, kind: 'lease', leasePeriod: { from: '2027-03-01', to: '2027-10-31' }, quantity: 200_000, priceFen: 18 });
  }
}
