import type { TaxiBooking, TaxiBookingRequest, TaxiEndpoint, TaxiOptions } from '../../api/taxi.js';

/** What the resident has chosen so far in one booking. */
export interface TaxiDraft {
  riderIds: number[];
  from: TaxiEndpoint;
  to: TaxiEndpoint;
  toLabel: string;
  fromLabel: string;
  timeKind: 'arrive_by' | 'leave_after';
  time: string;
  passengers: number;
  returnOf?: number;
  /** Kept while the same booking is retried, so a resend never books twice. */
  idempotencyKey: string;
}

/** A key per booking attempt; the box may lack crypto.randomUUID, so random bytes are hex-encoded. */
export function newIdempotencyKey(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return `tv-${Array.from(random(12), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

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
  };
}

export const timeKindLabel = (k: TaxiDraft['timeKind'], time: string) =>
  k === 'arrive_by' ? `${time}までに着く` : `${time}から乗る`;

export function summary(d: TaxiDraft): string {
  return `${d.fromLabel} → ${d.toLabel}\n${timeKindLabel(d.timeKind, d.time)}  ${d.passengers}人`;
}

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
  };
}

export function bookingLine(b: TaxiBooking): string {
  return `${b.pickupFrom}〜${b.pickupTo} ${b.fromLabel}→${b.toLabel}  ${b.statusLabel}`;
}

/** The soonest ride still to come (the list itself is newest first). */
export function nextRide(bookings: TaxiBooking[]): TaxiBooking | undefined {
  return bookings
    .filter((b) => b.status === 'booked' || b.status === 'en_route' || b.status === 'on_board')
    .reduce<TaxiBooking | undefined>(
      (best, b) => (!best || b.pickupFrom < best.pickupFrom ? b : best),
      undefined,
    );
}
