import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Component, input } from '@angular/core';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { providePointsTranslocoTesting } from '../../points/points-testing';
import { MigrationChartComponent } from './migration-chart.component';
import { RuleSetsPage } from './rule-sets.page';

@Component({ selector: 'app-migration-chart', template: '<div data-testid="migration-chart"></div>' })
class ChartStub {
  readonly options = input<unknown>();
}

const version = { id: 'v2', ruleSetId: 'individual-default', version: '1.1.0', subjectType: 'individual', effectiveFrom: '2027-01-01', state: 'validated', uploadedBy: 'admin', uploadedAt: '2026-11-20T04:00:00Z' };
const grades = [{ id: 'deep_green', label: 'Deep green' }, { id: 'light_green', label: 'Light green' }, { id: 'yellow', label: 'Yellow' }, { id: 'red', label: 'Red' }];
const simulated = {
  ...version, state: 'simulated', inForceNow: false, definition: { grades },
  simulation: { asOf: '2026-11-20', ranAt: '2026-11-20T04:00:00Z', result: { subjects: 3, gradeChanged: 1, gradeImproved: 1, gradeWorsened: 0, oldRuleSet: { id: 'individual-default', version: '1.0.0' }, newRuleSet: { id: 'individual-default', version: '1.1.0' }, migration: { yellow: { yellow: 2, light_green: 1 } } } },
};

describe('RuleSetsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), providePointsTranslocoTesting('en'), provideAppIcons()] });
    TestBed.overrideComponent(RuleSetsPage, { remove: { imports: [MigrationChartComponent] }, add: { imports: [ChartStub] } });
    http = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(RuleSetsPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/points/rule-sets').flush({ items: [version], total: 1 });
    http.expectOne('/api/points/recompute-runs/latest').flush({ id: 'r1', state: 'completed', asOf: '2026-11-20', total: 9, processed: 9, percent: 100, startedAt: '', finishedAt: '' });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists versions and the last recompute', async () => {
    const { el } = await render();
    expect(el.querySelector('[data-testid="rule-set-row"]')!.getAttribute('data-version')).toBe('individual-default@1.1.0');
    expect(el.querySelector('[data-testid="recompute-progress"]')!.textContent).toContain('Last recompute: 9 of 9 subjects');
  });

  it('uploads the JSON typed in the editor', async () => {
    const { fixture, el } = await render();
    const editor = el.querySelector<HTMLTextAreaElement>('[data-testid="rule-set-json"]')!;
    editor.value = '{"id":"individual-default","version":"1.1.0"}';
    editor.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="rule-set-upload"]')!.click();
    const req = http.expectOne('/api/points/rule-sets');
    expect(req.request.body).toEqual({ definition: { id: 'individual-default', version: '1.1.0' } });
  });

  it('simulates, shows the migration matrix, and schedules on the chosen date', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLElement>('[data-testid="rule-set-row"]')!.click();
    http.expectOne('/api/points/rule-sets/v2').flush({ ...version, inForceNow: false, definition: { grades } });
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="rule-set-simulate"]')!.click();
    http.expectOne('/api/points/rule-sets/v2/simulate').flush(simulated);
    http.expectOne((r) => r.url === '/api/points/rule-sets').flush({ items: [simulated], total: 1 });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="simulation-summary"]')!.textContent).toContain('3 subjects: 1 change grade (1 up, 0 down) compared with version 1.0.0');
    expect(el.querySelector('[data-cell="yellow>light_green"]')!.textContent).toBe('1');
    expect(el.querySelector('[data-cell="yellow>yellow"]')!.textContent).toBe('2');
    expect(el.querySelector('[data-testid="migration-chart"]')).not.toBeNull();
    const date = el.querySelector<HTMLInputElement>('[data-testid="rule-set-activate-on"]')!;
    date.value = '2027-01-01';
    date.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="rule-set-schedule"]')!.click();
    expect(http.expectOne('/api/points/rule-sets/v2/schedule').request.body).toEqual({ activateOn: '2027-01-01' });
  });
});
