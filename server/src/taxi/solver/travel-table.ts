/** A point on the map (WGS84 degrees). */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * Travel minutes and km between the live points of a dispatcher, row-major with stride `capacity`.
 * Slots can be freed and reused, so a long day never grows the table beyond the live stops.
 */
export interface TravelTable {
  capacity: number;
  points: (LatLng | null)[];
  minutes: Float64Array;
  km: Float64Array;
}

/** Travel figures for new points: `from[k][j]` from new point k to slot j, `to[j][k]` the reverse. */
export interface TravelRows {
  /** new point k -> every listed target (same order as `targets`) */
  fromNew: { minutes: number[]; km: number[] }[];
  /** every listed target -> new point k: `toNew[k]` */
  toNew: { minutes: number[]; km: number[] }[];
}

export function createTravelTable(capacity = 64): TravelTable {
  return {
    capacity,
    points: [],
    minutes: new Float64Array(capacity * capacity),
    km: new Float64Array(capacity * capacity),
  };
}

function grow(t: TravelTable, need: number): void {
  if (need <= t.capacity) return;
  const cap = Math.max(need, t.capacity * 2);
  const minutes = new Float64Array(cap * cap);
  const km = new Float64Array(cap * cap);
  const old = t.capacity;
  for (let i = 0; i < old; i++) {
    minutes.set(t.minutes.subarray(i * old, (i + 1) * old), i * cap);
    km.set(t.km.subarray(i * old, (i + 1) * old), i * cap);
  }
  t.capacity = cap;
  t.minutes = minutes;
  t.km = km;
}

/** Slots that currently hold a point, in slot order: what a provider must be asked about. */
export function liveSlots(t: TravelTable): number[] {
  const out: number[] = [];
  t.points.forEach((p, i) => {
    if (p) out.push(i);
  });
  return out;
}

/**
 * Stores new points with their travel rows (computed by a travel provider against `targets`, the
 * live slots at the time of the query, followed by the new points themselves). Returns their slots.
 */
export function addPoints(t: TravelTable, points: LatLng[], targets: number[], rows: TravelRows): number[] {
  const slots: number[] = [];
  let free = 0;
  for (let k = 0; k < points.length; k++) {
    while (free < t.points.length && t.points[free]) free++;
    slots.push(free);
    if (free === t.points.length) t.points.push(null);
    t.points[free] = points[k]!;
    free++;
  }
  grow(t, t.points.length);
  const cap = t.capacity;
  const all = [...targets, ...slots];
  slots.forEach((s, k) => {
    const f = rows.fromNew[k]!;
    const to = rows.toNew[k]!;
    all.forEach((j, idx) => {
      t.minutes[s * cap + j] = f.minutes[idx]!;
      t.km[s * cap + j] = f.km[idx]!;
    });
    targets.forEach((j, idx) => {
      t.minutes[j * cap + s] = to.minutes[idx]!;
      t.km[j * cap + s] = to.km[idx]!;
    });
  });
  return slots;
}

/** Frees a slot (its row and column are overwritten when the slot is reused). */
export function freeSlot(t: TravelTable, slot: number): void {
  t.points[slot] = null;
}

/** Makes `dst` behave exactly like `src` (same place): used to move a vehicle's origin. */
export function copySlot(t: TravelTable, src: number, dst: number): void {
  const cap = t.capacity;
  for (let j = 0; j < cap; j++) {
    t.minutes[dst * cap + j] = t.minutes[src * cap + j]!;
    t.km[dst * cap + j] = t.km[src * cap + j]!;
    t.minutes[j * cap + dst] = t.minutes[j * cap + src]!;
    t.km[j * cap + dst] = t.km[j * cap + src]!;
  }
  for (const [a, b] of [
    [dst, dst],
    [dst, src],
    [src, dst],
  ] as const) {
    t.minutes[a * cap + b] = 0;
    t.km[a * cap + b] = 0;
  }
  t.points[dst] = t.points[src] ?? null;
}
