import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CompensationPage } from './compensation.page';
import { setUpEcology } from './ecology-testing';
import { GepRunsPage } from './gep-runs.page';
import { PublicGepRun } from './ecology.models';
import { PublicGepPage } from './public-gep.page';

const setUp = (permissions: string[]): HttpTestingController => setUpEcology(permissions);

const result = (totalFen: number) => ({
  services: [], missing: [], totalFen, byCategory: { provisioning: 0, regulating: totalFen, cultural: 0 }, perCapitaFen: 710_250, perKm2Fen: 7_102_504, gepToGdp: '0.5000', coverage: { withData: 3, expected: 13, shareBp: 2308 },
});
const run = (id: string, year: number, totalFen: number, change: PublicGepRun['change'] = null): PublicGepRun => ({
  id, region: '巴音郭楞蒙古自治州', year, version: 1, state: 'PUBLISHED', changeNote: null, correctsRunId: null, configVersion: '2026.1', result: result(totalFen), change, services: [], supersededBy: null,
});

describe('PublicGepPage', () => {
  it('groups published runs by region, oldest year first, with totals, the physical/price split and the PDF link', async () => {
    const http = setUp([]);
    const fixture = TestBed.createComponent(PublicGepPage);
    await fixture.whenStable();
    http.expectOne('/api/public/gep-runs').flush({ items: [
      run('r2025', 2025, 710_340_353, { previousTotalFen: 710_250_353, totalFen: 710_340_353, valueChangeFen: 90_000, physicalEffectFen: 80_000, priceEffectFen: 10_000 }),
      run('r2024', 2024, 710_250_353),
    ] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const rows = [...el.querySelectorAll<HTMLElement>('[data-testid="public-gep-run"]')];
    expect(rows.map((r) => r.getAttribute('data-year'))).toEqual(['2024', '2025']);
    expect(rows[1]!.textContent).toContain('¥7,103,403.53');
    expect(rows[1]!.textContent).toContain('¥800.00');
    expect(rows[1]!.textContent).toContain('¥100.00');
    expect(rows[0]!.querySelector('[data-testid="public-gep-pdf"]')!.getAttribute('href')).toBe('/api/public/gep-runs/r2024/report.pdf');
  });
});

describe('GepRunsPage', () => {
  it('offers a reviewer the next step of each run and publishes a reviewed one', async () => {
    const http = setUp(['gep.read', 'gep.review']);
    const fixture = TestBed.createComponent(GepRunsPage);
    await fixture.whenStable();
    const reviewed = { ...run('r1', 2025, 100), state: 'REVIEWED' as const, allowedActions: ['returnToDraft', 'publish'], preparedBy: { username: 'gep.preparer' } };
    http.expectOne('/api/gep-runs').flush({ items: [reviewed] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="gep-review"]')).toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid="gep-publish"]')!.click();
    http.expectOne({ method: 'POST', url: '/api/gep-runs/r1/publish' }).flush({ ...reviewed, state: 'PUBLISHED' });
    http.expectOne('/api/gep-runs').flush({ items: [{ ...reviewed, state: 'PUBLISHED', allowedActions: ['correct'] }] });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="gep-run-row"]')!.getAttribute('data-state')).toBe('PUBLISHED');
    expect(el.querySelector('[data-testid="gep-publish"]')).toBeNull();
  });

  it('shows a preparer no review buttons', async () => {
    const http = setUp(['gep.read', 'gep.prepare']);
    const fixture = TestBed.createComponent(GepRunsPage);
    await fixture.whenStable();
    http.expectOne('/api/gep-runs').flush({ items: [{ ...run('r1', 2025, 100), state: 'DRAFT', allowedActions: ['edit', 'review'] }] });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="gep-review"]')).toBeNull();
  });
});

describe('CompensationPage', () => {
  it('lists the party’s agreements with each period’s amount and lets it confirm an open one', async () => {
    const http = setUp(['compensation.read', 'compensation.confirm']);
    const fixture = TestBed.createComponent(CompensationPage);
    await fixture.whenStable();
    const settlement = (id: string, period: string, state: 'FINAL' | 'PENDING_CONFIRMATION', amountFen: number) => ({
      id, period, round: 1, state, myParty: 'upstream' as const, objectionOpen: true, objectionDeadline: '2026-12-29', monitoring: { deliveredM3: '3420000000' },
      confirmations: { upstream: null, downstream: null }, result: { qualityIndex: { index: '0.7098', met: true }, lines: [], payer: 'downstream', payee: 'upstream', amountFen },
    });
    const agreement = { id: 'a1', basinCode: 'tarim', title: '塔里木河协议', basin: { nameZh: '塔里木河', nameEn: 'Tarim River' }, upstreamName: '阿克苏地区行政公署（演示）', downstreamName: '巴音郭楞蒙古自治州人民政府（演示）', myParty: 'upstream' };
    http.expectOne('/api/compensation/agreements').flush({ items: [agreement] });
    http.expectOne('/api/compensation/agreements/a1').flush({ ...agreement, settlements: [settlement('s1', '2024', 'FINAL', 2_360_000_000), settlement('s2', '2025', 'PENDING_CONFIRMATION', 2_000_000_000)] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const rows = [...el.querySelectorAll<HTMLElement>('[data-testid="settlement-row"]')];
    expect(rows.map((r) => [r.getAttribute('data-period'), r.querySelector('[data-testid="settlement-amount"]')!.textContent!.trim()])).toEqual([['2024', '¥23,600,000.00'], ['2025', '¥20,000,000.00']]);
    expect(rows[0]!.querySelector('[data-testid="settlement-confirm"]')).toBeNull();
    rows[1]!.querySelector<HTMLButtonElement>('[data-testid="settlement-confirm"]')!.click();
    http.expectOne({ method: 'POST', url: '/api/compensation/settlements/s2/confirm' }).flush({});
    http.expectOne('/api/compensation/agreements/a1').flush({ ...agreement, settlements: [] });
  });
});
