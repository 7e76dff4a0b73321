/**
 * Which parts of the app a caller sees. The API decides (and refuses) in the end; the navigation only avoids
 * offering what would be refused: plan features the plan lacks are shown as "ab Tarif L", staff see only what
 * their scopes allow, and grantees reach the delegated calendars they hold.
 */
export type Plan = 'S' | 'M' | 'L' | 'XL';
export type Role = 'OWNER' | 'STAFF';

export interface Principal {
  role: Role;
  plan: Plan;
  limits: { delegation: boolean; staff: boolean };
  /** staff scopes as GET /v1/me reports them (appointments, documentation, invoicing, reports, finances, audit) */
  scopes?: string[];
  /** grants held in other practices' calendars */
  receivedGrants?: number;
  /** grants offered to this user, waiting for acceptance (any plan may receive) */
  grantOffers?: number;
}

export type Section =
  | 'calendar'
  | 'clients'
  | 'rooms'
  | 'community'
  | 'bookingSettings'
  | 'grants'
  | 'delegated'
  | 'staff'
  | 'audit'
  | 'integrations'
  | 'invoices';

export interface NavItem {
  section: Section;
  path: string;
  /** set when the plan does not include it: the item is shown, disabled, with "ab Tarif {requiredPlan}" */
  requiredPlan?: Plan;
}

const PATHS: Record<Section, string> = {
  calendar: '/calendar',
  clients: '/clients',
  rooms: '/rooms',
  community: '/community',
  bookingSettings: '/booking-settings',
  grants: '/grants',
  delegated: '/delegated',
  staff: '/staff',
  audit: '/audit',
  integrations: '/integrations',
  invoices: '/invoices',
};

const STAFF_SECTIONS: Record<Section, string | null> = {
  calendar: 'appointments',
  clients: 'documentation',
  rooms: null,
  community: null,
  bookingSettings: null,
  grants: null,
  delegated: null,
  staff: null,
  audit: 'audit',
  integrations: null,
  invoices: 'invoicing',
};

export function navigation(p: Principal): NavItem[] {
  const item = (section: Section, requiredPlan?: Plan): NavItem =>
    requiredPlan ? { section, path: PATHS[section], requiredPlan } : { section, path: PATHS[section] };
  if (p.role === 'STAFF') {
    // a staff member works in the practice within the scopes the owner gave (an API too old to say: calendar only)
    const scopes = new Set(p.scopes ?? ['appointments']);
    return (Object.keys(STAFF_SECTIONS) as Section[])
      .filter((s) => STAFF_SECTIONS[s] !== null && scopes.has(STAFF_SECTIONS[s]!))
      .map((s) => item(s));
  }
  const items: NavItem[] = [
    item('calendar'),
    item('clients'),
    item('rooms'),
    item('community'),
    item('bookingSettings'),
    item('grants', p.limits.delegation || (p.receivedGrants ?? 0) + (p.grantOffers ?? 0) > 0 ? undefined : 'L'),
  ];
  if ((p.receivedGrants ?? 0) > 0) items.push(item('delegated'));
  items.push(item('staff', p.limits.staff ? undefined : 'XL'), item('audit'), item('integrations'), item('invoices'));
  return items;
}

export function canOpen(p: Principal, section: Section): boolean {
  return navigation(p).some((i) => i.section === section && !i.requiredPlan);
}

export type Landing = { kind: 'stay' } | { kind: 'redirect'; to: string } | { kind: 'nothing' };

/**
 * What the shell does with a path: stay on a part the caller may use (also one shown as "ab Tarif L"), send them
 * to the first part they may use (a URL typed or a start screen, e.g. the calendar, their role does not include),
 * or, when their role includes no part of the app (e.g. only reports), say so instead of sending them in circles.
 */
export function landing(items: NavItem[], pathname: string): Landing {
  if (items.length === 0) return { kind: 'nothing' };
  if (items.some((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))) return { kind: 'stay' };
  return { kind: 'redirect', to: items[0].path };
}
