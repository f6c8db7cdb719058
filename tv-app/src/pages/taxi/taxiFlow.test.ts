import { describe, expect, it } from 'vitest';
import type { TaxiBooking, TaxiOptions } from '../../api/taxi.js';
import {
  bookingLine,
  bookLabel,
  earliestArrivalText,
  menuBody,
  plainTime,
  newDraft,
  nextRide,
  returnDraft,
  riderChoices,
  toRequest,
  type TaxiDraft,
} from './taxiFlow.js';

const options = (eligible: boolean[]): TaxiOptions => ({
  date: '2026-11-24',
  today: true,
  dayLabel: '今日',
  serviceText: '運行は月〜金曜日（祝日は休み）の09:00〜15:00です。',
  dayNote: null,
  open: true,
  closedMessage: null,
  hours: { start: '09:00', end: '15:00' },
  minNoticeMinutes: 30,
  residents: eligible.map((e, i) => ({
    id: i + 1,
    name: `住民${i + 1}`,
    eligible: e,
    fareYen: 500,
    message: null,
  })),
  destinations: [],
  times: [],
  maxPassengers: 3,
});

const draft: TaxiDraft = {
  riderIds: [1],
  from: { kind: 'home' },
  fromLabel: '自宅',
  to: { kind: 'place', placeId: 7 },
  toLabel: '長谷診療所',
  timeKind: 'arrive_by',
  time: '10:30',
  passengers: 2,
  idempotencyKey: 'tv-abc',
};

describe('taxi booking flow', () => {
  it('offers only eligible residents, and "みんなで" when more than one may ride', () => {
    expect(riderChoices(options([true, false])).map((c) => c.label)).toEqual(['住民1さん']);
    expect(riderChoices(options([true, true])).map((c) => c.riderIds)).toEqual([[1], [2], [1, 2]]);
  });

  it('counts passengers beyond the riders as companions', () => {
    expect(toRequest(draft)).toMatchObject({
      riderIds: [1],
      companions: 1,
      time: '10:30',
      idempotencyKey: 'tv-abc',
    });
  });

  it('plans the way back from the destination home, after the expected arrival', () => {
    const out = { id: 9, expectedArrival: '10:25' } as TaxiBooking;
    const back = returnDraft(out, draft, ['10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '11:45'])!;
    expect(back).toMatchObject({
      from: draft.to,
      to: { kind: 'home' },
      returnOf: 9,
      timeKind: 'leave_after',
    });
    expect(back.time > '10:25').toBe(true);
    expect(returnDraft(out, draft, ['10:00'])).toBeNull();
  });

  it('shows the soonest ride still to come as the next one', () => {
    const b = (id: number, pickupFrom: string, status: TaxiBooking['status']) =>
      ({ id, pickupFrom, status }) as TaxiBooking;
    expect(nextRide([b(1, '13:00', 'booked'), b(2, '10:00', 'arrived'), b(3, '11:00', 'booked')])!.id).toBe(
      3,
    );
    expect(nextRide([b(2, '10:00', 'cancelled')])).toBeUndefined();
  });

  it('books the next service day when the options offer it, and says so', () => {
    const monday = {
      ...options([true]),
      today: false,
      date: '2026-11-30',
      dayLabel: '11月30日(月)',
      dayNote: '今日の予約は終わりました。次の運行日は11月30日(月)です。',
    };
    expect(bookLabel(options([true]))).toBe('今日の予約をする');
    expect(bookLabel(monday)).toBe('次の運行日 11月30日(月) の予約をする');
    const d = { ...draft, ...newDraft(monday, [1]) } as TaxiDraft;
    expect(toRequest(d)).toMatchObject({ date: '2026-11-30' });
    expect(toRequest(draft)).not.toHaveProperty('date');
    expect(menuBody(monday, [])).toBe(
      '今日の予約は終わりました。次の運行日は11月30日(月)です。\n運行は月〜金曜日（祝日は休み）の09:00〜15:00です。',
    );
  });

  it('lists a booking with its day (not today) and its fare', () => {
    const b = {
      dayLabel: '明日',
      pickupFrom: '10:05',
      pickupTo: '10:15',
      fromLabel: '自宅',
      toLabel: '長谷診療所',
      fareTotalYen: 1000,
      statusLabel: '予約済み',
    } as TaxiBooking;
    expect(bookingLine(b)).toBe('明日 10:05〜10:15 長谷診療所行き 1,000円 予約済み');
    expect(bookingLine({ ...b, dayLabel: '今日' })).toMatch(/^10:05/);
    // a window of no width (a trip that just fits the service hours) is one time, not 09:00〜09:00
    expect(bookingLine({ ...b, pickupFrom: '09:00', pickupTo: '09:00' })).toBe(
      '明日 09:00 長谷診療所行き 1,000円 予約済み',
    );
  });

  it('takes a ride of an earlier day as the next one, whatever its time', () => {
    const b = (id: number, serviceDate: string, pickupFrom: string) =>
      ({ id, serviceDate, pickupFrom, status: 'booked' }) as TaxiBooking;
    expect(nextRide([b(1, '2026-11-25', '09:00'), b(2, '2026-11-24', '14:00')])!.id).toBe(2);
  });
});

describe('the earliest arrival as it is said', () => {
  it('reads HH:MM as plain Japanese hours and minutes, without a leading zero or 〇分', () => {
    expect(plainTime('09:30')).toBe('9時30分');
    expect(plainTime('10:00')).toBe('10時');
    expect(plainTime('14:05')).toBe('14時5分');
    expect(earliestArrivalText('09:15')).toBe('9時15分に着くようにすれば予約できます。');
  });
});
