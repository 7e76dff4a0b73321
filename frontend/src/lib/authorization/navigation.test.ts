import { describe, expect, it } from 'vitest';
import { canOpen, navigation, type Principal } from './navigation';

const owner = (plan: Principal['plan']): Principal => ({
  role: 'OWNER',
  plan,
  limits: { delegation: plan === 'L' || plan === 'XL', staff: plan === 'XL' },
});

describe('scope-based navigation', () => {
  it('plan M shows grants as "ab Tarif L" and staff as "ab Tarif XL" instead of hiding them', () => {
    const items = navigation(owner('M'));
    expect(items.find((i) => i.section === 'grants')?.requiredPlan).toBe('L');
    expect(items.find((i) => i.section === 'staff')?.requiredPlan).toBe('XL');
    expect(canOpen(owner('M'), 'grants')).toBe(false);
    expect(canOpen(owner('L'), 'grants')).toBe(true);
    expect(canOpen(owner('XL'), 'staff')).toBe(true);
  });

  it('an offered grant makes the grants page reachable on any plan, so it can be accepted', () => {
    expect(navigation({ ...owner('M'), grantOffers: 1 }).find((i) => i.section === 'grants')?.requiredPlan).toBeUndefined();
    expect(navigation({ ...owner('M'), grantOffers: 1 }).some((i) => i.section === 'delegated')).toBe(false);
  });

  it('the delegated calendars appear only for someone holding a grant', () => {
    expect(navigation(owner('M')).some((i) => i.section === 'delegated')).toBe(false);
    expect(navigation({ ...owner('M'), receivedGrants: 1 }).some((i) => i.section === 'delegated')).toBe(true);
  });

  it('a secretary (appointments) sees the calendar, not invoices, rooms or settings', () => {
    const secretary: Principal = { role: 'STAFF', plan: 'XL', limits: { delegation: true, staff: true }, scopes: ['appointments'] };
    expect(navigation(secretary).map((i) => i.section)).toEqual(['calendar']);
    expect(canOpen(secretary, 'invoices')).toBe(false);
  });

  it('accounting (invoicing, audit) sees invoices and the audit trail but no calendar', () => {
    const accounting: Principal = { role: 'STAFF', plan: 'XL', limits: { delegation: true, staff: true }, scopes: ['invoicing', 'audit'] };
    expect(navigation(accounting).map((i) => i.section)).toEqual(['audit', 'invoices']);
  });

  it('staff whose scopes the app does not know get the calendar only', () => {
    expect(navigation({ role: 'STAFF', plan: 'XL', limits: { delegation: true, staff: true } }).map((i) => i.section)).toEqual(['calendar']);
  });
});

describe('client records (Klientyakten)', () => {
  it('the owner and staff with documentation see the directory; a secretary, accounting and unknown scopes do not', () => {
    expect(canOpen(owner('S'), 'clients')).toBe(true);
    const staff = (scopes?: string[]): Principal => ({ role: 'STAFF', plan: 'XL', limits: { delegation: true, staff: true }, ...(scopes ? { scopes } : {}) });
    expect(canOpen(staff(['appointments', 'documentation']), 'clients')).toBe(true);
    expect(canOpen(staff(['appointments']), 'clients')).toBe(false);
    expect(canOpen(staff(['invoicing', 'audit']), 'clients')).toBe(false);
    expect(canOpen(staff(), 'clients')).toBe(false);
  });
});
