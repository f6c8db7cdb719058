import { api, type ApiClient } from './client.js';

export interface TaxiOptions {
  /** The day booked now: today, or once today is over, the next service day. */
  date: string;
  today: boolean;
  /** 「今日」 or 「11月30日(月)」. */
  dayLabel: string;
  /** 「運行は月〜金曜日（祝日は休み）の09:00〜15:00です。」 */
  serviceText: string;
  /** Why another day is booked (「今日は運行日ではありません。次の運行日は…です。」); null for today. */
  dayNote: string | null;
  open: boolean;
  closedMessage: string | null;
  hours: { start: string; end: string };
  minNoticeMinutes: number;
  residents: Array<{ id: number; name: string; eligible: boolean; fareYen: number; message: string | null }>;
  destinations: Array<{ placeId: number; name: string; kind: string; favourite: boolean }>;
  times: string[];
  maxPassengers: number;
}

export type TaxiEndpoint = { kind: 'home' } | { kind: 'place'; placeId: number };

export interface TaxiBookingRequest {
  idempotencyKey: string;
  riderIds: number[];
  companions: number;
  from: TaxiEndpoint;
  to: TaxiEndpoint;
  timeKind: 'arrive_by' | 'leave_after';
  time: string;
  returnOf?: number;
  /** Only for a next-service-day booking (the options' `date` when `today` is false). */
  date?: string;
}

export interface TaxiBooking {
  id: number;
  status: 'booked' | 'en_route' | 'on_board' | 'arrived' | 'no_show' | 'cancelled';
  statusLabel: string;
  serviceDate: string;
  /** 「今日」, 「明日」 or 「11月30日(月)」. */
  dayLabel: string;
  timeKind: 'arrive_by' | 'leave_after';
  requestedTime: string;
  fromLabel: string;
  toLabel: string;
  pickupFrom: string;
  pickupTo: string;
  expectedArrival: string;
  passengers: number;
  riders: Array<{ id: number; name: string }>;
  fareTotalYen: number;
  vehicleName: string;
  channel: 'tv' | 'call_centre';
  cancellable: boolean;
  returnOfId: number | null;
}

export interface TaxiAnswer {
  /** `cancelled`: a resent request whose booking was cancelled since. */
  status: 'accepted' | 'refused' | 'cancelled';
  booking?: TaxiBooking;
  message: string;
  reason?: string;
  alternatives: string[];
}

export function getTaxiOptions(client: ApiClient = api()): Promise<TaxiOptions> {
  return client.get<TaxiOptions>('/taxi/options');
}

export function bookTaxi(body: TaxiBookingRequest, client: ApiClient = api()): Promise<TaxiAnswer> {
  return client.post<TaxiAnswer>('/taxi/bookings', body);
}

export async function listTaxiBookings(client: ApiClient = api()): Promise<TaxiBooking[]> {
  return (await client.get<{ bookings: TaxiBooking[] }>('/taxi/bookings')).bookings;
}

export function cancelTaxiBooking(id: number, client: ApiClient = api()): Promise<TaxiBooking> {
  return client.post<TaxiBooking>(`/taxi/bookings/${id}/cancel`);
}

export interface TaxiFare {
  totalYen: number;
  riders: Array<{ id: number; name: string; fareYen: number }>;
  /** 「料金は2人で500円です。付き添いの方は無料です。」, shown and read as it is. */
  text: string;
}

/** The fare of these riders by the server's own rules (the TV never computes a fare). */
export function getTaxiFare(riderIds: number[], client: ApiClient = api()): Promise<TaxiFare> {
  return client.get<TaxiFare>(`/taxi/fare?riderIds=${riderIds.join(',')}`);
}

export interface TaxiRideStatus {
  onItsWay: Array<{ bookingId: number; minutes: number; message: string; place: string }>;
}

/** Rides whose car has set off for the household's pickup (polled). */
export function getTaxiRideStatus(client: ApiClient = api()): Promise<TaxiRideStatus> {
  return client.get<TaxiRideStatus>('/taxi/rides/status');
}
