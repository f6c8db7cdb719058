import { api, type ApiClient } from './client.js';
import type { ResponseOf, Schema } from './types.js';

/**
 * GET /api/taxi/options: the day booked now (`date`; today, or once today is over the next service
 * day, named by `dayLabel` 「今日」/「11月30日(月)」 and explained by `dayNote`), when the service runs
 * (`serviceText`), who may ride, the destinations and the bookable times.
 */
export type TaxiOptions = Schema<'TaxiBookingOptions'>;

export type TaxiEndpoint = Schema<'TaxiEndpoint'>;

/** POST /api/taxi/bookings; `date` only for a next-service-day booking (the options' `date`). */
export type TaxiBookingRequest = Schema<'BookTaxiInput'>;

/** One booking; `dayLabel` is 「今日」, 「明日」 or 「11月30日(月)」. */
export type TaxiBooking = Schema<'TaxiBooking'>;

/** The server's answer to a booking; `cancelled`: a resent request whose booking was cancelled since. */
export type TaxiAnswer = Schema<'BookTaxiAnswer'>;

export function getTaxiOptions(client: ApiClient = api()): Promise<TaxiOptions> {
  return client.get<TaxiOptions>('/taxi/options');
}

export function bookTaxi(body: TaxiBookingRequest, client: ApiClient = api()): Promise<TaxiAnswer> {
  return client.post<TaxiAnswer>('/taxi/bookings', body);
}

export async function listTaxiBookings(client: ApiClient = api()): Promise<TaxiBooking[]> {
  return (await client.get<ResponseOf<'/api/taxi/bookings', 'get'>>('/taxi/bookings')).bookings;
}

export function cancelTaxiBooking(id: number, client: ApiClient = api()): Promise<TaxiBooking> {
  return client.post<ResponseOf<'/api/taxi/bookings/{id}/cancel', 'post'>>(`/taxi/bookings/${id}/cancel`);
}

/** The fare of some riders; `text` (「料金は2人で500円です。付き添いの方は無料です。」) is shown and read as it is. */
export type TaxiFare = Schema<'TaxiFarePreview'>;

/** The fare of these riders by the server's own rules (the TV never computes a fare). */
export function getTaxiFare(riderIds: number[], client: ApiClient = api()): Promise<TaxiFare> {
  return client.get<TaxiFare>(`/taxi/fare?riderIds=${riderIds.join(',')}`);
}

export type TaxiRideStatus = Schema<'TaxiRideStatus'>;

/** Rides whose car has set off for the household's pickup (polled). */
export function getTaxiRideStatus(client: ApiClient = api()): Promise<TaxiRideStatus> {
  return client.get<TaxiRideStatus>('/taxi/rides/status');
}
