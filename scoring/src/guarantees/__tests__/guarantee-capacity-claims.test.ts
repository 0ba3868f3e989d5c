import fc from 'fast-check';
import { checkCapacity } from '../check-capacity.js';
import { claimTimeline } from '../claim-timeline.js';
import { defaultGuaranteeRules as rules } from '../default-guarantee-rules.js';
import { guaranteeApprovalTier } from '../guarantee-approval-tier.js';
import { splitByRiskShares } from '../split-by-risk-shares.js';

const fourThreeTwoOne = { originalGuarantorBp: 4000, reguarantorBp: 3000, bankBp: 2000, localGovernmentBp: 1000 };

describe('checkCapacity', () => {
  // Net assets 200 million yuan: limit 2 billion (10×) or 3 billion (15×); one obligor 20 million.
  const base = { netAssetsFen: 20_000_000_000, mainlySmallBusinessAgriculture: false, outstandingFen: 199_000_000_000, obligorOutstandingFen: 0, requestFen: 1_000_000_000 };

  it('allows outstanding guarantees up to 10 × net assets exactly', () => {
    expect(checkCapacity(rules, base)).toMatchObject({ allowed: true, multiple: 10, outstandingLimitFen: 200_000_000_000, outstandingAfterFen: 200_000_000_000, obligorLimitFen: 2_000_000_000, breaches: [] });
  });

  it('refuses one fen more, with the figures', () => {
    const result = checkCapacity(rules, { ...base, requestFen: 1_000_000_001 });
    expect(result.allowed).toBe(false);
    expect(result.breaches).toEqual([{ limit: 'outstanding_multiple', limitFen: 200_000_000_000, afterFen: 200_000_000_001, message: 'outstanding guarantees would be 200000000001 fen, above 10 × net assets = 200000000000 fen' }]);
  });

  it('applies 15 × for institutions mainly serving small business and agriculture', () => {
    expect(checkCapacity(rules, { ...base, mainlySmallBusinessAgriculture: true, requestFen: 1_000_000_001 })).toMatchObject({ allowed: true, multiple: 15, outstandingLimitFen: 300_000_000_000 });
  });

  it('refuses one obligor above 10 % of net assets', () => {
    const result = checkCapacity(rules, { ...base, outstandingFen: 0, obligorOutstandingFen: 1_500_000_000, requestFen: 500_000_001 });
    expect(result.breaches).toEqual([{ limit: 'single_obligor', limitFen: 2_000_000_000, afterFen: 2_000_000_001, message: "the obligor's guarantees would be 2000000001 fen, above 10 % of net assets = 2000000000 fen" }]);
  });
});

describe('splitByRiskShares', () => {
  it('splits 40/30/20/10 exactly to the fen, the leftover fen to the original guarantor first', () => {
    expect(splitByRiskShares(1_000_000, fourThreeTwoOne)).toEqual({ originalGuarantor: 400_000, reguarantor: 300_000, bank: 200_000, localGovernment: 100_000 });
    expect(splitByRiskShares(1_000_003, fourThreeTwoOne)).toEqual({ originalGuarantor: 400_002, reguarantor: 300_001, bank: 200_000, localGovernment: 100_000 });
    // 7 fen: floors 2 + 2 + 1 + 0 = 5; the two fen left go to the original guarantor and the re-guarantor.
    expect(splitByRiskShares(7, fourThreeTwoOne)).toEqual({ originalGuarantor: 3, reguarantor: 3, bank: 1, localGovernment: 0 });
  });

  it('skips a zero share when handing out leftovers', () => {
    expect(splitByRiskShares(5, { originalGuarantorBp: 0, reguarantorBp: 5000, bankBp: 5000, localGovernmentBp: 0 })).toEqual({ originalGuarantor: 0, reguarantor: 3, bank: 2, localGovernment: 0 });
  });

  it('refuses shares that do not total 100 %', () => {
    expect(() => splitByRiskShares(100, { ...fourThreeTwoOne, bankBp: 1000 })).toThrow('risk shares must total 10000 bp (100 %), got 9000 bp');
  });

  it('always adds up to the amount, each part within a fen of its exact share', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, a, b) => {
      const [x, y] = [Math.min(a, b), Math.max(a, b)];
      const shares = { originalGuarantorBp: x, reguarantorBp: y - x, bankBp: 10_000 - y, localGovernmentBp: 0 };
      const split = splitByRiskShares(amount, shares);
      expect(split.originalGuarantor + split.reguarantor + split.bank + split.localGovernment).toBe(amount);
      for (const [part, bp] of [[split.originalGuarantor, x], [split.reguarantor, y - x], [split.bank, 10_000 - y]] as const) {
        expect(Math.abs(part * 10_000 - amount * bp)).toBeLessThanOrEqual(10_000 * 1.000001);
      }
    }));
  });
});

describe('claimTimeline', () => {
  it('counts the configured days from overdue, claim and compensation', () => {
    expect(claimTimeline(rules, { overdueSince: '2026-01-31' })).toEqual({ claimableFrom: '2026-05-01', payBy: null, reguaranteeClaimBy: null });
    expect(claimTimeline(rules, { overdueSince: '2026-01-31', claimedOn: '2026-05-02', compensatedOn: '2026-05-20' })).toEqual({ claimableFrom: '2026-05-01', payBy: '2026-06-01', reguaranteeClaimBy: '2026-07-19' });
    expect(() => claimTimeline(rules, { overdueSince: '2026-13-01' })).toThrow(expect.objectContaining({ field: 'overdueSince' }));
  });
});

describe('guaranteeApprovalTier', () => {
  it('lets an approver decide up to 10 million yuan, the committee above', () => {
    expect(guaranteeApprovalTier(rules, 1_000_000_000, 'approver')).toEqual({ required: rules.approvalTiers[0], allowed: true });
    expect(guaranteeApprovalTier(rules, 1_000_000_001, 'approver')).toEqual({ required: rules.approvalTiers[1], allowed: false });
    expect(guaranteeApprovalTier(rules, 1_000_000_001, 'committee').allowed).toBe(true);
  });
});
