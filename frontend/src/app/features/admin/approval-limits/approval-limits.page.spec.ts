import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { setUpLoansTestBed } from '../../loans/loans-testing';
import { ApprovalLimitsPage, approverRows } from './approval-limits.page';

const bankId = 'c'.repeat(24);
const otherBankId = 'f'.repeat(24);
const approverA = '1'.repeat(24);
const approverB = '2'.repeat(24);
const bank = { id: bankId, name: '塔里木农村商业银行', type: 'bank', region: '阿克苏', code: 'TRCB', createdAt: '2026-11-01T00:00:00Z' };
const users = [
  { id: approverA, username: 'approver.branch', displayName: '李审批', roles: ['bank_approver'], institutionId: bankId, subjectId: null, locked: false, createdAt: '2026-11-01T00:00:00Z' },
  { id: approverB, username: 'approver.head', displayName: '王行长', roles: ['bank_approver'], institutionId: bankId, subjectId: null, locked: false, createdAt: '2026-11-01T00:00:00Z' },
  { id: '3'.repeat(24), username: 'officer', displayName: '张信贷', roles: ['bank_officer'], institutionId: bankId, subjectId: null, locked: false, createdAt: '2026-11-01T00:00:00Z' },
  { id: '4'.repeat(24), username: 'other.approver', displayName: '赵审批', roles: ['bank_approver'], institutionId: otherBankId, subjectId: null, locked: false, createdAt: '2026-11-01T00:00:00Z' },
];
const current = {
  institutionId: bankId, version: 2, source: 'published', createdBy: 'admin', defaultLevel: 'branch_approver',
  tiers: [
    { level: 'branch_approver', label: '支行审批人', maxAmountFen: 100_000_000 },
    { level: 'head_office_approver', label: '总行审批人', maxAmountFen: 1_000_000_000 },
    { level: 'credit_committee', label: '贷审会' },
  ],
  approverLevels: { [approverB]: 'head_office_approver' },
};

async function openForBank(limits: object = current) {
  const http = setUpLoansTestBed(['admin.institutions', 'admin.users']);
  const fixture = TestBed.createComponent(ApprovalLimitsPage);
  await fixture.whenStable();
  http.expectOne('/api/institutions?limit=200&offset=0&type=bank').flush({ items: [bank], total: 1 });
  await fixture.whenStable();
  const el: HTMLElement = fixture.nativeElement;
  const select = el.querySelector<HTMLSelectElement>('[data-testid="limits-bank"]')!;
  select.value = bankId;
  select.dispatchEvent(new Event('change'));
  http.expectOne(`/api/loan-approval-limits/${bankId}`).flush(limits);
  http.expectOne('/api/users?limit=200&offset=0').flush({ items: users, total: users.length });
  await fixture.whenStable();
  return { http, fixture, el };
}

