import { sumFen } from '../money/sum-fen.js';
import { subtractFen } from '../money/subtract-fen.js';
import { BondInputError } from './bond-input-error.js';
import { shareBp } from './share-bp.js';
import type { BondAllocationLine, AllocationSummary } from './types.js';

/**
 * Proceeds ledger totals: what is allocated in all and per project, what is left unallocated and the
 * allocated share in basis points (half-even). Refuses a ledger whose allocations exceed the proceeds.
 */
export function allocationSummary(proceedsFen: number, allocations: readonly BondAllocationLine[]): AllocationSummary {
  const allocatedFen = sumFen(allocations.map((a) => a.amountFen));
  const unallocatedFen = subtractFen(proceedsFen, allocatedFen);
  if (unallocatedFen < 0) throw new BondInputError(`allocations ${allocatedFen} fen exceed proceeds ${proceedsFen} fen`);
  const byProject = new Map<string, number>();
  for (const a of allocations) byProject.set(a.projectId, sumFen([byProject.get(a.projectId) ?? 0, a.amountFen]));
  const refinancingFen = sumFen(allocations.filter((a) => a.refinancing).map((a) => a.amountFen));
  return {
    proceedsFen,
    allocatedFen,
    unallocatedFen,
    allocatedShareBp: shareBp(allocatedFen, proceedsFen),
    refinancingFen,
    newFinancingFen: allocatedFen - refinancingFen,
    byProject: [...byProject.entries()].map(([projectId, amountFen]) => ({ projectId, amountFen })),
  };
}
