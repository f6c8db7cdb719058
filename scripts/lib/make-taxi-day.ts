import { createRng, randInt } from '../../server/src/taxi/solver/rng.js';

const hm = (min: number): string =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(Math.round(min) % 60).padStart(2, '0')}`;

/**
 * A deterministic Ina-like service day: hamlets in the hills around the city centre
 * (35.83N 137.95E), areas of two taxis each, most trips to or from the centre (hospital,
 * supermarkets, city hall), some within an area. Returns a day-file JSON object.
 */
export function makeTaxiDay(vehicles: number, bookings: number, seed = 1): Record<string, unknown> {
  const rng = createRng(seed);
  const centre = { lat: 35.8277, lng: 137.9536 };
  const places = [
    { lat: 35.8393, lng: 137.9576 }, // hospital
    { lat: 35.8277, lng: 137.9536 }, // city hall
    { lat: 35.8421, lng: 137.9621 }, // supermarket north
    { lat: 35.8189, lng: 137.9472 }, // supermarket south
    { lat: 35.8325, lng: 137.9405 }, // clinic
    { lat: 35.8498, lng: 137.9704 }, // station area
  ];
  const areaCount = Math.max(1, Math.round(vehicles / 2));
  const areas = Array.from({ length: areaCount }, (_, a) => {
    const angle = (2 * Math.PI * a) / areaCount + rng() * 0.3;
    const km = 3 + rng() * 4;
    return {
      lat: centre.lat + (Math.sin(angle) * km) / 111,
      lng: centre.lng + (Math.cos(angle) * km) / 90.3,
    };
  });
  const jitter = (p: { lat: number; lng: number }, km: number) => ({
    lat: Number((p.lat + ((rng() * 2 - 1) * km) / 111).toFixed(5)),
    lng: Number((p.lng + ((rng() * 2 - 1) * km) / 90.3).toFixed(5)),
  });
  const vehicleList = Array.from({ length: vehicles }, (_, v) => ({
    id: `taxi-${String(v + 1).padStart(3, '0')}`,
    depot: jitter(areas[v % areaCount]!, 0.5),
    capacity: 4,
    shift: { start: '08:45', end: '15:30' },
  }));
  const list = [];
  for (let k = 0; k < bookings; k++) {
    const home = jitter(areas[randInt(rng, 0, areaCount - 1)]!, 1.5);
    const kindRoll = rng();
    // morning: mostly to the centre (arrive by); afternoon: mostly home (leave after)
    const time = randInt(rng, 9 * 60 + 30, 15 * 60);
    const arrived = Math.max(8 * 60 + 30, time - randInt(rng, 30, 180));
    const local = rng() < 0.2;
    const place = local ? jitter(home, 1.5) : places[randInt(rng, 0, places.length - 1)]!;
    const outbound = time < 12 * 60 ? kindRoll < 0.8 : kindRoll < 0.25;
    list.push({
      id: `b${String(k + 1).padStart(4, '0')}`,
      arrivedAt: hm(arrived),
      pickup: outbound ? home : place,
      dropoff: outbound ? place : home,
      passengers: rng() < 0.85 ? 1 : 2,
      ...(outbound ? { arriveBy: hm(time) } : { leaveAfter: hm(time) }),
    });
  }
  list.sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));
  return {
    date: '2026-11-24',
    settings: {
      serviceHours: { start: '09:00', end: '15:00' },
      maxRide: { factor: 1.5, addMinutes: 10 },
      road: {
        speedKmh: 32,
        roadFactor: 1.35,
        areas: [
          // the built-up centre: slower streets, straighter roads
          {
            name: 'centre',
            south: 35.81,
            west: 137.93,
            north: 35.855,
            east: 137.98,
            roadFactor: 1.25,
            speedKmh: 24,
          },
        ],
      },
      requestWindowMinutes: 30,
      promiseWidthMinutes: 10,
      arrivalSlackMinutes: 10,
      stopMinutes: 1,
      minLeadMinutes: 10,
    },
    vehicles: vehicleList,
    bookings: list,
  };
}
