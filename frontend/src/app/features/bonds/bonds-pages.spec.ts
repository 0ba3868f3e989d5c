import { TestBed } from '@angular/core/testing';
import { BondAllocationsPage } from './bond-allocations.page';
import { BondEditorPage } from './bond-editor.page';
import { MyBondsPage } from './my-bonds.page';
import { sampleBond, setUpBondsTestBed } from './bonds-testing';

const taxonomy = {
  version: '2026.11.1', measures: [],
  entries: [
    { code: '3.2-wind_power', zh: '风力发电', en: 'Wind power', eligible: true, icmaCategory: 'renewable_energy', pbocLoanUse: '3.2', measures: ['standard_coal_saved_t', 'co2e_reduced_t'] },
    { code: '3.1-coal_clean_utilisation', zh: '煤炭清洁利用', en: 'Clean coal', eligible: false, icmaCategory: 'none', pbocLoanUse: '3.3', measures: [] },
  ],
};

describe('MyBondsPage', () => {
  it('lists the issuer’s bonds with the proceeds and the allocated share', async () => {
    const http = setUpBondsTestBed(['bonds.issue']);
    const fixture = TestBed.createComponent(MyBondsPage);
    await fixture.whenStable();
    http.expectOne('/api/bonds?limit=100').flush({ items: [sampleBond], total: 1 });
    await fixture.whenStable();
    const row: HTMLElement = fixture.nativeElement.querySelector('[data-testid="bond-row"]');
    expect(row.getAttribute('data-state')).toBe('ALLOCATING');
    expect(row.textContent).toContain('¥1,000,000,000.00');
    expect(row.textContent).toContain('45.00%');
    expect(row.textContent).toContain('Allocating');
  });
});

describe('BondEditorPage', () => {
  it('shows each project’s eligibility from the taxonomy and sends amounts in fen', async () => {
    const http = setUpBondsTestBed(['bonds.issue']);
    const fixture = TestBed.createComponent(BondEditorPage);
    await fixture.whenStable();
    http.expectOne('/api/bond-taxonomy').flush(taxonomy);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const select = el.querySelector<HTMLSelectElement>('[data-testid="project-taxonomy"]')!;
    select.value = '3.1-coal_clean_utilisation';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="project-eligibility"]')!.getAttribute('data-eligible')).toBe('false');
    select.value = '3.2-wind_power';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="project-eligibility"]')!.textContent!.trim()).toBe('Eligible');
    const investment = el.querySelector<HTMLInputElement>('[data-testid="project-investment"]')!;
    investment.value = '1500000000.5';
    investment.dispatchEvent(new Event('input'));
    const coal = el.querySelector<HTMLInputElement>('[data-testid="project-benefit-co2e_reduced_t"]')!;
    coal.value = '496000';
    coal.dispatchEvent(new Event('input'));
    el.querySelector<HTMLInputElement>('[data-testid="bond-standard-icma_gbp"]')!.click();
    await fixture.whenStable();
    const body = (fixture.componentInstance as unknown as { body: () => { framework: { standards: string[] }; projects: { totalInvestmentFen: number; expectedBenefits: object }[] } }).body();
    expect(body.framework.standards).toEqual(['icma_gbp']);
    expect(body.projects[0]).toMatchObject({ taxonomyCode: '3.2-wind_power', totalInvestmentFen: 150_000_000_050, expectedBenefits: { co2e_reduced_t: 496_000 } });
  });
});

describe('BondAllocationsPage', () => {
  it('offers the checker the pending allocation, and tells the maker it is theirs', async () => {
    let http = setUpBondsTestBed(['bonds.allocate.approve'], 'u-checker');
    let fixture = TestBed.createComponent(BondAllocationsPage);
    await fixture.whenStable();
    http.expectOne('/api/bonds?limit=100&state=ISSUED,ALLOCATING').flush({ items: [sampleBond], total: 1 });
    await fixture.whenStable();
    const rows: HTMLElement[] = Array.from(fixture.nativeElement.querySelectorAll('[data-testid="pending-allocation"]'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('¥80,000,000.00');
    rows[0]!.querySelector<HTMLButtonElement>('[data-testid="allocation-approve"]')!.click();
    http.expectOne(`/api/bonds/${sampleBond.id}/allocations/${'a2'.padEnd(24, '0')}/approve`).flush(sampleBond);
    http.expectOne('/api/bonds?limit=100&state=ISSUED,ALLOCATING').flush({ items: [], total: 0 });

    TestBed.resetTestingModule();
    http = setUpBondsTestBed(['bonds.allocate.approve'], 'u-issuer');
    fixture = TestBed.createComponent(BondAllocationsPage);
    await fixture.whenStable();
    http.expectOne('/api/bonds?limit=100&state=ISSUED,ALLOCATING').flush({ items: [sampleBond], total: 1 });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="allocation-approve"]')).toBeNull();
    expect(fixture.nativeElement.querySelector('[data-testid="own-allocation"]')).not.toBeNull();
  });
});
