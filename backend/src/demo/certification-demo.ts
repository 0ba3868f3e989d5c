// Demo certified product: 新疆品质 certificate of the Aksu walnut cooperative's thin-shell walnuts,
// a batch from its Wensu walnut forest right with a five-step custody chain (harvest and processing
// by the cooperative, inspection by the certifier, cold-chain transport, sale), label code
// XJ-2026-AKSU01 — its public page shows a verified chain.
import { permissionsOf, type Role } from '../domain/identity/permissions.js';
import type { Actor, Principal } from '../domain/identity/principal.js';
import type { Platform } from '../platform.js';

export const demoProductCode = 'XJ-2026-AKSU01';

const actorOf = (role: Role, tenant: { institutionId?: string; subjectId?: string }, username: string): Actor & { principal: Principal } => ({
  principal: { userId: 'system', username, roles: [role], permissions: new Set(permissionsOf([role])), ...tenant },
  requestId: 'demo-seed',
});

export async function seedCertificationDemo(platform: Platform, ids: { subjects: Record<string, string>; institutions: Record<string, string> }): Promise<void> {
  const walnut = ids.subjects['aksuWalnut']!;
  const certifier = actorOf('certifier', { institutionId: ids.institutions['certifier']! }, 'certifier');
  const coldChain = actorOf('custody_operator', { institutionId: ids.institutions['coldChain']! }, 'coldchain');
  const coop = actorOf('enterprise_user', { subjectId: walnut }, 'walnut.coop');
  const assets = await platform.repositories.assets.list({ kind: 'subject', subjectId: walnut }, { assetType: 'forest_right' }, { limit: 20, offset: 0 });
  const forest = assets.items.find((a) => a.name === '温宿县核桃经济林林权' && a.state === 'verified');
  if (!forest) return;
  const { certification, traceability } = platform.services;
  const certificate = await certification.issue(certifier, {
    certificateNumber: 'XJPZ-2026-0088', scheme: 'xinjiang_quality', producerSubjectId: walnut, productName: '阿克苏薄皮核桃',
    scope: '温宿县托乎拉乡核桃经济林 86.7 公顷所产薄皮核桃的种植、采收与初加工', validFrom: '2026-01-01', validUntil: '2028-12-31', documentIds: [],
  });
  await traceability.registerBatch(coop, { code: demoProductCode, certificateId: certificate.id, originAssetId: forest.id, quantity: 12_000, unit: 'kg' });
  const steps: [Actor & { principal: Principal }, 'harvest' | 'processing' | 'inspection' | 'transport' | 'sale', string, string, string][] = [
    [coop, 'harvest', '2026-09-20T02:00:00Z', '温宿县托乎拉乡核桃园 3 号地块', '人工采收青皮核桃 14,500 kg'],
    [coop, 'processing', '2026-09-22T04:00:00Z', '温宿县合作社初加工车间', '脱青皮、清洗、晾晒，得干果 12,000 kg'],
    [certifier, 'inspection', '2026-09-25T03:00:00Z', '新疆品质认证中心阿克苏检测室', '抽检 20 个样品：水分 7.2 %，黄曲霉毒素未检出'],
    [coldChain, 'transport', '2026-09-28T01:00:00Z', '阿克苏—乌鲁木齐', '冷链运输 1,012 公里，全程 2–8 °C'],
    [coop, 'sale', '2026-10-02T06:00:00Z', '乌鲁木齐北园春市场', '批发销售 12,000 kg'],
  ];
  for (const [actor, type, performedAt, location, description] of steps) {
    await traceability.appendStep(actor, { batchCode: demoProductCode, type, performedAt, location, description });
  }
}
