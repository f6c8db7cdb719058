import { api, type ApiClient } from './client.js';

export interface TaxiOptions {
  date: string;
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
}

export interface TaxiBooking {
  id: number;
  status: 'booked' | 'en_route' | 'on_board' | 'arrived' | 'no_show' | 'cancelled';
  statusLabel: string;
  serviceDate: string;
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
