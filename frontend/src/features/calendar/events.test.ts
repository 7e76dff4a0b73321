import { describe, expect, it } from 'vitest';
import { calendarEvents } from './events';
import { BLOCK_COLOUR, BUSY_COLOUR, roomColour } from './rooms';
import type { Calendar } from '../../lib/api/client';

const calendar: Calendar = {
  from: '2026-12-07T00:00:00+01:00',
  to: '2026-12-14T00:00:00+01:00',
  rooms: [
    { id: 'r1', name: 'Raum Linde', mine: true, shared: true },
    { id: 'r2', name: 'Raum Eiche', mine: false, shared: true },
  ],
  bookings: [
    { id: 'b1', roomId: 'r1', start: '2026-12-07T09:00:00+01:00', end: '2026-12-07T09:50:00+01:00', status: 'CONFIRMED', client: { name: 'Erika Mustermann', email: 'e@x.de' }, createdAt: '', updatedAt: '' },
    { id: 'b2', roomId: 'r1', start: '2026-12-07T11:00:00+01:00', end: '2026-12-07T11:50:00+01:00', status: 'CONFIRMED', client: { name: 'Paula Online' }, serviceId: 'session', createdAt: '', updatedAt: '' },
    { id: 'b3', roomId: 'r1', start: '2026-12-07T13:00:00+01:00', end: '2026-12-07T13:50:00+01:00', status: 'CANCELLED', client: { name: 'Abgesagt' }, createdAt: '', updatedAt: '' },
  ],
  busy: [{ roomId: 'r2', start: '2026-12-07T10:00:00+01:00', end: '2026-12-07T10:50:00+01:00', mine: false }],
  blocks: [],
};
const labels = { busy: 'belegt', online: 'online gebucht' };

describe('week events', () => {
  it('own bookings in full, cancelled ones left out, online bookings marked', () => {
    const events = calendarEvents(calendar, labels, null);
    const own = events.filter((e) => e.extendedProps?.kind === 'booking');
    expect(own.map((e) => e.title)).toEqual(['Erika Mustermann', 'Paula Online']);
    expect(own[1].extendedProps?.online).toBe('online gebucht');
    expect(own[0].extendedProps?.online).toBe('');
    expect(own[0].extendedProps?.roomName).toBe('Raum Linde');
  });

  it('another account\'s use is a grey "belegt" block with nothing but room and times, not editable', () => {
    const busy = calendarEvents(calendar, labels, null).filter((e) => e.extendedProps?.kind === 'busy');
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ title: 'belegt', editable: false, start: calendar.busy[0].start, end: calendar.busy[0].end });
    expect(Object.keys(busy[0].extendedProps!)).toEqual(['kind', 'roomName']);
  });

  it('a booking whose client was erased shows that, and nothing of the client', () => {
    const erased = { ...calendar, bookings: [{ ...calendar.bookings[0], client: { erased: true } }] };
    expect(calendarEvents(erased, { ...labels, erased: '(gelöscht)' }, null)[0].title).toBe('(gelöscht)');
  });

  it('the room switcher shows one room only', () => {
    expect(calendarEvents(calendar, labels, 'r2').map((e) => e.title)).toEqual(['belegt']);
  });

  it('rooms get distinct colours, and "belegt" is grey', () => {
    const ids = calendar.rooms.map((r) => r.id);
    expect(roomColour(ids, 'r1')).not.toBe(roomColour(ids, 'r2'));
    const [own, , busy] = calendarEvents(calendar, labels, null);
    expect(own.backgroundColor).toBe(roomColour(ids, 'r1'));
    expect(busy.backgroundColor).toBe(BUSY_COLOUR);
  });
});

describe('blocked time and series in the week', () => {
  const withBlocks: Calendar = {
    ...calendar,
    bookings: [{ ...calendar.bookings[0], seriesId: 's1' }, calendar.bookings[1]],
    blocks: [
      { id: 'k1', start: '2026-12-07T12:00:00+01:00', end: '2026-12-07T13:00:00+01:00', title: 'Mittagspause' },
      { id: 'k2', roomId: 'r1', start: '2026-12-08T08:00:00+01:00', end: '2026-12-08T09:00:00+01:00', title: 'Supervision' },
      { id: 'k3', roomId: 'r2', start: '2026-12-09T08:00:00+01:00', end: '2026-12-09T09:00:00+01:00' },
    ],
  };
  const all = { ...labels, blocked: 'blockiert', series: 'Serie', noRoom: 'ohne Raum' };

  it('own blocks carry their title, a distinct style and the room (or "ohne Raum"); untitled ones say "blockiert"', () => {
    const blocks = calendarEvents(withBlocks, all, null).filter((e) => e.extendedProps?.kind === 'block');
    expect(blocks.map((e) => e.title)).toEqual(['Mittagspause', 'Supervision', 'blockiert']);
    expect(blocks.map((e) => e.extendedProps?.roomName)).toEqual(['ohne Raum', 'Raum Linde', 'Raum Eiche']);
    expect(blocks.every((e) => e.backgroundColor === BLOCK_COLOUR && (e.classNames as string[]).includes('own-block'))).toBe(true);
    expect(BLOCK_COLOUR).not.toBe(BUSY_COLOUR);
    expect(blocks[0].extendedProps?.blockId).toBe('k1');
  });

  it('a block without a room shows under every room filter, a room block only under its room', () => {
    expect(calendarEvents(withBlocks, all, 'r2').filter((e) => e.extendedProps?.kind === 'block').map((e) => e.title)).toEqual(['Mittagspause', 'blockiert']);
  });

  it('occurrences of a series carry the series marker, single bookings none', () => {
    const own = calendarEvents(withBlocks, all, null).filter((e) => e.extendedProps?.kind === 'booking');
    expect(own.map((e) => e.extendedProps?.series)).toEqual(['Serie', '']);
    expect(own[0].classNames).toContain('series-booking');
  });

  it('a community member\'s room block arrives as busy and stays a bare "belegt"', () => {
    const busy = calendarEvents(withBlocks, all, null).filter((e) => e.extendedProps?.kind === 'busy');
    expect(busy.map((e) => e.title)).toEqual(['belegt']);
  });
});
