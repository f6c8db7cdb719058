// Greedy label placement for the console's maps; pure (boxes in, positions out) so it is tested
// without a browser, and loaded by map-client.js as a module. Labels are taken in priority order;
// each tries the usual cartographic positions around its symbol (right first, as a reader scans)
// and keeps the first whose box overlaps no label already placed and no symbol. A label with no
// free position is hidden: on a crowded hall the first stops keep their names, the rest show
// as symbols with a count, and zooming in gives them room again.

/** Candidate offsets, as multiples of (symbol radius + gap) and of the label's own size. */
export const POSITIONS = [
  { name: 'e', fx: 1, fy: 0, ax: 0, ay: -0.5 },
  { name: 'w', fx: -1, fy: 0, ax: -1, ay: -0.5 },
  { name: 'ne', fx: 1, fy: -1, ax: 0, ay: -1 },
  { name: 'se', fx: 1, fy: 1, ax: 0, ay: 0 },
  { name: 'nw', fx: -1, fy: -1, ax: -1, ay: -1 },
  { name: 'sw', fx: -1, fy: 1, ax: -1, ay: 0 },
  { name: 'n', fx: 0, fy: -1, ax: -0.5, ay: -1 },
  { name: 's', fx: 0, fy: 1, ax: -0.5, ay: 0 },
];

const GAP = 3;

export function intersects(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * items: [{ x, y, w, h, r, priority }] — anchor point, label size, symbol radius (0 for a bare
 * name), lower priority number = placed first. obstacles: [{ x, y, w, h }] (the symbols).
 * Returns, per item in the given order, { x, y, position } (the label's top-left) or null.
 */
export function placeLabels(items, obstacles) {
  const order = items.map((_, i) => i);
  order.sort((i, j) => items[i].priority - items[j].priority || i - j);
  const placed = [];
  const result = items.map(() => null);
  for (const i of order) {
    const it = items[i];
    const reach = (it.r || 0) + GAP;
    for (const p of POSITIONS) {
      const box = {
        x: it.x + p.fx * reach + p.ax * it.w,
        y: it.y + p.fy * reach + p.ay * it.h,
        w: it.w,
        h: it.h,
      };
      if (placed.some((b) => intersects(box, b))) continue;
      if (obstacles.some((o) => intersects(box, o))) continue;
      placed.push(box);
      result[i] = { x: box.x, y: box.y, position: p.name };
      break;
    }
  }
  return result;
}
