import { describe, expect, it } from 'vitest';
import { intersects, placeLabels, type LabelItem } from './label-placement.js';

const label = (x: number, y: number, priority = 1, w = 80, h = 20): LabelItem => ({
  x,
  y,
  w,
  h,
  r: 10,
  priority,
});
const boxesOf = (items: LabelItem[], placed: ReturnType<typeof placeLabels>) =>
  placed.flatMap((p, i) => (p ? [{ x: p.x, y: p.y, w: items[i]!.w, h: items[i]!.h }] : []));

describe('label placement', () => {
  it('puts a lone label to the right of its symbol, clear of it', () => {
    const [p] = placeLabels([label(100, 100)], [{ x: 90, y: 90, w: 20, h: 20 }]);
    expect(p).toMatchObject({ position: 'e' });
    expect(p!.x).toBeGreaterThanOrEqual(110);
    expect(intersects({ x: p!.x, y: p!.y, w: 80, h: 20 }, { x: 90, y: 90, w: 20, h: 20 })).toBe(false);
  });

  it('moves a second label at the same place to another side instead of over the first', () => {
    const items = [label(100, 100), label(100, 100)];
    const placed = placeLabels(items, []);
    expect(placed.map((p) => p?.position)).toEqual(['e', 'w']);
  });

  it('on a crowded hall no two placed labels overlap; the overflow is hidden, lowest priority first', () => {
    const items = Array.from({ length: 20 }, (_, i) => label(200 + (i % 3), 200, i < 2 ? 0 : 2));
    const symbols = items.map((it) => ({ x: it.x - 10, y: it.y - 10, w: 20, h: 20 }));
    const placed = placeLabels(items, symbols);
    const boxes = boxesOf(items, placed);
    expect(boxes.length).toBeGreaterThan(2);
    expect(boxes.length).toBeLessThan(20);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!)).toBe(false);
    for (const b of boxes) for (const s of symbols) expect(intersects(b, s)).toBe(false);
    // the two high-priority labels always find room
    expect(placed[0]).not.toBeNull();
    expect(placed[1]).not.toBeNull();
  });

  it('labels far apart all keep their first choice', () => {
    const items = [label(0, 0), label(500, 0), label(0, 500)];
    expect(placeLabels(items, []).map((p) => p?.position)).toEqual(['e', 'e', 'e']);
  });
});
