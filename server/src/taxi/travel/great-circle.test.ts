import { describe, expect, it } from 'vitest';
import { createGreatCircleProvider, greatCircleKm, greatCircleTable } from './great-circle.js';

const INA_CITY_HALL = { lat: 35.8277, lng: 137.9536 };
const TAKATO = { lat: 35.8325, lng: 138.0622 };

describe('great-circle travel', () => {
  it('measures haversine km (one degree of latitude is about 111.2 km)', () => {
    expect(greatCircleKm({ lat: 35, lng: 138 }, { lat: 36, lng: 138 })).toBeCloseTo(111.2, 1);
    expect(greatCircleKm(INA_CITY_HALL, INA_CITY_HALL)).toBe(0);
  });

  it('turns km into road km and minutes with the road factor and speed', async () => {
    const provider = createGreatCircleProvider({ roadFactor: 1.5, speedKmh: 30 });
    const m = await provider.table([INA_CITY_HALL], [INA_CITY_HALL, TAKATO]);
    const km = greatCircleKm(INA_CITY_HALL, TAKATO) * 1.5;
    expect(m.km[0]).toEqual([0, km]);
    expect(m.minutes[0]![1]).toBeCloseTo((km / 30) * 60, 9);
  });

  it('uses the road model of the area the trip starts in', () => {
    const areas = [
      { name: 'hills', south: 35.82, west: 138.0, north: 35.85, east: 138.1, roadFactor: 2, speedKmh: 20 },
    ];
    const m = greatCircleTable(
      { roadFactor: 1.2, speedKmh: 40, areas },
      [TAKATO, INA_CITY_HALL],
      [INA_CITY_HALL, TAKATO],
    );
    const gc = greatCircleKm(INA_CITY_HALL, TAKATO);
    expect(m.km[0]![0]).toBeCloseTo(gc * 2, 9);
    expect(m.minutes[0]![0]).toBeCloseTo(((gc * 2) / 20) * 60, 9);
    expect(m.km[1]![1]).toBeCloseTo(gc * 1.2, 9);
  });

  it('rejects a non-positive speed', () => {
    expect(() => createGreatCircleProvider({ roadFactor: 1.2, speedKmh: 0 })).toThrow(/positive/);
  });
});
