import { TestBed } from '@angular/core/testing';
import { AgreementFormPage } from './agreement-form.page';
import { CatalogueEntryPage } from './catalogue-entry.page';
import { CataloguePage } from './catalogue.page';
import { CompensationPage } from './compensation.page';
import { setUpEcology } from './ecology-testing';
import { GepRunFormPage } from './gep-run-form.page';
import { GepSiteRunsComponent } from './gep-site-runs.component';

const byTestId = (el: HTMLElement, id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
function type(el: HTMLElement, id: string, value: string): void {
  const input = byTestId(el, id);
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
}

const config = { version: '2026.1', services: [
  { code: 'water_conservation', nameZh: '水源涵养', nameEn: 'Water conservation', category: 'regulating', unit: 'm3', method: 'shadow_engineering', unitPriceFen: 706 },
  { code: 'recreation', nameZh: '休闲旅游', nameEn: 'Recreation', category: 'cultural', unit: 'person_visit', method: 'travel_cost', unitPriceFen: 45_000 },
] };
const regions = { version: '2026.1', regions: [{ name: '伊犁哈萨克自治州', nameEn: 'Ili', level: 'prefecture', prefecture: null }, { name: '和静县', nameEn: 'Hejing County', level: 'county', prefecture: '巴音郭楞蒙古自治州' }] };

describe('GepRunFormPage', () => {
  it('sends the preparer’s region, year, population, area, GDP in fen and only the quantities filled in', async () => {
    const http = setUpEcology(['gep.read', 'gep.prepare']);
    const fixture = TestBed.createComponent(GepRunFormPage);
    await fixture.whenStable();
    http.expectOne('/api/gep-config').flush(config);
    http.expectOne('/api/eco-regions').flush(regions);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    type(el, 'gep-form-region', '伊犁哈萨克自治州');
    type(el, 'gep-form-year', '2025');
    type(el, 'gep-form-population', '2850000');
    type(el, 'gep-form-area', '56500');
    type(el, 'gep-form-gdp', '300000000000.05');
    type(el, 'gep-form-q-water_conservation', '2000000000');
    await fixture.whenStable();
    byTestId(el, 'gep-form-submit').click();
    const req = http.expectOne({ method: 'POST', url: '/api/gep-runs' });
    expect(req.request.body).toEqual({ region: '伊犁哈萨克自治州', year: 2025, population: 2_850_000, areaKm2: '56500', gdpFen: 30_000_000_000_005, quantities: { water_conservation: '2000000000' }, siteCodes: [] });
  });

  it('corrects a published run: same region and year, its inputs prefilled, and the note naming what changed', async () => {
    const http = setUpEcology(['gep.read', 'gep.prepare']);
    const fixture = TestBed.createComponent(GepRunFormPage);
    fixture.componentRef.setInput('id', 'r1');
    await fixture.whenStable();
    http.expectOne('/api/gep-config').flush(config);
    http.expectOne('/api/eco-regions').flush(regions);
    http.expectOne('/api/gep-runs/r1').flush({
      id: 'r1', region: '伊犁哈萨克自治州', year: 2025, version: 1, state: 'PUBLISHED', result: { totalFen: 1_412_000_000_000 },
      inputs: { population: 2_850_000, areaKm2: '56500', gdpFen: 30_000_000_000_000, quantities: { water_conservation: '2000000000' }, siteCodes: ['GEP-1'] },
    });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(byTestId(el, 'gep-corrects').textContent).toContain('version 1');
    expect(byTestId(el, 'gep-form-submit').disabled).toBe(true);
    type(el, 'gep-form-q-recreation', '5000000');
    type(el, 'gep-form-change-note', '补录游客人次');
    await fixture.whenStable();
    byTestId(el, 'gep-form-submit').click();
    const req = http.expectOne({ method: 'POST', url: '/api/gep-runs/r1/corrections' });
    expect(req.request.body).toEqual({
      region: '伊犁哈萨克自治州', year: 2025, population: 2_850_000, areaKm2: '56500', gdpFen: 30_000_000_000_000,
      quantities: { water_conservation: '2000000000', recreation: '5000000' }, siteCodes: ['GEP-1'], changeNote: '补录游客人次',
    });
  });
});

describe('CataloguePage', () => {
  it('lets a catalogue keeper add an entry at the region’s level with its thresholds', async () => {
    const http = setUpEcology(['catalogue.read', 'catalogue.manage']);
    const fixture = TestBed.createComponent(CataloguePage);
    await fixture.whenStable();
    http.expectOne('/api/eco-catalogue').flush({ items: [] });
    http.expectOne('/api/eco-monitoring-alerts').flush({ items: [] });
    http.expectOne('/api/eco-regions').flush(regions);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    type(el, 'entry-form-region', '和静县');
    type(el, 'entry-form-ecosystem', 'grassland');
    type(el, 'entry-form-product', '巴音布鲁克草原');
    type(el, 'entry-form-indicator', '固碳量');
    type(el, 'entry-form-unit', 'tC');
    type(el, 'entry-form-department', '县林草局');
    type(el, 'entry-form-source', '草原监测');
    type(el, 'entry-form-drop', '0.2');
    await fixture.whenStable();
    byTestId(el, 'entry-form-submit').click();
    const req = http.expectOne({ method: 'POST', url: '/api/eco-catalogue' });
    expect(req.request.body).toEqual({
      region: '和静县', regionLevel: 'county', ecosystem: 'grassland', product: '巴音布鲁克草原', category: 'regulating_services', indicator: '固碳量', unit: 'tC',
      department: '县林草局', dataSource: '草原监测', thresholds: { maxDropShare: '0.2' },
    });
  });
});

describe('CatalogueEntryPage', () => {
  const entry = { id: 'e1', region: '阿勒泰地区', product: '冰雪旅游', indicator: '游客人次', unit: 'person_visit', department: '文旅局', dataSource: '门票系统', thresholds: { min: null, maxDropShare: '0.2' }, series: [{ date: '2025-03-31', value: '2650000', unit: 'person_visit', source: '门票系统' }], alerts: [] };

  it('uploads a CSV and lists every refused row with its line, field and message', async () => {
    const http = setUpEcology(['catalogue.read', 'monitoring.submit']);
    const fixture = TestBed.createComponent(CatalogueEntryPage);
    fixture.componentRef.setInput('id', 'e1');
    await fixture.whenStable();
    http.expectOne('/api/eco-catalogue/e1').flush(entry);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelectorAll('[data-testid="observation"]')).toHaveLength(1);
    const input = byTestId(el, 'monitoring-csv');
    const file = new File(['date,value,unit,source\n2026-02-30,1,person_visit,x\n'], 'altay.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const req = http.expectOne({ method: 'POST', url: '/api/eco-catalogue/e1/observations/import' });
    expect([req.request.body, req.request.headers.get('Content-Type'), req.request.headers.get('X-Filename')]).toEqual([file, 'text/csv', 'altay.csv']);
    req.flush({ error: { code: 'MONITORING_IMPORT_INVALID', message: '2 row(s)', details: { errors: [
      { row: 2, field: 'date', message: '"2026-02-30" is not a date (YYYY-MM-DD)' },
      { row: 3, field: 'unit', message: 'the unit visits does not match the indicator\'s unit person_visit' },
    ] } } }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    const rows = [...el.querySelectorAll<HTMLElement>('[data-testid="import-error-row"]')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(rows).toEqual([['2', 'date', '"2026-02-30" is not a date (YYYY-MM-DD)'], ['3', 'unit', 'the unit visits does not match the indicator\'s unit person_visit']]);
  });

  it('gives no upload to a reader without monitoring.submit', async () => {
    const http = setUpEcology(['catalogue.read']);
    const fixture = TestBed.createComponent(CatalogueEntryPage);
    fixture.componentRef.setInput('id', 'e1');
    await fixture.whenStable();
    http.expectOne('/api/eco-catalogue/e1').flush(entry);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="monitoring-csv"]')).toBeNull();
    expect(fixture.nativeElement.querySelector('[data-testid="monitoring-chart"]')).not.toBeNull();
  });
});

describe('AgreementFormPage', () => {
  it('sends the parties, period, window and the terms in fen', async () => {
    const http = setUpEcology(['compensation.read', 'compensation.manage']);
    const fixture = TestBed.createComponent(AgreementFormPage);
    await fixture.whenStable();
    http.expectOne('/api/compensation/basins').flush({ items: [{ code: 'hotan', nameZh: '和田河', nameEn: 'Hotan River', upstream: { region: 'Hotan', regionZh: '和田地区' }, downstream: { region: 'Aksu', regionZh: '阿克苏地区' } }] });
    http.expectOne('/api/institutions?type=government&limit=100').flush({ items: [{ id: 'gh', name: '和田地区行政公署', type: 'government' }, { id: 'ga', name: '阿克苏地区行政公署', type: 'government' }] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    type(el, 'agreement-basin', 'hotan');
    type(el, 'agreement-upstream', 'gh');
    type(el, 'agreement-downstream', 'ga');
    type(el, 'agreement-title', '和田河2026年补偿协议');
    type(el, 'agreement-from', '2026-01-01');
    type(el, 'agreement-to', '2026-12-31');
    type(el, 'agreement-window', '15');
    type(el, 'agreement-contribution-up', '20000000');
    type(el, 'agreement-contribution-down', '20000000');
    byTestId(el, 'agreement-quality').querySelector('input')!.click();
    byTestId(el, 'agreement-quantity').querySelector('input')!.click();
    await fixture.whenStable();
    type(el, 'agreement-agreed-m3', '1000000000');
    type(el, 'agreement-shortfall-rate', '6');
    type(el, 'agreement-surplus-rate', '3');
    type(el, 'agreement-max-shortfall', '12000000');
    type(el, 'agreement-max-surplus', '6000000');
    await fixture.whenStable();
    byTestId(el, 'agreement-submit').click();
    const req = http.expectOne({ method: 'POST', url: '/api/compensation/agreements' });
    expect(req.request.body).toEqual({
      basinCode: 'hotan', upstreamInstitutionId: 'gh', downstreamInstitutionId: 'ga', title: '和田河2026年补偿协议', periodFrom: '2026-01-01', periodTo: '2026-12-31', objectionWindowDays: 15,
      terms: { contributions: { upstreamFen: 2_000_000_000, downstreamFen: 2_000_000_000 }, waterQuantity: { agreedM3: '1000000000', shortfallRateFen: 6, surplusRateFen: 3, maxShortfallFen: 1_200_000_000, maxSurplusFen: 600_000_000 } },
    });
  });
});

describe('CompensationPage settlement run', () => {
  it('shows the calculation line by line before the administrator runs the period, then runs it with the same figures', async () => {
    const http = setUpEcology(['compensation.read', 'compensation.manage']);
    const fixture = TestBed.createComponent(CompensationPage);
    await fixture.whenStable();
    const agreement = {
      id: 'a1', basinCode: 'hotan', title: '和田河协议', basin: { nameZh: '和田河', nameEn: 'Hotan River' }, upstreamName: '和田', downstreamName: '阿克苏', myParty: null,
      terms: { waterQuantity: { agreedM3: '1000000000' } },
    };
    http.expectOne('/api/compensation/agreements').flush({ items: [agreement] });
    http.expectOne('/api/compensation/agreements/a1').flush({ ...agreement, settlements: [{
      id: 's1', period: '2024', round: 1, state: 'FINAL', myParty: null, objectionOpen: false, objectionDeadline: '2025-01-30', monitoring: { deliveredM3: '1040000000' },
      deemedAcceptance: { at: '2025-01-31', deadline: '2025-01-30', parties: ['downstream'] },
      confirmations: { upstream: { username: 'gov.hotan' }, downstream: null }, result: { qualityIndex: null, lines: [], payer: 'downstream', payee: 'upstream', amountFen: 120_000_000 },
    }] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(byTestId(el, 'settlement-deemed').textContent).toContain('deemed accepted');
    expect(el.querySelector('[data-testid="basin-history-chart"]')).not.toBeNull();
    type(el, 'settlement-period', '2026');
    type(el, 'settlement-delivered', '962000000');
    await fixture.whenStable();
    byTestId(el, 'settlement-preview').click();
    const preview = http.expectOne({ method: 'POST', url: '/api/compensation/agreements/a1/settlements/preview' });
    expect(preview.request.body).toEqual({ period: '2026', monitoring: { deliveredM3: '962000000' } });
    preview.flush({ period: '2026', existing: null, result: {
      qualityIndex: null, payer: 'upstream', payee: 'downstream', amountFen: 228_000_000,
      lines: [{ code: 'water_quantity', payer: 'upstream', payee: 'downstream', amountFen: 228_000_000, signedFen: -228_000_000, basis: { agreedM3: '1000000000', deliveredM3: '962000000', rateFen: 6 } }],
    } });
    await fixture.whenStable();
    const line = el.querySelector<HTMLElement>('[data-testid="preview-line"]')!;
    expect(line.getAttribute('data-code')).toBe('water_quantity');
    expect(line.textContent).toContain('deliveredM3: 962000000');
    expect(line.textContent).toContain('¥2,280,000.00');
    expect(byTestId(el, 'preview-total').textContent).toContain('Upstream → Downstream：¥2,280,000.00');
    byTestId(el, 'settlement-run').click();
    const run = http.expectOne({ method: 'POST', url: '/api/compensation/agreements/a1/settlements' });
    expect(run.request.body).toEqual({ period: '2026', monitoring: { deliveredM3: '962000000' } });
    run.flush({});
    http.expectOne('/api/compensation/agreements/a1').flush({ ...agreement, settlements: [] });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="settlement-preview-result"]')).toBeNull();
  });
});

describe('GepSiteRunsComponent', () => {
  it('lists the published regional runs a GEP site belongs to', async () => {
    const http = setUpEcology(['assets.read']);
    const fixture = TestBed.createComponent(GepSiteRunsComponent);
    fixture.componentRef.setInput('siteCode', 'GEP-652800-BST-01');
    await fixture.whenStable();
    http.expectOne('/api/gep-sites/GEP-652800-BST-01/runs').flush({ items: [{ id: 'r25', region: '巴音郭楞蒙古自治州', year: 2025, version: 1, configVersion: '2026.1', result: { totalFen: 710_250_353, perKm2Fen: 7_102_504 } }] });
    await fixture.whenStable();
    const row = fixture.nativeElement.querySelector('[data-testid="gep-site-run"]') as HTMLElement;
    expect(row.textContent).toContain('巴音郭楞蒙古自治州');
    expect(row.textContent).toContain('¥7,102,503.53');
  });
});
