import { describe, expect, it } from 'vitest';
import { toQgcPlan } from './to-qgc-plan';
import { haversineM, routeLengthM } from './route-length';

const route = {
  home: { lat: 35.8234, lon: 138.0653, altAmslM: 820 },
  waypoints: [
    { lat: 35.8301, lon: 138.0702, altM: 60 },
    { lat: 35.8402, lon: 138.0755, altM: 60 },
  ],
  landing: { lat: 35.8455, lon: 138.0801 },
  takeoffAltM: 30,
  cruiseSpeedMps: 12,
};

describe('toQgcPlan', () => {
  it('writes a QGroundControl plan: take-off 22, waypoints 16, land 21', () => {
    const plan = toQgcPlan(route);
    expect(plan).toMatchObject({ fileType: 'Plan', version: 1, groundStation: 'QGroundControl' });
    expect(plan.mission).toMatchObject({
      version: 2,
      cruiseSpeed: 12,
      hoverSpeed: 5,
      globalPlanAltitudeMode: 1,
      plannedHomePosition: [35.8234, 138.0653, 820],
    });
    expect(plan.mission.items.map((i) => i.command)).toEqual([22, 16, 16, 21]);
    expect(plan.mission.items.map((i) => i.doJumpId)).toEqual([1, 2, 3, 4]);
    expect(plan.mission.items[1]!.params).toEqual([0, 0, 0, null, 35.8301, 138.0702, 60]);
    expect(plan.mission.items[3]!.params.slice(4)).toEqual([35.8455, 138.0801, 0]);
    expect(plan.mission.items.every((i) => i.type === 'SimpleItem' && i.frame === 3 && i.autoContinue)).toBe(
      true,
    );
    expect(plan.geoFence).toEqual({ version: 2, circles: [], polygons: [] });
    expect(plan.rallyPoints).toEqual({ version: 2, points: [] });
  });

  it('survives a JSON round trip, as a downloaded file must', () => {
    const plan = toQgcPlan(route);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('routeLengthM', () => {
  it('adds great-circle legs', () => {
    // one degree of latitude is about 111.2 km
    expect(haversineM({ lat: 35, lon: 138 }, { lat: 36, lon: 138 })).toBeCloseTo(111_195, -1);
    const pts = [route.home, ...route.waypoints, route.landing];
    expect(routeLengthM(pts)).toBeCloseTo(
      haversineM(pts[0]!, pts[1]!) + haversineM(pts[1]!, pts[2]!) + haversineM(pts[2]!, pts[3]!),
      6,
    );
    expect(routeLengthM([route.home])).toBe(0);
  });
});
