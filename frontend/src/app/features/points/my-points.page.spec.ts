import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, input, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../../core/auth/auth.service';
import { provideAppIcons } from '../../core/icons/app-icons';
import { MyPointsPage } from './my-points.page';
import { PointsChartComponent } from './points-chart.component';
import { providePointsTranslocoTesting } from './points-testing';

@Component({ selector: 'app-points-chart', template: '<div data-testid="points-chart">{{ history().length }} months</div>' })
class ChartStub {
  readonly history = input.required<unknown[]>();
  readonly seriesName = input('');
}

const summary = {
  subjectId: 's1', subjectName: '阿依古丽·买买提', subjectType: 'individual', asOf: '2026-11-20', ruleSetId: 'individual-default', ruleSetVersion: '1.0.0',
  totalCentipoints: 660, ledgerBalanceCentipoints: 660, baseGrade: 'yellow', grade: 'yellow', gradeSince: '2026-11-10',
  benefits: { grade: 'yellow', loanRateDiscountBp: 0, creditLimitUpliftPct: 0, guaranteeFeeDiscountBp: 0, priorityReview: false, redemptionValueFen: 66 },
  breakdown: [{ category: 'green_travel', centipoints: 360 }, { category: 'waste', centipoints: 300 }], vetoesApplied: [], downgradesApplied: [],
  coverage: { withData: 2, total: 3, shareBp: 6666 }, access: 'full',
};

const explanation = {
  subject: { id: 's1', name: '阿依古丽·买买提', type: 'individual' },
  result: {
    asOf: '2026-11-20', mode: 'accumulating', totalCentipoints: 660, grade: 'yellow', ruleSet: { id: 'individual-default', version: '1.0.0' },
    lines: [
      { kind: 'event', eventId: 'e1', eventType: 'bus_ride', occurredOn: '2026-11-10', ruleId: 'bus_ride', quantity: 1, rawCentipoints: 120, centipoints: 120, reason: 'counted', evidence: { source: 'URUMQI-BUS', documentId: 'b-1' } },
      { kind: 'event', eventId: 'e2', eventType: 'bus_ride', occurredOn: '2026-11-10', ruleId: 'bus_ride', quantity: 1, rawCentipoints: 120, centipoints: 0, reason: 'duplicate', evidence: { source: 'BOLE', documentId: 'm-1' } },
    ],
  },
  grades: [
    { id: 'deep_green', label: 'Deep green', labelI18n: { 'zh-CN': '深绿' }, minTotalCentipoints: 100000 },
    { id: 'light_green', label: 'Light green', labelI18n: { 'zh-CN': '浅绿' }, minTotalCentipoints: 30000 },
    { id: 'yellow', label: 'Yellow', labelI18n: { 'zh-CN': '黄色' }, minTotalCentipoints: 0 },
  ],
  labels: { bus_ride: { label: 'Bus ride', labelI18n: { 'zh-CN': '公交出行' }, unit: 'ride', unitI18n: { 'zh-CN': '次' }, category: 'green_travel' } },
  expiring: [{ expiresOn: '2026-11-23', centipoints: 200 }],
  nextGrade: { reachable: true, currentGrade: 'yellow', targetGrade: 'light_green', actions: [{ kind: 'event', ruleId: 'bus_ride', eventType: 'bus_ride', unit: 'ride', quantity: 4, gainCentipoints: 480 }] },
};

