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
  reviewedBy?: { username: string } | null;
  allowedActions?: string[];
}
export interface PublicGepRun extends GepRun { services: { code: string; nameZh: string; nameEn: string }[]; supersededBy: string | null }

export interface CatalogueEntry { id: string; region: string; ecosystem: string; product: string; category: string; indicator: string; unit: string; department: string; dataSource: string }
export interface MonitoringAlert { id: string; entryId: string; region: string; kind: 'below_threshold' | 'yoy_drop'; date: string; value: string; reference: string; dropShare: string | null }

export interface SettlementLine { code: string; payer: string | null; payee: string | null; amountFen: number }
export interface Settlement {
  id: string;
  period: string;
  round: number;
  state: 'PENDING_CONFIRMATION' | 'FINAL' | 'OBJECTED';
  myParty: 'upstream' | 'downstream' | null;
  objectionOpen: boolean;
  objectionDeadline: string;
  monitoring: { deliveredM3?: string };
  confirmations: { upstream: { username: string } | null; downstream: { username: string } | null };
  result: { qualityIndex: { index: string; met: boolean } | null; lines: SettlementLine[]; payer: string | null; payee: string | null; amountFen: number };
}
export interface Agreement {
  id: string;
  basinCode: string;
  title: string;
  basin: { nameZh: string; nameEn: string };
  upstreamName: string;
  downstreamName: string;
  myParty: 'upstream' | 'downstream' | null;
  settlements?: Settlement[];
}
