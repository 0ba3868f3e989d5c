import { yuanToFen } from '../loans/loan-format';

/** The agreement form's terms section as the user fills it (amounts in yuan, rates in fen per m³). */
export interface TermsForm {
  upstreamYuan: string;
  downstreamYuan: string;
  quality: boolean;
  k0: string;
  pollutants: { code: string; baseline: string; weight: string }[];
  schedule: { upToIndex: string; payer: 'upstream' | 'downstream'; amountYuan: string }[];
  quantity: boolean;
  agreedM3: string;
  shortfallRateFen: string;
  surplusRateFen: string;
  maxShortfallYuan: string;
  maxSurplusYuan: string;
  gep: boolean;
  gepShare: string;
  gepMaxYuan: string;
}

export const defaultTermsForm = (): TermsForm => ({
  upstreamYuan: '', downstreamYuan: '',
  quality: true, k0: '0.85',
  pollutants: [{ code: 'codmn', baseline: '4', weight: '0.25' }, { code: 'nh3n', baseline: '0.5', weight: '0.25' }, { code: 'tp', baseline: '0.1', weight: '0.25' }, { code: 'tn', baseline: '1', weight: '0.25' }],
  schedule: [{ upToIndex: '0.8', payer: 'downstream', amountYuan: '' }, { upToIndex: '1', payer: 'downstream', amountYuan: '' }, { upToIndex: '', payer: 'upstream', amountYuan: '' }],
  quantity: false, agreedM3: '', shortfallRateFen: '', surplusRateFen: '', maxShortfallYuan: '', maxSurplusYuan: '',
  gep: false, gepShare: '', gepMaxYuan: '',
});

const fen = (yuan: string): number => yuanToFen(yuan) ?? 0;
const int = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : 0);

/** The terms as the API takes them (schemas/compensation/agreement-terms.schema.json): amounts in fen; an empty bound is the open last tier. */
export function agreementTermsFromForm(f: TermsForm): Record<string, unknown> {
  return {
    contributions: { upstreamFen: fen(f.upstreamYuan), downstreamFen: fen(f.downstreamYuan) },
    ...(f.quality ? {
      waterQuality: {
        k0: f.k0.trim(),
        pollutants: f.pollutants.filter((p) => p.code.trim()).map((p) => ({ code: p.code.trim(), baseline: p.baseline.trim(), weight: p.weight.trim() })),
        schedule: f.schedule.filter((t) => t.amountYuan.trim()).map((t) => ({ upToIndex: t.upToIndex.trim() || null, payer: t.payer, amountFen: fen(t.amountYuan) })),
      },
    } : {}),
    ...(f.quantity ? {
      waterQuantity: { agreedM3: f.agreedM3.trim(), shortfallRateFen: int(f.shortfallRateFen), surplusRateFen: int(f.surplusRateFen), maxShortfallFen: fen(f.maxShortfallYuan), maxSurplusFen: fen(f.maxSurplusYuan) },
    } : {}),
    ...(f.gep ? { gepAdjustment: { share: f.gepShare.trim(), maxFen: fen(f.gepMaxYuan) } } : {}),
  };
}
