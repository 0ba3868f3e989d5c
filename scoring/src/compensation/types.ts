// Horizontal (upstream–downstream) ecological compensation in a river basin. Amounts in integer
// fen, concentrations in mg/L and volumes in m³ as decimal text, weights and shares as decimals.

export type Party = 'upstream' | 'downstream';

/** One pollutant of the cross-section water-quality assessment. */
export interface PollutantTerm {
  /** e.g. 'codmn' (permanganate index), 'nh3n' (ammonia nitrogen), 'tp', 'tn'. */
  code: string;
  /** Agreed baseline concentration C_i0 (mg/L, decimal text, > 0). */
  baseline: string;
  /** Weight k_i (decimal text); the weights sum to exactly 1. */
  weight: string;
}

/** One row of the payment schedule: applies while P ≤ upToIndex (null: no upper bound). */
export interface QualityTier {
  upToIndex: string | null;
  /** Who pays: 'downstream' for P ≤ 1, 'upstream' for P > 1. */
  payer: Party;
  amountFen: number;
}

export interface WaterQualityTerms {
  /** Stability factor K0 (decimal text). */
  k0: string;
  pollutants: PollutantTerm[];
  schedule: QualityTier[];
}

export interface WaterQuantityTerms {
  /** Ecological flow the upstream party delivers to the downstream section in the period (m³). */
  agreedM3: string;
  /** Upstream pays the downstream party this many fen per m³ short. */
  shortfallRateFen: number;
  /** Downstream pays the upstream party this many fen per m³ above the agreed volume. */
  surplusRateFen: number;
  maxShortfallFen: number;
  maxSurplusFen: number;
}

export interface GepAdjustmentTerms {
  /** Share (decimal text, 0–1) of the change in the upstream region's regulating-service GEP. */
  share: string;
  maxFen: number;
}

/** The assessment rules of an agreement (configuration). */
export interface CompensationTerms {
  /** Each party's contribution to the compensation pool for the period; a payer never pays more than it put in. */
  contributions: { upstreamFen: number; downstreamFen: number };
  waterQuality?: WaterQualityTerms | undefined;
  waterQuantity?: WaterQuantityTerms | undefined;
  gepAdjustment?: GepAdjustmentTerms | undefined;
}

/** The period's monitoring data at the cross-section. */
export interface CompensationMonitoring {
  /** Period mean concentration C_i per pollutant code (mg/L, decimal text). */
  pollutantMeans?: Record<string, string> | undefined;
  /** Ecological flow delivered to the downstream section (m³). */
  deliveredM3?: string | undefined;
  /** The upstream region's regulating-service GEP of the previous and the current year (fen). */
  upstreamRegulatingGep?: { previousFen: number; currentFen: number } | undefined;
}

export interface QualityIndexTerm {
  code: string;
  mean: string;
  baseline: string;
  weight: string;
  /** C_i / C_i0, 4 decimals. */
  ratio: string;
  /** k_i × C_i / C_i0, 4 decimals. */
  weighted: string;
}

export interface QualityIndex {
  /** P = K0 × Σ k_i C_i / C_i0, 4 decimals (the comparison with 1 uses the exact value). */
  index: string;
  k0: string;
  terms: QualityIndexTerm[];
  /** P ≤ 1: the water met the standard, the downstream party pays; P > 1: the upstream party pays. */
  met: boolean;
}

/** One line of a settlement: who pays whom how much, and why. */
export interface SettlementLine {
  code: 'water_quality' | 'water_quantity' | 'gep_adjustment' | 'pool_cap';
  payer: Party | null;
  payee: Party | null;
  amountFen: number;
  /** Signed from the downstream party to the upstream party (positive: downstream pays). */
  signedFen: number;
  /** The calculation in words and figures. */
  basis: Record<string, string | number | boolean | null>;
}

export interface Settlement {
  qualityIndex: QualityIndex | null;
  lines: SettlementLine[];
  /** Σ signed lines before the pool cap. */
  netSignedFen: number;
  payer: Party | null;
  payee: Party | null;
  /** What the payer transfers (after the pool cap). */
  amountFen: number;
}
