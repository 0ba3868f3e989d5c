import { TestBed } from '@angular/core/testing';
import { GuaranteeDetailPage } from './guarantee-detail.page';
import type { Guarantee } from './guarantees.models';
import { sampleGuarantee, setUpGuaranteesTestBed } from './guarantees-testing';

const split = { originalGuarantor: 4_938_272, reguarantor: 3_703_704, bank: 2_469_136, localGovernment: 1_234_567 };
const claimed: Guarantee = {
  ...sampleGuarantee, state: 'REGUARANTEE_CLAIMED', allowedActions: ['startRecovery'],
  compensation: { amountFen: 12_345_679, split, paidToBankFen: 9_876_543, at: '2027-04-15T08:00:00Z', reguaranteeClaimBy: '2027-06-14' },
  reguaranteeClaim: { amountFen: 3_703_704, localGovernmentFen: 1_234_567, at: '2027-04-20T08:00:00Z', payBy: '2027-05-20', acknowledgedAt: null, paidAt: null },
  deadlines: { claimableFrom: '2027-03-29', payBy: '2027-05-15', reguaranteeClaimBy: '2027-06-14', reguarantorPayBy: '2027-05-20' },
  overdue: [],
};

describe('GuaranteeDetailPage: the re-guarantor and the claim deadlines', () => {
  async function open(permissions: string[], institutionId: string | null, guarantee: Guarantee) {
    const http = setUpGuaranteesTestBed(permissions, institutionId);
    const fixture = TestBed.createComponent(GuaranteeDetailPage);
    fixture.componentRef.setInput('id', guarantee.id);
    await fixture.whenStable();
    http.expectOne(`/api/guarantees/${guarantee.id}`).flush(guarantee);
    await fixture.whenStable();
    return { http, fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lets the re-guarantor’s officer acknowledge the claim, then pay exactly its share', async () => {
    const { http, fixture, el } = await open(['guarantees.review'], claimed.reguarantorId, claimed);
    expect(el.querySelector('[data-testid="guarantee-reguarantee-share"]')!.textContent).toBe('¥37,037.04');
    expect(el.querySelector('[data-testid="guarantee-reguarantee-pay"]')).toBeNull();
    (el.querySelector('[data-testid="guarantee-reguarantee-acknowledge"]') as HTMLButtonElement).click();
    const ack = http.expectOne(`/api/guarantees/${claimed.id}/reguarantee-acknowledge`);
    expect(ack.request.body).toEqual({ note: '—' });
    ack.flush({ ...claimed, reguaranteeClaim: { ...claimed.reguaranteeClaim!, acknowledgedAt: '2027-04-21T08:00:00Z', acknowledgedBy: { username: 'reguarantor.officer' } } });
    await fixture.whenStable();
    (el.querySelector('[data-testid="guarantee-reguarantee-pay"]') as HTMLButtonElement).click();
    const pay = http.expectOne(`/api/guarantees/${claimed.id}/reguarantee-pay`);
    expect(pay.request.body).toEqual({ amountFen: 3_703_704, note: '—' });
    pay.flush({ ...claimed, reguaranteeClaim: { ...claimed.reguaranteeClaim!, acknowledgedAt: '2027-04-21T08:00:00Z', paidAt: '2027-04-22T08:00:00Z', paidFen: 3_703_704, paidBy: { username: 'reguarantor.officer' } } });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="guarantee-reguarantee-status"]')!.textContent).toContain('Paid ¥37,037.04');
    expect(el.querySelector('[data-testid="guarantee-reguarantee-pay"]')).toBeNull();
  });

  it('shows the original guarantor’s officer the re-guarantee claim without the re-guarantor’s buttons', async () => {
    const { el } = await open(['guarantees.review'], claimed.institutionId, claimed);
    expect(el.querySelector('[data-testid="guarantee-reguarantee-status"]')!.textContent).toContain('Waiting for the re-guarantor');
    expect(el.querySelector('[data-testid="guarantee-reguarantee-acknowledge"]')).toBeNull();
  });

  it('flags a passed deadline next to the state', async () => {
    const { el } = await open(['guarantees.review'], claimed.institutionId, { ...claimed, state: 'COMPENSATED', reguaranteeClaim: null, overdue: ['reguarantee_claim_overdue'] });
    const flag = el.querySelector('[data-testid="guarantee-overdue"]')!;
    expect([flag.getAttribute('data-overdue'), flag.textContent!.trim()]).toEqual(['reguarantee_claim_overdue', 'Re-guarantee claim deadline passed']);
  });
});
