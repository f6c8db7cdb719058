import type { PickingRow } from './build-picking-list';

export interface PickingProgress {
  /** Lines to pick (a cancelled order's picked lines, only to put back, are not counted). */
  lines: number;
  /** Lines picked in full. */
  picked: number;
  /** Lines picked with something missing (欠品). */
  missing: number;
  /** Lines nobody has picked yet. */
  remaining: number;
  /** Parcels (orders) and how many of them are packed. */
  orders: number;
  packed: number;
}

/** How far the store is through a set of picking rows: one hall's, or the whole day's. */
export function pickingProgress(rows: readonly PickingRow[]): PickingProgress {
  const live = rows.filter((r) => r.orderStatus !== 'cancelled');
  const orderIds = new Set(live.map((r) => r.orderId));
  const packedIds = new Set(live.filter((r) => r.packed).map((r) => r.orderId));
  const missing = live.filter((r) => r.picked && r.missingQty > 0).length;
  const done = live.filter((r) => r.picked).length;
  return {
    lines: live.length,
    picked: done - missing,
    missing,
    remaining: live.length - done,
    orders: orderIds.size,
    packed: packedIds.size,
  };
}
