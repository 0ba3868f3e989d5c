// Shared bodies and helpers of the asset, valuation and revaluation tests.
import type { TestPlatform } from '../../../test-support/test-platform.js';

export const waterRight = (permitNumber = 'B652900S2026-0001') => ({
  assetType: 'water_right',
  name: '叶尔羌河莎车段农业取水权',
  details: {
    permitNumber, basin: '叶尔羌河', waterSource: 'surface', useType: 'agricultural',
    permittedAnnualVolumeM3: 1_500_000, allocatedAnnualVolumeM3: 1_200_000, validFrom: '2024-07-01', validUntil: '2031-06-30',
  },
});

export const timberForest = (certificateNumber = '新(2025)阿克苏林权第0001号') => ({
  assetType: 'forest_right',
  name: '阿克苏新疆杨用材林',
  details: {
    certificateNumber, location: '阿克苏地区温宿县', areaHa: 120, species: '银白杨', origin: 'planted', standAgeYears: 26,
    rotationAgeYears: 25, stockVolumeM3: 9_000, forestType: 'timber', rightValidUntil: '2055-12-31',
  },
});

export const carbonHolding = (registryAccount = 'CEA-650000-0042') => ({
  assetType: 'carbon',
  name: '哈密风电 2025 年度配额',
  details: { registryAccount, kind: 'CEA', vintage: 2025, quantityTco2e: 100_000 },
});

export async function upload(t: TestPlatform, token: string, text: string, filename = '许可证.pdf', contentType = 'application/pdf'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.baseUrl}/api/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, 'X-Filename': encodeURIComponent(filename) },
    body: Buffer.from(text),
  });
  return { status: res.status, body: await res.json() };
}

/** Registers, submits and verifies an asset; returns its id. */
export async function verifiedAsset(t: TestPlatform, ownerToken: string, verifierToken: string, body: object, documentText: string): Promise<string> {
  const document = await upload(t, ownerToken, documentText);
  const created = await t.api.post('/api/assets', { ...body, documentIds: [document.body.id] }, ownerToken);
  if (created.status !== 201) throw new Error(`register failed: ${JSON.stringify(created.body)}`);
  await t.api.post(`/api/assets/${created.body.id}/submit`, undefined, ownerToken);
  const verified = await t.api.post(`/api/assets/${created.body.id}/verify`, {}, verifierToken);
  if (verified.status !== 200) throw new Error(`verify failed: ${JSON.stringify(verified.body)}`);
  return created.body.id as string;
}

export async function recordPrice(t: TestPlatform, adminToken: string, reference: string, date: string, priceFen: number, unit = 'yuan/unit'): Promise<void> {
  const res = await t.api.post('/api/prices', { reference, date, priceFen, unit, source: '测试行情' }, adminToken);
  if (res.status !== 201 && res.status !== 200) throw new Error(`price failed: ${JSON.stringify(res.body)}`);
}

export async function institutionIdOf(t: TestPlatform, code: string): Promise<string> {
  return (await t.platform.repositories.institutions.findByCode(code))!.id;
}

export const tarimBankCode = '91652900MA7T00003B';
export const bostenBankCode = '91652800MA7B00004B';
export const ebinurBankCode = '93652700MA7E00005C';
