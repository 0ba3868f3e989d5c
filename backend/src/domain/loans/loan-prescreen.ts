// Pre-screen of an application (automatic on submission, re-run on demand): eligibility, the
// applicant's grade and benefits, a fresh valuation of each offered asset, the maximum loan and the
// suggested rate — stored with the version of every rule and configuration used.
import type { LoanApplication } from '../../db/loans/loan.types.js';
import { AppError } from '../errors/index.js';
import type { Actor } from '../identity/principal.js';
import { loanMaths } from './loan-maths.js';
import type { CollateralPort, CollateralValuation, ScorePort } from './loan-ports.js';

export interface PrescreenReason {
  code: 'ASSET_NOT_VERIFIED' | 'ASSET_NOT_OWNED' | 'ASSET_NOT_FREE' | 'ACTIVE_VETO' | 'TERM_BEYOND_RIGHT' | 'VALUATION_FAILED' | 'TAXONOMY_NOT_ELIGIBLE' | 'NO_SCORE' | 'AMOUNT_ABOVE_MAX_LOAN';
  message: string;
  assetId?: string;
}

export interface Prescreen {
  ranAt: Date;
  eligible: boolean;
  reasons: PrescreenReason[];
  grade: string | null;
  loanRateDiscountBp: number;
  activeVetoes: { vetoId: string; until: string | null }[];
  valuations: (CollateralValuation & { name: string })[];
  maxLoanFen: number;
  maxLoan: { pledgeCapacityFen: number; maxTermMonths: number; reasons: string[] };
  suggestedAnnualRateBp: number;
  rate: Record<string, unknown>;
  taxonomy: { code: string; eligible: boolean; name: string | null };
  versions: { pricingConfig: string; taxonomy: string; ruleSet: string | null; valuationConfigs: string[]; valuationEngines: string[] };
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export async function runPrescreen(
  deps: { collateral: CollateralPort; score: ScorePort; now: Date },
  actor: Actor,
  application: LoanApplication,
): Promise<Prescreen> {
  const reasons: PrescreenReason[] = [];
  const today = isoDay(deps.now);
  const taxonomy = loanMaths.taxonomyEntry(application.taxonomyCode ?? '');
  if (!taxonomy.eligible) reasons.push({ code: 'TAXONOMY_NOT_ELIGIBLE', message: `use of proceeds ${application.taxonomyCode} is not an eligible green category` });

  // Independent reads run together: the score, the assets and (below) each asset's valuation.
  const [score, assets] = await Promise.all([deps.score.current(application.subjectId, today), deps.collateral.find(application.assetIds)]);
  if (!score) reasons.push({ code: 'NO_SCORE', message: 'the applicant has no ecological score yet: no grade discount applies' });
  for (const veto of score?.activeVetoes ?? []) reasons.push({ code: 'ACTIVE_VETO', message: `veto ${veto.vetoId} is in force${veto.until ? ` until ${veto.until}` : ''}` });

  const valuations: Prescreen['valuations'] = [];
  const valuable: { id: string; name: string }[] = [];
  for (const id of application.assetIds) {
    const asset = assets.find((a) => a.id === id);
    if (!asset || asset.subjectId !== application.subjectId) {
      reasons.push({ code: 'ASSET_NOT_OWNED', message: 'the asset is not the applicant’s', assetId: id });
      continue;
    }
    if (!asset.verified) reasons.push({ code: 'ASSET_NOT_VERIFIED', message: `${asset.name} is not verified`, assetId: id });
    if (asset.encumbrance.status !== 'free' && !(application.acceptedLoanId && asset.encumbrance.loanId === application.acceptedLoanId)) {
      reasons.push({ code: 'ASSET_NOT_FREE', message: `${asset.name} is ${asset.encumbrance.status}`, assetId: id });
    }
    valuable.push({ id, name: asset.name });
  }
  const outcomes = await Promise.all(valuable.map(async ({ id, name }) => {
    try {
      return { ...(await deps.collateral.value(actor, id)), name };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      reasons.push({ code: 'VALUATION_FAILED', message: `${name} could not be valued: ${e.message}`, assetId: id });
      return null;
    }
  }));
  for (const outcome of outcomes) if (outcome) valuations.push(outcome);
  const maxLoan = loanMaths.maxLoan(valuations.map((v) => ({
    assetId: v.assetId,
    valuation: { assetType: v.assetType, lendingValueFen: v.lendingValueFen, pledgeRate: v.pledgeRate, maxLoanFen: v.maxLoanFen, maxTermYears: v.maxTermYears, configVersion: v.configVersion },
  })));
  for (const line of maxLoan.pledges) {
    if (application.termMonths !== null && application.termMonths > line.maxTermMonths) {
      const name = valuations.find((v) => v.assetId === line.assetId)?.name ?? line.assetId;
      reasons.push({ code: 'TERM_BEYOND_RIGHT', message: `the term of ${application.termMonths} months is longer than the ${line.maxTermMonths} months ${name} allows`, assetId: line.assetId });
    }
  }
  const maxLoanFen = maxLoan.maxLoanFen;
  if (application.amountFen !== null && application.amountFen > maxLoanFen) {
    reasons.push({ code: 'AMOUNT_ABOVE_MAX_LOAN', message: `the amount asked is above the maximum loan of ${maxLoanFen} fen` });
  }
  const rate = loanMaths.suggestedRate(score?.grade ?? null, score?.loanRateDiscountBp ?? 0);
  const blocking = new Set<PrescreenReason['code']>(['ASSET_NOT_VERIFIED', 'ASSET_NOT_OWNED', 'ASSET_NOT_FREE', 'ACTIVE_VETO', 'TERM_BEYOND_RIGHT', 'TAXONOMY_NOT_ELIGIBLE']);
  return {
    ranAt: deps.now,
    eligible: !reasons.some((r) => blocking.has(r.code)),
    reasons,
    grade: score?.grade ?? null,
    loanRateDiscountBp: score?.loanRateDiscountBp ?? 0,
    activeVetoes: score?.activeVetoes ?? [],
    valuations,
    maxLoanFen,
    suggestedAnnualRateBp: rate.annualRateBp,
    rate: { annualRate: rate.annualRate, bound: rate.bound, components: rate.components },
    maxLoan: { pledgeCapacityFen: maxLoan.pledgeCapacityFen, maxTermMonths: maxLoan.maxTermMonths, reasons: maxLoan.reasons },
    taxonomy: { code: application.taxonomyCode ?? '', eligible: taxonomy.eligible, name: taxonomy.name },
    versions: {
      pricingConfig: loanMaths.pricing.version,
      taxonomy: loanMaths.taxonomyVersion,
      ruleSet: score ? `${score.ruleSetId}@${score.ruleSetVersion}` : null,
      valuationConfigs: [...new Set(valuations.map((v) => v.configVersion))],
      valuationEngines: [...new Set(valuations.map((v) => v.engineVersion))],
    },
  };
}
