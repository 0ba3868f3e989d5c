import { TestBed } from '@angular/core/testing';
import { GuaranteeDetailPage } from './guarantee-detail.page';
import { sampleGuarantee, setUpGuaranteesTestBed } from './guarantees-testing';

describe('GuaranteeDetailPage', () => {
  async function open(permissions: string[], guarantee = sampleGuarantee) {
    const http = setUpGuaranteesTestBed(permissions);
    const fixture = TestBed.createComponent(GuaranteeDetailPage);
    fixture.componentRef.setInput('id', guarantee.id);
    await fixture.whenStable();
    http.expectOne(`/api/guarantees/${guarantee.id}`).flush(guarantee);
    await fixture.whenStable();
    return { http, fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows the recommendation with the fee against its cap and the capacity figures', async () => {
    const { el } = await open(['guarantees.approve']);
    expect(el.querySelector('[data-testid="guarantee-fee-rate"]')!.textContent).toBe('0.80%');
    expect(el.querySelector('[data-testid="guarantee-recommendation"]')!.textContent).toContain('¥4,500,000,000.00');
    expect(el.querySelector('[data-testid="guarantee-recommendation"]')!.textContent).toContain('40/30/20/10');
  });

  it('offers the approver approve and reject, and posts the approval with the note', async () => {
    const { http, fixture, el } = await open(['guarantees.approve']);
    expect(el.querySelector('[data-testid="guarantee-approve"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="guarantee-reject"]')).not.toBeNull();
    const note: HTMLInputElement = el.querySelector('[data-testid="guarantee-note"]')!;
    note.value = '同意担保';
    note.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="guarantee-approve"]') as HTMLButtonElement).click();
    const req = http.expectOne(`/api/guarantees/${sampleGuarantee.id}/approve`);
    expect(req.request.body).toEqual({ note: '同意担保' });
    req.flush({ ...sampleGuarantee, state: 'APPROVED', allowedActions: ['requestCounterGuarantee'] });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="guarantee-state"]')!.getAttribute('data-state')).toBe('APPROVED');
  });

  it('shows an officer without the approval permission no committee buttons', async () => {
    const { el } = await open(['guarantees.review']);
    expect(el.querySelector('[data-testid="guarantee-approve"]')).toBeNull();
  });

  it('lists compensation and recoveries split by the four parties', async () => {
    const split = { originalGuarantor: 4_938_272, reguarantor: 3_703_704, bank: 2_469_136, localGovernment: 1_234_567 };
    const { el } = await open(['guarantees.review'], {
      ...sampleGuarantee, state: 'RECOVERING', allowedActions: [],
      compensation: { amountFen: 12_345_679, split, paidToBankFen: 9_876_543, at: '2027-04-15T08:00:00Z', reguaranteeClaimBy: '2027-06-14' },
      recoveries: [{ seq: 1, amountFen: 1_000_001, split: { originalGuarantor: 400_001, reguarantor: 300_000, bank: 200_000, localGovernment: 100_000 }, note: '处置反担保', at: '2027-05-01T08:00:00Z' }],
      recoveredFen: 1_000_001,
    });
    expect(el.querySelector('[data-testid="guarantee-compensation"]')!.textContent).toContain('¥49,382.72');
    expect(el.querySelector('[data-testid="guarantee-recovery"]')!.textContent).toContain('¥4,000.01');
    expect(el.querySelector('[data-testid="guarantee-record-recovery"]')).not.toBeNull();
  });

  it('lets the guarantor pick the obligor’s verified free ecological assets as counter-guarantee and posts their ids with their value in fen', async () => {
    const { http, fixture, el } = await open(['guarantees.review'], { ...sampleGuarantee, state: 'COUNTER_GUARANTEE_PENDING', allowedActions: ['issueLetter'] });
    expect(el.querySelector('[data-testid="guarantee-counter-assets"]')).toBeNull();
    const kind: HTMLSelectElement = el.querySelector('[data-testid="guarantee-counter-kind"]')!;
    kind.value = 'ecological_assets';
    kind.dispatchEvent(new Event('change'));
    http.expectOne(`/api/guarantees/${sampleGuarantee.id}/counter-guarantee-assets`).flush([
      { id: '1'.repeat(24), name: '塔里木河取水权（一）', assetType: 'water_right', certificateNumber: 'B652900S2026-A001', valueFen: 3_000_025 },
      { id: '2'.repeat(24), name: '塔里木河取水权（二）', assetType: 'water_right', certificateNumber: 'B652900S2026-A002', valueFen: 1_200_000 },
      { id: '3'.repeat(24), name: '林权（未估值）', assetType: 'forest_right', certificateNumber: 'LQ-2026-003', valueFen: null },
    ]);
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid^="guarantee-counter-asset-"]')).toHaveLength(3);
    el.querySelector<HTMLInputElement>(`[data-testid="guarantee-counter-asset-${'2'.repeat(24)}"]`)!.click();
    el.querySelector<HTMLInputElement>(`[data-testid="guarantee-counter-asset-${'1'.repeat(24)}"]`)!.click();
    el.querySelector<HTMLInputElement>(`[data-testid="guarantee-counter-asset-${'3'.repeat(24)}"]`)!.click();
    el.querySelector<HTMLInputElement>(`[data-testid="guarantee-counter-asset-${'3'.repeat(24)}"]`)!.click();
    const description: HTMLInputElement = el.querySelector('[data-testid="guarantee-counter-description"]')!;
    description.value = '水权质押反担保';
    description.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="guarantee-counter-assets-value"]')!.textContent).toContain('¥42,000.25');
    el.querySelector<HTMLButtonElement>('[data-testid="guarantee-issueLetter"]')!.click();
    const req = http.expectOne(`/api/guarantees/${sampleGuarantee.id}/issue-letter`);
    expect(req.request.body).toEqual({ counterGuarantee: { kind: 'ecological_assets', description: '水权质押反担保', assetIds: ['1'.repeat(24), '2'.repeat(24)], valueFen: 4_200_025 } });
    http.verify();
  });
});
