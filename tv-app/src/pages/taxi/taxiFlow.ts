import type { TaxiBooking, TaxiBookingRequest, TaxiEndpoint, TaxiOptions } from '../../api/taxi.js';
import { newIdempotencyKey } from '../../lib/idempotencyKey.js';

/** What the resident has chosen so far in one booking. */
export interface TaxiDraft {
  riderIds: number[];
  from: TaxiEndpoint;
  to: TaxiEndpoint;
  toLabel: string;
  fromLabel: string;
  timeKind: TaxiBookingRequest['timeKind'];
  time: string;
  passengers: number;
  returnOf?: number;
  /** The next service day, when today can no longer be booked (unset: today). */
  date?: string;
  /** 「今日」 or 「11月30日(月)」, as shown on the confirm step. */
  dayLabel?: string;
  /** Kept while the same booking is retried, so a resend never books twice. */
  idempotencyKey: string;
}

/** A key per booking attempt (the TV's one key maker, shared with the shop's orders). */
export { newIdempotencyKey };

export const eligibleResidents = (o: TaxiOptions) => o.residents.filter((r) => r.eligible);

/** Who-rides choices: each eligible resident, then everyone together when more than one may ride. */
export function riderChoices(o: TaxiOptions): Array<{ label: string; riderIds: number[] }> {
  const ok = eligibleResidents(o);
  const each = ok.map((r) => ({ label: `${r.name}さん`, riderIds: [r.id] }));
  return ok.length > 1 ? [...each, { label: 'みんなで', riderIds: ok.slice(0, 3).map((r) => r.id) }] : each;
}

export function toRequest(d: TaxiDraft): TaxiBookingRequest {
  return {
    idempotencyKey: d.idempotencyKey,
    riderIds: d.riderIds,
    companions: Math.max(0, d.passengers - d.riderIds.length),
    from: d.from,
    to: d.to,
    timeKind: d.timeKind,
    time: d.time,
    ...(d.returnOf !== undefined ? { returnOf: d.returnOf } : {}),
    ...(d.date !== undefined ? { date: d.date } : {}),
  };
}

/** 「9時30分」, 「10時」: a time as it is said, for the resident's eyes and ears. */
export function plainTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return m === 0 ? `${h}時` : `${h}時${m}分`;
}

/** The refusal's offer of the earliest arrival that books, read aloud with the message. */
export const earliestArrivalText = (hhmm: string) => `${plainTime(hhmm)}に着くようにすれば予約できます。`;

export const timeKindLabel = (k: TaxiDraft['timeKind'], time: string) =>
  k === 'arrive_by' ? `${time}までに着く` : `${time}から乗る`;

/** 「11月30日(月)」 before a time of another day; nothing for today. */
const dayPrefix = (label: string | undefined) => (label && label !== '今日' ? `${label} ` : '');

export function summary(d: TaxiDraft): string {
  return `${d.fromLabel} → ${d.toLabel}\n${dayPrefix(d.dayLabel)}${timeKindLabel(d.timeKind, d.time)}  ${d.passengers}人`;
}

/** The draft for a new booking on the day the options offer (today or the next service day). */
export function newDraft(o: TaxiOptions, riderIds: number[]): Partial<TaxiDraft> {
  return {
    idempotencyKey: newIdempotencyKey(),
    riderIds,
    ...(o.today ? {} : { date: o.date, dayLabel: o.dayLabel }),
  };
}

/** The menu's words: the next ride if any, and always when the service runs. */
export function menuBody(o: TaxiOptions | undefined, bookings: TaxiBooking[]): string {
  if (!o) return '';
  const next = nextRide(bookings);
  const lead = next
    ? `次の予約：${bookingLine(next)}`
    : !o.open
      ? (o.closedMessage ?? '')
      : (o.dayNote ?? '');
  return [lead, o.open || next ? o.serviceText : ''].filter(Boolean).join('\n');
}

/** The menu entry that starts a booking, naming the day when it is not today. */
export const bookLabel = (o: TaxiOptions) =>
  o.today ? '今日の予約をする' : `次の運行日 ${o.dayLabel} の予約をする`;

/** The way back: from where the outbound ride goes, home, leaving a little after it arrives. */
export function returnDraft(out: TaxiBooking, outDraft: TaxiDraft, times: string[]): TaxiDraft | null {
  const later = times.filter((t) => t > out.expectedArrival);
  if (later.length === 0) return null;
  return {
    riderIds: outDraft.riderIds,
    from: outDraft.to,
    fromLabel: outDraft.toLabel,
    to: { kind: 'home' },
    toLabel: '自宅',
    timeKind: 'leave_after',
    time: later[Math.min(4, later.length - 1)]!,
    passengers: outDraft.passengers,
    returnOf: out.id,
    idempotencyKey: newIdempotencyKey(),
    // the way back is on the outbound ride's day
    ...(outDraft.date !== undefined ? { date: outDraft.date, dayLabel: outDraft.dayLabel } : {}),
  };
}

/** 「10:05〜10:15」, or one time when the promised window has no width (a trip that just fits the hours). */
export const pickupSpan = (b: TaxiBooking, sep = '〜') =>
  b.pickupFrom === b.pickupTo ? b.pickupFrom : `${b.pickupFrom}${sep}${b.pickupTo}`;

export function bookingLine(b: TaxiBooking): string {
  // where from is on the booking's own page: the line keeps room for the day, fare and status
  return `${dayPrefix(b.dayLabel)}${pickupSpan(b)} ${b.toLabel}行き ${b.fareTotalYen.toLocaleString('ja-JP')}円 ${b.statusLabel}`;
}

/** What the list reads for a booking: day, window, where to, fare, status. */
export function bookingAnnounce(b: TaxiBooking): string {
  return `${b.dayLabel}、${pickupSpan(b, 'から')}にお迎え、${b.toLabel}行き、料金${b.fareTotalYen}円、${b.statusLabel}`;
}

/** The soonest ride still to come (the server lists the next ride first; this does not rely on it). */
export function nextRide(bookings: TaxiBooking[]): TaxiBooking | undefined {
  return bookings
    .filter((b) => b.status === 'booked' || b.status === 'en_route' || b.status === 'on_board')
    .reduce<TaxiBooking | undefined>(
      (best, b) =>
        !best || `${b.serviceDate} ${b.pickupFrom}` < `${best.serviceDate} ${best.pickupFrom}` ? b : best,
      undefined,
    );
}
