import { DateTime } from 'luxon';

/** The audit filter as typed (date inputs in the practice's zone, actor user id, action). */
export interface AuditFilter {
  fromDate: string;
  toDate: string;
  actor: string;
  action: string;
}

export const ACTIONS = [
  'booking.created', 'booking.moved', 'booking.cancelled', 'room.created', 'room.renamed', 'room.shared', 'room.unshared', 'room.deleted',
  'settings.booking_changed', 'grant.created', 'grant.accepted', 'grant.declined', 'grant.revoked', 'staff.added', 'staff.changed', 'staff.removed',
  'invoice.created', 'invoice.status_changed', 'note.created', 'notes.viewed', 'webhook.created', 'webhook.updated', 'webhook.deleted',
  'webhook.secret_rotated', 'webhook.disabled', 'feed.created', 'feed.deleted', 'community.created', 'community.invitation_sent',
  'community.invitation_accepted', 'community.joined', 'community.member_removed', 'account.created', 'account.plan_changed',
] as const;

/** The last 30 days up to today, in the zone (the API's default range). */
export function defaultFilter(zone: string, now: DateTime = DateTime.now()): AuditFilter {
  const today = now.setZone(zone).startOf('day');
  return { fromDate: today.minus({ days: 30 }).toISODate()!, toDate: today.toISODate()!, actor: '', action: '' };
}

export type AuditQuery = { from: string; to: string; actor?: string; action?: string };

/**
 * The query for GET /v1/audit and /v1/audit/verify: from the start of the first day to the start of the day after
 * the last (both days included, DST-correct in the practice's zone). `null` when the range is empty or a date is missing.
 */
export function toQuery(f: AuditFilter, zone: string): AuditQuery | null {
  if (!f.fromDate || !f.toDate) return null;
  const from = DateTime.fromISO(f.fromDate, { zone }).startOf('day');
  const to = DateTime.fromISO(f.toDate, { zone }).startOf('day').plus({ days: 1 });
  if (!from.isValid || !to.isValid || to <= from) return null;
  const q: AuditQuery = { from: from.toISO({ suppressMilliseconds: true })!, to: to.toISO({ suppressMilliseconds: true })! };
  if (f.actor.trim()) q.actor = f.actor.trim();
  if (f.action.trim()) q.action = f.action.trim();
  return q;
}
