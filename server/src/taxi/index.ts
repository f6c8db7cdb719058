import type { Feature } from '../features';
import { taxiConsole } from './console/index';
import { taxiJobs } from './jobs';
import { taxiApi } from './routes';

export { getTaxiSettings, saveTaxiSettings, TaxiSettingsSchema, type TaxiSettings } from './taxi-settings';

export const taxiFeature: Feature = {
  name: 'taxi',
  api: taxiApi,
  console: taxiConsole,
  jobs: taxiJobs,
  home: { driver: '/console/taxi/driver' },
  nav: [
    { label: '運転手', href: '/console/taxi/driver', roles: ['driver'] },
    { label: 'タクシー電話受付', href: '/console/taxi/calls', roles: ['call_centre'] },
    { label: 'タクシー運行', href: '/console/taxi/city', roles: ['city_staff'] },
  ],
};

/** What the call centre's resident page calls (the same functions as the TV and the taxi console). */
export { listHouseholdRides } from './list-household-rides';
export { bookTaxi, BookTaxiInput } from './book-taxi';
export { cancelBooking } from './cancel-booking';
export { getBookingOptions } from './get-booking-options';
export { changeBookingTime } from './change-booking-time';
