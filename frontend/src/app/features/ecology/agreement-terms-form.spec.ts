import { agreementTermsFromForm, defaultTermsForm } from './agreement-terms-form';

describe('agreementTermsFromForm', () => {
  it('turns yuan into fen, keeps decimals as text and leaves the last tier open', () => {
    const form = { ...defaultTermsForm(), upstreamYuan: '100000000', downstreamYuan: '100000000.5', quantity: true, agreedM3: '3500000000', shortfallRateFen: '8', surplusRateFen: '4', maxShortfallYuan: '60000000', maxSurplusYuan: '30000000' };
    form.schedule = [{ upToIndex: '0.8', payer: 'downstream', amountYuan: '30000000' }, { upToIndex: '1', payer: 'downstream', amountYuan: '15000000' }, { upToIndex: '', payer: 'upstream', amountYuan: '30000000' }];
    expect(agreementTermsFromForm(form)).toEqual({
      contributions: { upstreamFen: 10_000_000_000, downstreamFen: 10_000_000_050 },
      waterQuality: {
        k0: '0.85',
        pollutants: [{ code: 'codmn', baseline: '4', weight: '0.25' }, { code: 'nh3n', baseline: '0.5', weight: '0.25' }, { code: 'tp', baseline: '0.1', weight: '0.25' }, { code: 'tn', baseline: '1', weight: '0.25' }],
        schedule: [{ upToIndex: '0.8', payer: 'downstream', amountFen: 3_000_000_000 }, { upToIndex: '1', payer: 'downstream', amountFen: 1_500_000_000 }, { upToIndex: null, payer: 'upstream', amountFen: 3_000_000_000 }],
      },
      waterQuantity: { agreedM3: '3500000000', shortfallRateFen: 8, surplusRateFen: 4, maxShortfallFen: 6_000_000_000, maxSurplusFen: 3_000_000_000 },
    });
  });

  it('leaves out the sections that are not ticked', () => {
    expect(agreementTermsFromForm({ ...defaultTermsForm(), quality: false, upstreamYuan: '1', downstreamYuan: '2' })).toEqual({ contributions: { upstreamFen: 100, downstreamFen: 200 } });
  });
});