describe('MyPointsPage', () => {
  let http: HttpTestingController;

  function configure(lang: 'en' | 'zh-CN') {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(), provideHttpClientTesting(), providePointsTranslocoTesting(lang), provideAppIcons(),
        { provide: AuthService, useValue: { user: signal({ subject: { id: 's1', name: '阿依古丽', type: 'individual' } }), hasPermission: () => true } },
      ],
    });
    TestBed.overrideComponent(MyPointsPage, { remove: { imports: [PointsChartComponent] }, add: { imports: [ChartStub] } });
    http = TestBed.inject(HttpTestingController);
  }

  beforeEach(() => configure('en'));

  async function render() {
    const fixture = TestBed.createComponent(MyPointsPage);
    await fixture.whenStable();
    http.expectOne('/api/points/subjects/s1').flush(summary);
    http.expectOne('/api/points/subjects/s1/explanation').flush(explanation);
    http.expectOne('/api/points/subjects/s1/history').flush({ items: [{ asOf: '2026-10-31', totalCentipoints: 240, grade: 'yellow' }, { asOf: '2026-11-20', totalCentipoints: 660, grade: 'yellow' }] });
    http.expectOne((r) => r.url === '/api/points/cases').flush({ items: [], total: 0 });
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/points/subjects/s1/ledger').flush({ items: [{ id: 'l1', seq: 1, at: '2026-11-20T04:00:00Z', ref: 'event:e1', eventId: 'e1', eventType: 'bus_ride', occurredOn: '2026-11-10', ruleId: 'bus_ride', ruleSetId: 'individual-default', ruleSetVersion: '1.0.0', centipoints: 120, reason: 'counted', hash: 'h' }], total: 1 });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows points, grade, rule-set version and coverage', async () => {
    const { el } = await render();
    expect(el.querySelector('[data-testid="points-total"]')!.textContent).toBe('6.60');
    expect(el.querySelector('[data-testid="points-grade"]')!.getAttribute('data-grade')).toBe('yellow');
    expect(el.querySelector('[data-testid="points-grade"]')!.textContent).toBe('Yellow');
    expect(el.querySelector('[data-testid="points-rule-set"]')!.textContent).toBe('individual-default v1.0.0');
    expect(el.querySelector('[data-testid="points-coverage"]')!.textContent).toBe('2/3 (66%)');
    expect(el.querySelector('[data-testid="points-benefits"]')!.textContent).toContain('¥0.66');
  });

  it('charts twelve months, lists expiring points and the way to the next grade', async () => {
    const { el } = await render();
    expect(el.querySelector('[data-testid="points-chart"]')!.textContent).toBe('2 months');
    expect(el.querySelector('[data-testid="points-expiring"]')!.textContent).toContain('2026-11-23');
    expect(el.querySelector('[data-testid="what-if-action"]')!.textContent!.trim()).toBe('4 × ride of Bus ride (+4.80)');
  });

  it('explains every line with its source and reason, newest first', async () => {
    const { el } = await render();
    const rows = [...el.querySelectorAll('[data-testid="points-line"]')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['2026-11-10 Bus ride ×1', 'BOLE', '0.00', 'Reported twice – counted once'],
      ['2026-11-10 Bus ride ×1', 'URUMQI-BUS', '+1.20', 'Counted'],
    ]);
  });

  it('files an objection to a ledger entry', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('[data-testid="ledger-object"]')!.click();
    await fixture.whenStable();
    const reason = el.querySelector<HTMLTextAreaElement>('[data-testid="objection-reason"]')!;
    reason.value = '这次乘车不是我';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="objection-submit"]')!.click();
    const req = http.expectOne('/api/points/objections');
    expect(req.request.body).toEqual({ target: 'ledger_entry', ledgerEntryId: 'l1', reason: '这次乘车不是我' });
  });

  it('files an objection to the grade with the reason the subject writes', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('[data-testid="points-object-grade"]')!.click();
    await fixture.whenStable();
    const submit = el.querySelector<HTMLButtonElement>('[data-testid="grade-objection-submit"]')!;
    expect(submit.disabled).toBe(true);
    const reason = el.querySelector<HTMLTextAreaElement>('[data-testid="grade-objection-reason"]')!;
    reason.value = '处罚已于十月撤销';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    submit.click();
    const req = http.expectOne('/api/points/objections');
    expect(req.request.body).toEqual({ target: 'grade', reason: '处罚已于十月撤销' });
  });

  describe('in Chinese', () => {
    beforeEach(() => {
      TestBed.resetTestingModule();
      configure('zh-CN');
    });

    it('shows the grade, rule and unit labels the rule set carries in Chinese', async () => {
      const { el } = await render();
      expect(el.querySelector('[data-testid="points-grade"]')!.textContent).toBe('黄色');
      const firstLine = el.querySelector('[data-testid="points-line"] td')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(firstLine).toBe('2026-11-10 公交出行 ×1');
      expect(el.querySelector('[data-testid="what-if-action"]')!.textContent).toContain('公交出行');
      expect(el.querySelector('[data-testid="what-if-action"]')!.textContent).toContain('次');
    });
  });
});
