// Ecological-points demo: data partners with demo keys, a year of events for the demo citizens
// (rich histories for `citizen` and `citizen2`), volunteer work for the organisations, reviewed
// indicator data for the enterprises, one pending objection, and (POINTS_DEMO=full) a population
// of generated citizens. Everything is then scored by one recompute run.
import type { NewEvent } from '../db/points-events/points-event.repository.js';
import { hashApiKey } from '../domain/points/partner-keys.js';
import { chinaDate } from '../domain/points/china-date.js';
import { permissionsOf, type Role } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';
import { demoIndicators, demoPartners, type DemoPartnerKey } from './points-demo-data.js';
import { citizenYear, generatedProfile, seededRandom, type DemoEvent } from './points-demo-events.js';
import { systemActor } from './seed-demo.js';

const generatedCitizens = 2000;
const insertChunk = 10_000;
const regions = ['乌鲁木齐', '喀什', '和田', '阿克苏', '伊犁', '哈密', '昌吉', '巴音郭楞', '博尔塔拉', '塔城'];
const dayMs = 86_400_000;

type Partners = Record<DemoPartnerKey, { id: string; code: string }>;

const subjectActor = (username: string, role: Role, subjectId: string): Actor & { principal: Principal } => ({
  principal: { userId: `demo:${username}`, username, roles: [role], permissions: new Set(permissionsOf([role])), subjectId },
  requestId: 'demo-seed',
});

async function createPartners(platform: Platform): Promise<Partners> {
  const out = {} as Partners;
  for (const [key, partner] of Object.entries(demoPartners) as [DemoPartnerKey, (typeof demoPartners)[DemoPartnerKey]][]) {
    const institution = await platform.services.directory.createInstitution(systemActor, partner.institution);
    await platform.services.points.repositories.keys.create({
      institutionId: institution.id, label: `${partner.institution.nameEn} demo key`, keyHash: hashApiKey(partner.apiKey), prefix: partner.apiKey.slice(0, 8),
      eventTypes: partner.eventTypes, createdBy: 'demo-seed', createdAt: platform.clock.now(),
    });
    out[key] = { id: institution.id, code: institution.code };
  }
  return out;
}

function toStored(subjectId: string, event: DemoEvent, partners: Partners, receivedAt: Date, dedupKey?: string): NewEvent {
  const partner = partners[event.partner];
  return {
    subjectId, partnerId: partner.id, partnerCode: partner.code, partnerEventId: event.partnerEventId, type: event.type,
    occurredAt: event.occurredAt, occurredOn: chinaDate(event.occurredAt), quantity: event.quantity,
    dedupKey: dedupKey ?? `${partner.id}:${event.partnerEventId}`, ...(event.evidenceRef ? { evidenceRef: event.evidenceRef } : {}),
    batchId: 'demo-seed', receivedAt, state: 'active',
  };
}

/** The demo people, with the same behaviour reported twice for Ayigul (two partners, counted once). */
function demoCitizenEvents(subjectIds: Record<string, string>, partners: Partners, today: Date): NewEvent[] {
  const random = seededRandom(2026);
  const ayigul = citizenYear('ayigul', { busPerWeekday: 0.4, metroPerWeek: 0.7, sortingPerWeek: 1, walkingDays: 30, violations: 0 }, today, random);
  const zhang = citizenYear('zhangwei', { busPerWeekday: 0.5, metroPerWeek: 1, sortingPerWeek: 1, walkingDays: 10, violations: 0 }, today, random);
  const erkin = citizenYear('erkin', { busPerWeekday: 0.2, metroPerWeek: 0.5, sortingPerWeek: 0.5, walkingDays: 0, violations: 1 }, today, random);
  zhang.push({ partner: 'enforcement', partnerEventId: 'zhangwei-frontage-1', type: 'frontage_duty_neglected', occurredAt: new Date(today.getTime() - 3 * dayMs), quantity: 1, evidenceRef: '博乐城管〔2026〕0311号' });
  const receivedAt = today;
  const stored = [
    ...ayigul.map((e) => toStored(subjectIds['ayigul']!, e, partners, receivedAt)),
    ...zhang.map((e) => toStored(subjectIds['zhangWei']!, e, partners, receivedAt)),
    ...erkin.map((e) => toStored(subjectIds['erkin']!, e, partners, receivedAt)),
  ];
  const lastRide = [...ayigul].reverse().find((e) => e.type === 'bus_ride')!;
  const twin = { ...lastRide, partner: 'metro' as const, partnerEventId: 'metro-twin-1', occurredAt: new Date(lastRide.occurredAt.getTime() + 5 * 60_000) };
  stored.push(toStored(subjectIds['ayigul']!, twin, partners, receivedAt, `${partners.bus.id}:${lastRide.partnerEventId}`));
  return stored;
}

