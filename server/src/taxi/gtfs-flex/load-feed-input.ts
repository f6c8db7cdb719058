import type { DbOrTx } from '../../../../db/src';
import { areas, hamlets, households, municipalities, places, vehicles } from '../../../../db/src/schema';
import type { Config } from '../../config';
import { addDays, tokyoDate } from '../../lib/tokyo';
import { hoursForArea } from '../service-day';
import { getTaxiSettings } from '../taxi-settings';
import type { FlexFeedInput } from './build-feed';
import { householdReachM } from './zone-polygon';

/** Days ahead the calendar covers (the reference asks for at least 30, ideally as long as known). */
export const FEED_DAYS = 365;

/**
 * The feed's input from the database: areas that have a taxi, their hamlets (centres and halls are
 * the zone's anchors) and, for the zone's reach, only the distance of the farthest household.
 */
export async function loadFeedInput(
  db: DbOrTx,
  now: Date,
  config: Pick<Config, 'TAXI_BOOKING_PHONE' | 'TAXI_INFO_URL'>,
): Promise<FlexFeedInput> {
  const settings = await getTaxiSettings(db);
  const served = new Set(
    (await db.select({ areaId: vehicles.areaId }).from(vehicles).all()).map((v) => v.areaId),
  );
  const hs = await db.select().from(hamlets).all();
  const homes = await db
    .select({ lat: households.lat, lng: households.lon, hamletId: households.hamletId })
    .from(households)
    .all();
  const muni = await db.select({ name: municipalities.name }).from(municipalities).get();
  const allAreas = await db.select().from(areas).orderBy(areas.id).all();
  const destinations = await db
    .select({ id: places.id, name: places.name, lat: places.lat, lng: places.lon })
    .from(places)
    .orderBy(places.id)
    .all();
  const start = tokyoDate(now);
  return {
    agency: { name: muni?.name ?? 'engawa', url: config.TAXI_INFO_URL, phone: config.TAXI_BOOKING_PHONE },
    serviceName: 'ぐるっとタクシー',
    areas: allAreas
      .filter((a) => served.has(a.id))
      .map((a) => {
        const own = hs.filter((h) => h.areaId === a.id);
        const centre = new Map(own.map((h) => [h.id, { lat: h.lat, lng: h.lon }]));
        return {
          id: a.id,
          name: a.name,
          hours: hoursForArea(settings, a.id),
          anchors: own.flatMap((h) => [
            { lat: h.lat, lng: h.lon },
            { lat: h.hallLat, lng: h.hallLon },
          ]),
          radiusM: householdReachM(
            homes
              .filter((x) => centre.has(x.hamletId))
              .map((x) => ({ home: x, hamletCentre: centre.get(x.hamletId)! })),
          ),
        };
      }),
    destinations,
    minNoticeMinutes: settings.minNoticeMinutes,
    fares: settings.fares,
    startDate: start,
    endDate: addDays(start, FEED_DAYS - 1),
    version: start.replaceAll('-', ''),
  };
}
