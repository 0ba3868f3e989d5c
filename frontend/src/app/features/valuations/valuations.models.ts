export interface ValuationInput {
  value: unknown;
  unit: string;
  source: 'request' | 'default' | 'configuration';
  configPath?: string;
}

export interface Valuation {
  id: string;
  assetId: string;
  purpose: 'preliminary' | 'lending' | 'revaluation';
  valuationDate: string;
  configVersion: string;
  engineVersion: string;
  priceSources: { reference: string; date: string; priceFen: number; unit: string; source: string; role: string }[];
  previousValuationId: string | null;
  changeFen: number | null;
  result: {
    method: string;
    methodReason: string;
    valueType: 'market' | 'accounting';
    valueFen: number;
    range: { lowFen: number; highFen: number; basis: string };
    confidence: { grade: 'high' | 'medium' | 'low'; reasons: string[] };
    haircut: { market: number; liquidity: number; legal: number; physical: number; total: number };
    lendingValueFen: number;
    pledgeRate: number;
    maxLoanFen: number;
    maxTermYears: number;
    inputs: Record<string, ValuationInput>;
    warnings: { code: string; message: string }[];
  };
}

export interface StressedPledge {
  id: string;
  assetType: string;
  valueFen: number;
  maxLoanFen: number;
  outstandingLoanFen: number;
  ltv: number | null;
  ltvThreshold: number;
  breach: boolean;
  excessLoanFen: number;
}

export interface StressedScenario {
  id: string;
  name: string;
  description: string;
  pledges: StressedPledge[];
  totals: { valueFen: number; outstandingLoanFen: number; ltv: number | null; breaches: number };
}

export interface PortfolioStress {
  configVersion: string;
  valuationDate: string;
  baseline: StressedScenario;
  scenarios: StressedScenario[];
  assets: { id: string; name: string; assetType: string; loanId: string; certificateNumber: string }[];
}

export interface LtvAlert {
  id: string;
  assetId: string;
  loanId: string;
  ltv: number | null;
  ltvThreshold: number;
  outstandingFen: number;
  valueFen: number;
  status: 'open' | 'acknowledged' | 'resolved';
  raisedAt: string;
}
