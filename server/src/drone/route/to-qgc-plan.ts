import type { GeoPoint } from './route-length';

/** MAVLink commands QGroundControl writes for a simple delivery mission. */
export const MAV_CMD = { waypoint: 16, land: 21, takeoff: 22 } as const;
/** MAV_FRAME_GLOBAL_RELATIVE_ALT: altitudes above the home position. */
const FRAME_RELATIVE_ALT = 3;
/** QGC altitude mode "relative to launch". */
const ALTITUDE_MODE_RELATIVE = 1;

export interface QgcRouteInput {
  /** The drone port, where the mission takes off. */
  home: GeoPoint & { altAmslM: number };
  /** Points between the port and the hall, in flying order. */
  waypoints: readonly (GeoPoint & { altM: number })[];
  /** The community hall's landing spot. */
  landing: GeoPoint;
  takeoffAltM: number;
  cruiseSpeedMps: number;
  hoverSpeedMps?: number;
  /** MAV_AUTOPILOT: 12 = PX4, 3 = ArduPilot. */
  firmwareType?: number;
  /** MAV_TYPE: 2 = quadrotor (QGC's generic multirotor), 13 = hexarotor. */
  vehicleType?: number;
}

export interface QgcSimpleItem {
  type: 'SimpleItem';
  command: number;
  frame: number;
  params: (number | null)[];
  autoContinue: boolean;
  doJumpId: number;
  Altitude: number;
  AltitudeMode: number;
  AMSLAltAboveTerrain: null;
}

export interface QgcPlan {
  fileType: 'Plan';
  version: 1;
  groundStation: 'QGroundControl';
  mission: {
    version: 2;
    firmwareType: number;
    vehicleType: number;
    cruiseSpeed: number;
    hoverSpeed: number;
    globalPlanAltitudeMode: number;
    plannedHomePosition: [number, number, number];
    items: QgcSimpleItem[];
  };
  geoFence: { version: 2; circles: unknown[]; polygons: unknown[] };
  rallyPoints: { version: 2; points: unknown[] };
}

function item(command: number, doJumpId: number, params: (number | null)[]): QgcSimpleItem {
  const alt = params[6] as number;
  return {
    type: 'SimpleItem',
    command,
    frame: FRAME_RELATIVE_ALT,
    params,
    autoContinue: true,
    doJumpId,
    Altitude: alt,
    AltitudeMode: ALTITUDE_MODE_RELATIVE,
    AMSLAltAboveTerrain: null,
  };
}

/**
 * One-way mission port → hall as QGC writes it: take-off (22) over the port, the route's waypoints
 * (16), land (21) at the hall. Yaw is null (QGC's NaN: keep current heading).
 */
export function toQgcPlan(route: QgcRouteInput): QgcPlan {
  const items: QgcSimpleItem[] = [];
  let jump = 1;
  items.push(
    item(MAV_CMD.takeoff, jump++, [0, 0, 0, null, route.home.lat, route.home.lon, route.takeoffAltM]),
  );
  for (const wp of route.waypoints) {
    items.push(item(MAV_CMD.waypoint, jump++, [0, 0, 0, null, wp.lat, wp.lon, wp.altM]));
  }
  items.push(item(MAV_CMD.land, jump++, [0, 0, 0, null, route.landing.lat, route.landing.lon, 0]));
  return {
    fileType: 'Plan',
    version: 1,
    groundStation: 'QGroundControl',
    mission: {
      version: 2,
      firmwareType: route.firmwareType ?? 12,
      vehicleType: route.vehicleType ?? 2,
      cruiseSpeed: route.cruiseSpeedMps,
      hoverSpeed: route.hoverSpeedMps ?? 5,
      globalPlanAltitudeMode: ALTITUDE_MODE_RELATIVE,
      plannedHomePosition: [route.home.lat, route.home.lon, route.home.altAmslM],
      items,
    },
    geoFence: { version: 2, circles: [], polygons: [] },
    rallyPoints: { version: 2, points: [] },
  };
}
