/** GEP runs, catalogue and compensation as the API returns them (amounts in integer fen). */
export type GepRunState = 'DRAFT' | 'REVIEWED' | 'PUBLISHED' | 'SUPERSEDED';

export interface GepServiceValue { code: string; category: 'provisioning' | 'regulating' | 'cultural'; unit: string; method: string; quantity: string; unitPriceFen: number; valueFen: number }
export interface GepResult {
  services: GepServiceValue[];
  missing: string[];
  totalFen: number;
  byCategory: { provisioning: number; regulating: number; cultural: number };
  perCapitaFen: number;
  perKm2Fen: number;
  gepToGdp: string;
  coverage: { withData: number; expected: number; shareBp: number };
}
export interface GepChange { previousTotalFen: number; totalFen: number; valueChangeFen: number; physicalEffectFen: number; priceEffectFen: number }

export interface GepRun {
  id: string;
  region: string;
  year: number;
  version: number;
  state: GepRunState;
  changeNote: string | null;
  correctsRunId: string | null;
  configVersion: string;
  result: GepResult;
  change: GepChange | null;
  preparedBy?: { username: string };
  inputs?: { population: number; areaKm2: string; gdpFen: number; quantities?: Record<string, string>; siteCodes: string[] };
  reviewedBy?: { username: string } | null;
  allowedActions?: string[];
}
export interface PublicGepRun extends GepRun { services: { code: string; nameZh: string; nameEn: string }[]; supersededBy: string | null }

export interface CatalogueEntry {
  id: string; region: string; ecosystem: string; product: string; category: string; indicator: string; unit: string; department: string; dataSource: string;
  thresholds?: { min: string | null; maxDropShare: string | null };
}
export interface Observation { date: string; value: string; unit: string; source: string }
export interface CatalogueEntryDetail extends CatalogueEntry { series: Observation[]; alerts: MonitoringAlert[] }
export interface CatalogueEntryInput {
  region: string; regionLevel: 'prefecture' | 'county'; ecosystem: string; product: string; category: string; indicator: string; unit: string; department: string; dataSource: string;
  thresholds?: { min?: string; maxDropShare?: string };
}
export interface ImportRowError { row: number; field: string; message: string }
export interface ImportResult { imported: number; unchanged: number; alertsRaised: MonitoringAlert[] }

export interface GepServiceConfig { code: string; nameZh: string; nameEn: string; category: string; unit: string; method: string; unitPriceFen: number }
export interface GepConfig { version: string; services: GepServiceConfig[] }
export interface EcoRegion { name: string; nameEn: string; level: 'prefecture' | 'county'; prefecture: string | null }
export interface EcoRegions { version: string; regions: EcoRegion[] }
export interface GepRunInput { region: string; year: number; population: number; areaKm2: string; gdpFen: number; quantities: Record<string, string>; siteCodes?: string[] }

export interface Basin { code: string; nameZh: string; nameEn: string; upstream: { region: string; regionZh: string }; downstream: { region: string; regionZh: string } }
export interface Institution { id: string; name: string; type: string }
export interface AgreementInput {
  basinCode: string; upstreamInstitutionId: string; downstreamInstitutionId: string; title: string; periodFrom: string; periodTo: string; objectionWindowDays: number; terms: unknown;
}
export interface SettlementMonitoring { pollutantMeans?: Record<string, string>; deliveredM3?: string; upstreamRegulatingGep?: { previousFen: number; currentFen: number } }
export interface SettlementInput { period: string; monitoring: SettlementMonitoring }
export interface SettlementPreview { period: string; result: Settlement['result']; existing: { id: string; state: string } | null }
export interface AgreementTerms {
  waterQuality?: { k0: string; pollutants: { code: string; baseline: string; weight: string }[] };
  waterQuantity?: { agreedM3: string };
  gepAdjustment?: { share: string; maxFen: number };
}
export interface MonitoringAlert { id: string; entryId: string; region: string; kind: 'below_threshold' | 'yoy_drop'; date: string; value: string; reference: string; dropShare: string | null }

export interface SettlementLine { code: string; payer: string | null; payee: string | null; amountFen: number; signedFen?: number; basis?: Record<string, string | number | boolean | null> }
export interface Settlement {
  id: string;
  period: string;
  round: number;
  state: 'PENDING_CONFIRMATION' | 'FINAL' | 'OBJECTED';
  myParty: 'upstream' | 'downstream' | null;
  objectionOpen: boolean;
  objectionDeadline: string;
  deemedAcceptance?: { at: string; deadline: string; parties: string[] } | null;
  monitoring: { deliveredM3?: string };
  confirmations: { upstream: { username: string } | null; downstream: { username: string } | null };
  result: {
    qualityIndex: { index: string; met: boolean; k0?: string; terms?: { code: string; mean: string; baseline: string; weight: string; ratio: string; weighted: string }[] } | null;
    lines: SettlementLine[]; netSignedFen?: number; payer: string | null; payee: string | null; amountFen: number;
  };
}
export interface Agreement {
  id: string;
  basinCode: string;
  title: string;
  basin: { nameZh: string; nameEn: string };
  upstreamName: string;
  downstreamName: string;
  myParty: 'upstream' | 'downstream' | null;
  terms?: AgreementTerms;
  settlements?: Settlement[];
}