function organisationEvents(subjectIds: Record<string, string>, partners: Partners, today: Date): NewEvent[] {
  const events: DemoEvent[] = [];
  const daysAgo = (n: number) => new Date(today.getTime() - n * dayMs);
  for (let month = 0; month < 12; month++) {
    events.push({ partner: 'volunteers', partnerEventId: `bosten-vh-${month}`, type: 'volunteer_hour', occurredAt: daysAgo(15 + month * 30), quantity: 40 + month * 3, evidenceRef: `志愿汇活动${month + 1}` });
    events.push({ partner: 'volunteers', partnerEventId: `tarim-vh-${month}`, type: 'volunteer_hour', occurredAt: daysAgo(20 + month * 30), quantity: 25 });
  }
  events.push({ partner: 'volunteers', partnerEventId: 'bosten-restore-1', type: 'restoration_mu', occurredAt: daysAgo(120), quantity: 30, evidenceRef: '湿地修复验收单' });
  events.push({ partner: 'volunteers', partnerEventId: 'tarim-donation-1', type: 'eco_fund_donation_100_yuan', occurredAt: daysAgo(60), quantity: 50, evidenceRef: '捐赠票据' });
  return events.map((e) => toStored(subjectIds[e.partnerEventId.startsWith('bosten') ? 'bostenWetland' : 'tarimPoplar']!, e, partners, today));
}

async function generatedPopulation(platform: Platform, partners: Partners, today: Date): Promise<NewEvent[]> {
  const random = seededRandom(7);
  const people = Array.from({ length: generatedCitizens }, (_, n) => ({
    type: 'individual', name: `居民${String(n + 1).padStart(4, '0')}`, nameEn: `Resident ${n + 1}`, region: regions[n % regions.length]!,
    code: `650199********${String(n + 1).padStart(4, '0')}`,
  }));
  const ids = await platform.services.points.repositories.population.insertGenerated(people, today);
  return ids.flatMap((id, n) => citizenYear(`r${n + 1}`, generatedProfile(random), today, random).map((e) => toStored(id, e, partners, today)));
}

async function insertEvents(platform: Platform, events: readonly NewEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += insertChunk) await platform.services.points.repositories.events.insertNew(events.slice(i, i + insertChunk));
}

async function seedIndicators(platform: Platform, subjectIds: Record<string, string>): Promise<void> {
  const now = platform.clock.now();
  for (const [key, values] of Object.entries(demoIndicators)) {
    const actor = subjectActor(key === 'hotanDates' ? 'enterprise' : 'walnut.coop', 'enterprise_user', subjectIds[key]!);
    const report = await platform.services.documents.upload(actor, {
      bytes: Buffer.from(`%PDF-1.4\n% ${key} 2026 environmental report (demo)\n`), contentType: 'application/pdf', filename: `${key}-2026-环境信息报告.pdf`,
    });
    await platform.services.points.repositories.submissions.insertMany(Object.entries(values).map(([indicatorId, value]) => ({
      subjectId: subjectIds[key]!, indicatorId, value, period: '2026', documentIds: [report.id], documentHashes: [report.sha256], state: 'accepted' as const,
      submittedBy: actor.principal.username, submittedAt: now, decidedBy: 'verifier', decidedAt: now, note: '演示数据：材料核验通过',
    })));
  }
  const hotan = subjectActor('enterprise', 'enterprise_user', subjectIds['hotanDates']!);
  const [pendingDoc] = await platform.services.documents.listOwn(hotan.principal, { limit: 1, offset: 0 }).then((p) => p.items);
  await platform.services.points.repositories.submissions.insert({
    subjectId: subjectIds['hotanDates']!, indicatorId: 'regional_contribution', value: 2, period: '2026', documentIds: [pendingDoc!.id], documentHashes: [pendingDoc!.sha256],
    state: 'submitted', submittedBy: 'enterprise', submittedAt: now,
  });
}

async function pendingObjection(platform: Platform, zhangId: string): Promise<void> {
  const ledger = await platform.services.points.repositories.ledger.page(zhangId, { limit: 200, offset: 0 });
  const entry = ledger.items.find((e) => e.eventType === 'frontage_duty_neglected');
  if (!entry) return;
  await platform.services.points.cases.object(subjectActor('citizen2', 'citizen', zhangId), {
    target: 'ledger_entry', ledgerEntryId: entry.id, reason: '当天门前已清扫，巡查照片拍摄的是邻居店铺门前', documentIds: [],
  });
}

/** Seeds once: a second call (the demo partners exist) does nothing. */
export async function seedPointsDemo(platform: Platform, subjectIds: Record<string, string>): Promise<void> {
  const mode = platform.config.points.demo;
  if (mode === 'none' || (await platform.repositories.institutions.findByCode(demoPartners.bus.institution.code))) return;
  const started = Date.now();
  const today = platform.clock.now();
  const partners = await createPartners(platform);
  const accounts = [...demoCitizenEvents(subjectIds, partners, today), ...organisationEvents(subjectIds, partners, today)];
  const events = mode === 'full' ? accounts.concat(await generatedPopulation(platform, partners, today)) : accounts;
  await insertEvents(platform, events);
  const inserted = Date.now();
  await seedIndicators(platform, subjectIds);
  const { recompute } = platform.services.points;
  const run = await recompute.start(systemActor);
  await recompute.run(run.id);
  await pendingObjection(platform, subjectIds['zhangWei']!);
  platform.logger.info({ events: events.length, insertMs: inserted - started, ms: Date.now() - started }, 'points demo seeded');
}
