import { describe, expect, it } from 'vitest';
import { canOpen, landing, navigation, type Principal } from './navigation';
import { principalOf } from '../../app/useMe';

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

describe('staff navigation follows the scopes GET /v1/me reports', () => {
  const staffMe = (scopes: string[]) =>
    principalOf({ role: 'STAFF', plan: 'XL', limits: { delegation: true, staff: true }, scopes }, undefined);

  it('accounting (invoicing, reports, finances) reaches invoices and is sent there from the calendar, not away', () => {
    const items = navigation(staffMe(['finances', 'invoicing', 'reports']));
    expect(items.map((i) => i.section)).toEqual(['invoices']);
    expect(landing(items, '/calendar')).toEqual({ kind: 'redirect', to: '/invoices' });
    expect(landing(items, '/invoices')).toEqual({ kind: 'stay' });
  });

  it('custom staff with audit and appointments reach the calendar and the audit trail, nothing else', () => {
    const items = navigation(staffMe(['appointments', 'audit']));
    expect(items.map((i) => i.section)).toEqual(['calendar', 'audit']);
    expect(landing(items, '/audit')).toEqual({ kind: 'stay' });
    expect(landing(items, '/staff')).toEqual({ kind: 'redirect', to: '/calendar' });
    expect(landing(items, '/invoices')).toEqual({ kind: 'redirect', to: '/calendar' });
  });

  it('a secretary typing /invoices lands in the calendar', () => {
    expect(landing(navigation(staffMe(['appointments'])), '/invoices')).toEqual({ kind: 'redirect', to: '/calendar' });
  });

  it('staff whose scopes include no screen (reports only), or none at all after a downgrade, are told so instead of being redirected', () => {
    expect(landing(navigation(staffMe(['reports'])), '/calendar')).toEqual({ kind: 'nothing' });
    expect(landing(navigation(staffMe([])), '/calendar')).toEqual({ kind: 'nothing' });
  });

  it('an owner stays on a plan-locked part (it explains "ab Tarif XL") and on sub-paths, a look-alike path is not a part', () => {
    const items = navigation({ ...owner('M'), receivedGrants: 1 });
    expect(landing(items, '/staff')).toEqual({ kind: 'stay' });
    expect(landing(items, '/delegated/acc-1')).toEqual({ kind: 'stay' });
    expect(landing(items, '/calendarx')).toEqual({ kind: 'redirect', to: '/calendar' });
  });

  it('the owner\'s /v1/me carries no scopes and the owner keeps the full navigation', () => {
    const p = principalOf({ role: 'OWNER', plan: 'XL', limits: { delegation: true, staff: true } }, []);
    expect(p.scopes).toBeUndefined();
    expect(navigation(p).map((i) => i.section)).toContain('invoices');
  });
});
