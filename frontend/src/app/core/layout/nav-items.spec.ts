import { NAV_ITEMS, groupNavItems, navPermission, visibleNavItems } from './nav-items';

const keys = (perms: string[]) => visibleNavItems(new Set(perms)).map((i) => i.key);

describe('nav table', () => {
  it('has unique keys and routes', () => {
    expect(new Set(NAV_ITEMS.map((i) => i.key)).size).toBe(NAV_ITEMS.length);
    expect(new Set(NAV_ITEMS.map((i) => i.route)).size).toBe(NAV_ITEMS.length);
  });

  it('shows a citizen home and their own points', () => {
    expect(keys(['points.own.read', 'loans.apply'])).toEqual(['home', 'points', 'loans']);
  });

  it('shows the statistics and the audit trail to a regulator', () => {
    expect(keys(['statistics.read', 'audit.read'])).toEqual(['home', 'statistics', 'audit']);
  });

  it('shows every page to an admin', () => {
    expect(
      keys(['statistics.read', 'audit.read', 'admin.institutions', 'admin.users', 'jobs.read']),
    ).toEqual(['home', 'statistics', 'audit', 'institutions', 'approval-limits', 'users', 'jobs']);
  });

  it('filters by permission, not by anything else', () => {
    expect(keys(['admin.users'])).toEqual(['home', 'users']);
    expect(keys(['jobs.read'])).toEqual(['home', 'jobs']);
  });

  it('groups entries by section, dropping empty sections', () => {
    const groups = groupNavItems(visibleNavItems(new Set(['jobs.read'])));
    expect(groups.map((g) => g.section)).toEqual(['overview', 'administration']);
    expect(groups[1]!.items.map((i) => i.key)).toEqual(['jobs']);
  });

  it('reads route permissions from the table', () => {
    expect(navPermission('users')).toBe('admin.users');
    expect(navPermission('home')).toBeNull();
    expect(() => navPermission('nope')).toThrow();
  });
});
