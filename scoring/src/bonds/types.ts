// Green bonds (issue 10): proceeds ledger, look-back and impact aggregation. Amounts in fen.

export interface BondAllocationLine {
  projectId: string;
  amountFen: number;
  /** True when the allocation refinances expenditure made before issue (within the look-back). */
  refinancing?: boolean | undefined;
}

export interface AllocationSummary {
  proceedsFen: number;
  allocatedFen: number;
  unallocatedFen: number;
  /** allocated / proceeds in basis points, half-even. */
  allocatedShareBp: number;
  refinancingFen: number;
  newFinancingFen: number;
  byProject: { projectId: string; amountFen: number }[];
}

/** Quantified environmental benefits, keyed by the taxonomy's measure codes (e.g. co2e_reduced_t). */
export type ImpactMeasures = Record<string, number>;

export interface ProjectImpact {
  projectId: string;
  measures: ImpactMeasures;
}

export interface ImpactTotals {
  totals: ImpactMeasures;
  projects: number;
}
