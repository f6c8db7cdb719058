import type { TaxiSettings } from './taxi-settings';

export type BookingChannel = 'tv' | 'call_centre';

/**
 * Yen one rider pays for one ride: the cheapest category the rider belongs to, less the channel's
 * discount (the city makes TV bookings cheaper to move people off the phone).
 */
export function computeFare(
  fares: TaxiSettings['fares'],
  rider: { licenceReturned: boolean; disabled: boolean },
  channel: BookingChannel,
): number {
  let base = fares.standard;
  if (rider.licenceReturned) base = Math.min(base, fares.licenceReturned);
  if (rider.disabled) base = Math.min(base, fares.disabled);
  return Math.max(0, base - fares.channelDiscount[channel]);
}