function type(el: HTMLElement, selector: string, index: number, value: string): void {
  const input = el.querySelectorAll<HTMLInputElement | HTMLSelectElement>(selector)[index]!;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

const values = (el: HTMLElement, selector: string) => Array.from(el.querySelectorAll<HTMLInputElement>(selector)).map((i) => i.value);

async function publish(fixture: ComponentFixture<ApprovalLimitsPage>, el: HTMLElement, http: HttpTestingController) {
  await fixture.whenStable();
  el.querySelector<HTMLButtonElement>('[data-testid="limits-publish"]')!.click();
  return http.expectOne({ method: 'PUT', url: `/api/loan-approval-limits/${bankId}` });
}

describe('ApprovalLimitsPage', () => {
  it('loads the bank’s current limits: version, source, tiers in yuan, the top tier without limit and each approver’s level', async () => {
    const { el } = await openForBank();
    const version = el.querySelector('[data-testid="limits-version"]')!;
    expect(version.getAttribute('data-version')).toBe('2');
    expect(version.textContent).toContain('Version 2');
    expect(version.textContent).toContain('published by admin');
    expect(values(el, '[data-testid="limits-tier-level"]')).toEqual(['branch_approver', 'head_office_approver', 'credit_committee']);
    expect(values(el, '[data-testid="limits-tier-max"]')).toEqual(['1000000.00', '10000000.00']);
    expect(el.querySelectorAll('[data-testid="limits-tier"]')[2]!.querySelector('[data-testid="limits-tier-no-limit"]')!.textContent).toContain('Any amount');
    expect(el.querySelector<HTMLSelectElement>('[data-testid="limits-default-level"]')!.value).toBe('branch_approver');
    const approvers = Array.from(el.querySelectorAll('[data-testid="limits-approver"]'));
    expect(approvers.map((a) => a.getAttribute('data-user-id'))).toEqual([approverA, approverB]);
    expect(values(el, '[data-testid="limits-approver-level"]')).toEqual(['', 'head_office_approver']);
  });

  it('shows the configuration default as version 0 with its source', async () => {
    const { el } = await openForBank({ ...current, version: 0, source: 'scoring/config/loan-pricing.json@2026.11.1', createdBy: 'system', approverLevels: {} });
    expect(el.querySelector('[data-testid="limits-version"]')!.textContent).toContain('default tiers from scoring/config/loan-pricing.json@2026.11.1');
  });

  it('publishes the exact body: yuan typed with grouping become integer fen, the top tier has no limit, approvers keep their levels', async () => {
    const { http, fixture, el } = await openForBank();
    type(el, '[data-testid="limits-tier-max"]', 0, '5,000,000.00');
    type(el, '[data-testid="limits-tier-max"]', 1, '30000000.01');
    type(el, '[data-testid="limits-approver-level"]', 0, 'branch_approver');
    type(el, '[data-testid="limits-approver-level"]', 1, 'credit_committee');
    const req = await publish(fixture, el, http);
    expect(req.request.body).toEqual({
      tiers: [
        { level: 'branch_approver', label: '支行审批人', maxAmountFen: 500_000_000 },
        { level: 'head_office_approver', label: '总行审批人', maxAmountFen: 3_000_000_001 },
        { level: 'credit_committee', label: '贷审会' },
      ],
      defaultLevel: 'branch_approver',
      approverLevels: { [approverA]: 'branch_approver', [approverB]: 'credit_committee' },
    });
    req.flush({ ...current, ...req.request.body, version: 3, createdBy: 'admin' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="limits-published"]')!.getAttribute('data-version')).toBe('3');
    expect(el.querySelector('[data-testid="limits-published"]')!.textContent).toContain('Published as version 3.');
    expect(el.querySelector('[data-testid="limits-version"]')!.getAttribute('data-version')).toBe('3');
    expect(values(el, '[data-testid="limits-tier-max"]')).toEqual(['5000000.00', '30000000.01']);
    http.verify();
  });

  it('a new tier goes below the top tier; a removed tier is left out of the published tiers', async () => {
    const { http, fixture, el } = await openForBank();
    el.querySelector<HTMLButtonElement>('[data-testid="limits-tier-add"]')!.click();
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="limits-tier"]')).toHaveLength(4);
    type(el, '[data-testid="limits-tier-level"]', 2, 'president');
    type(el, '[data-testid="limits-tier-label"]', 2, '行长');
    type(el, '[data-testid="limits-tier-max"]', 2, '50000000');
    el.querySelectorAll<HTMLButtonElement>('[data-testid="limits-tier-remove"]')[1]!.click();
    await fixture.whenStable();
    expect(values(el, '[data-testid="limits-tier-level"]')).toEqual(['branch_approver', 'president', 'credit_committee']);
    const req = await publish(fixture, el, http);
    expect(req.request.body.tiers).toEqual([
      { level: 'branch_approver', label: '支行审批人', maxAmountFen: 100_000_000 },
      { level: 'president', label: '行长', maxAmountFen: 5_000_000_000 },
      { level: 'credit_committee', label: '贷审会' },
    ]);
  });

  it('refuses to publish an amount with more than two decimals', async () => {
    const { http, fixture, el } = await openForBank();
    type(el, '[data-testid="limits-tier-max"]', 0, '1000000.001');
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="limits-publish"]')!.click();
    await fixture.whenStable();
    http.expectNone({ method: 'PUT' });
    expect(el.querySelector('[data-testid="limits-tier"] mat-error')!.textContent).toContain('at most two decimals');
  });

  it('shows the server’s validation error at the field it names', async () => {
    const { http, fixture, el } = await openForBank();
    type(el, '[data-testid="limits-tier-max"]', 1, '500000');
    const req = await publish(fixture, el, http);
    expect(req.request.body.tiers[1].maxAmountFen).toBe(50_000_000);
    req.flush(
      { error: { code: 'VALIDATION_FAILED', message: 'tier limits rise from one tier to the next', field: 'tiers.1.maxAmountFen' } },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="api-error"]')!.getAttribute('data-code')).toBe('VALIDATION_FAILED');
    const rows = el.querySelectorAll('[data-testid="limits-tier"]');
    expect(rows[1]!.querySelector('[data-testid="limits-field-error"]')!.textContent).toContain('Please check this field');
    expect(rows[0]!.querySelector('[data-testid="limits-field-error"]')).toBeNull();
    // Fixing another tier clears the mark on the next attempt.
    type(el, '[data-testid="limits-tier-max"]', 0, '400000');
    const retry = await publish(fixture, el, http);
    expect(retry.request.body.tiers.map((t: { maxAmountFen?: number }) => t.maxAmountFen)).toEqual([40_000_000, 50_000_000, undefined]);
  });

  it('marks an approver whose level the server refuses', async () => {
    const { http, fixture, el } = await openForBank();
    const req = await publish(fixture, el, http);
    req.flush(
      { error: { code: 'VALIDATION_FAILED', message: 'each approver level is one of the tiers', field: `approverLevels.${approverB}` } },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const approvers = el.querySelectorAll('[data-testid="limits-approver"]');
    expect(approvers[1]!.querySelector('[data-testid="limits-field-error"]')).not.toBeNull();
    expect(approvers[0]!.querySelector('[data-testid="limits-field-error"]')).toBeNull();
  });
});

describe('approverRows', () => {
  it('lists the bank’s approvers, then ids the limits still name', () => {
    const rows = approverRows(users, bankId, [approverB, '9'.repeat(24)]);
    expect(rows).toEqual([
      { id: approverA, name: '李审批', username: 'approver.branch' },
      { id: approverB, name: '王行长', username: 'approver.head' },
      { id: '9'.repeat(24), name: '9'.repeat(24), username: null },
    ]);
  });
});
