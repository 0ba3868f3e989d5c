import { permissionsOf } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';
import { seedDemoAssets } from './assets-demo.js';
import { demoInstitutions, demoPassword, demoSubjects, demoUsers } from './demo-data.js';
import { seedGuaranteesDemo } from './guarantees-demo.js';
import { seedBankBondDemo, seedBondsDemo } from './bonds-demo.js';
import { seedEcologyDemo } from './ecology-demo.js';
import { seedLoansDemo } from './loans-demo.js';
import { seedPointsDemo } from './points-demo.js';
import { seedSecuritisationDemo } from './securitisation-demo.js';
import { seedDemoPrices } from './prices-demo.js';
import { seedCertificationDemo } from './certification-demo.js';
import { seedDamageDemo } from './damage-demo.js';
import { seedTradingDemo } from './trading-demo.js';

/** The platform itself, acting through the audited services when it seeds data. */
export const systemActor: Actor & { principal: Principal } = {
  principal: { userId: 'system', username: 'system', roles: ['admin'], permissions: new Set(permissionsOf(['admin'])) },
  requestId: 'demo-seed',
};

/** Seeds the demo on an empty database (no users yet); does nothing otherwise. */
export async function seedDemoIfEmpty(platform: Platform): Promise<boolean> {
  if ((await platform.repositories.users.count()) > 0) return false;
  const { directory } = platform.services;
  const institutionIds: Record<string, string> = {};
  for (const [key, data] of Object.entries(demoInstitutions)) {
    const existing = await platform.repositories.institutions.findByCode(data.code);
    institutionIds[key] = (existing ?? (await directory.createInstitution(systemActor, data))).id;
  }
  const subjectIds: Record<string, string> = {};
  for (const [key, data] of Object.entries(demoSubjects)) subjectIds[key] = (await directory.createSubject(systemActor, data)).id;
  for (const user of demoUsers) {
    await directory.createUser(systemActor, {
      username: user.username,
      displayName: user.displayName,
      password: demoPassword,
      roles: user.roles,
      institutionId: user.institution ? institutionIds[user.institution] : undefined,
      subjectId: user.subject ? subjectIds[user.subject] : undefined,
    });
  }
  await seedDemoPrices(platform);
  await seedDemoAssets(platform, { subjects: subjectIds, institutions: institutionIds });
  await seedPointsDemo(platform, subjectIds);
  // Loans last: they pledge freshly verified assets and price with the points snapshots.
  await seedLoansDemo(platform, { beforeOverdueRun: () => seedBankBondDemo(platform) });
  // Green bonds after loans (the regulator's statistics read both).
  await seedBondsDemo(platform);
  // Guarantees after loans: they guarantee demo loans waiting in GUARANTEE_PENDING.
  await seedGuaranteesDemo(platform, institutionIds);
  // Ecology: catalogue and monitoring, published GEP runs, the six basins' agreements and settlements.
  await seedEcologyDemo(platform, institutionIds);
  // Certified products: a walnut batch with a verified custody chain (public lookup XJ-2026-AKSU01).
  await seedCertificationDemo(platform, { subjects: subjectIds, institutions: institutionIds });
  // Trading: a CCER sale with the pledgee bank's consent and a resting book; damage cases in three states.
  await seedTradingDemo(platform, { subjects: subjectIds, institutions: institutionIds });
  await seedDamageDemo(platform, { subjects: subjectIds, institutions: institutionIds });
  // Product-order pledges and securitised loan pools (after loans: the pools hold demo loans).
  await seedSecuritisationDemo(platform);
  platform.logger.info({ users: demoUsers.length }, 'demo data seeded');
  return true;
}
