import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridMove, gridPage, type GridShape } from './gridMove.js';

const wrap: GridShape = { count: 20, columns: 4, rows: 5, mode: 'wrap' };
const paged: GridShape = { count: 38, columns: 4, rows: 3, mode: 'page' };

describe('gridMove in reading order (wrap)', () => {
  it('runs on from the end of a row to the start of the next and back', () => {
    expect(gridMove(3, 'Right', wrap)).toBe(4);
    expect(gridMove(4, 'Left', wrap)).toBe(3);
    expect(gridMove(0, 'Left', wrap)).toBeNull();
    expect(gridMove(19, 'Right', wrap)).toBeNull();
  });

  it('moves a whole row up and down, and lands on the last card of a short last row', () => {
    expect(gridMove(1, 'Down', wrap)).toBe(5);
    expect(gridMove(5, 'Up', wrap)).toBe(1);
    expect(gridMove(2, 'Up', wrap)).toBeNull();
    const short = { ...wrap, count: 18 };
    expect(gridMove(15, 'Down', short)).toBe(17);
    expect(gridMove(17, 'Down', short)).toBeNull();
  });
});

describe('gridMove in pages', () => {
  it('turns the page off the right and left edges, keeping the row', () => {
    expect(gridMove(7, 'Right', paged)).toBe(16);
    expect(gridMove(16, 'Left', paged)).toBe(7);
    expect(gridMove(0, 'Left', paged)).toBeNull();
    expect(gridPage(16, paged)).toEqual({ page: 1, pages: 4 });
  });

  it('goes to the last card when the next page has no such row, and stops at the end', () => {
    // Page 3 holds 36 and 37 only.
    expect(gridMove(35, 'Right', paged)).toBe(37);
    expect(gridMove(37, 'Right', paged)).toBeNull();
    expect(gridMove(11, 'Down', paged)).toBeNull();
    // Page 2 of 30 cards: a full row 24–27, then 28 and 29.
    expect(gridMove(26, 'Down', { ...paged, count: 30 })).toBe(29);
  });

  it('always stays inside the list and keeps Up/Down on the same page', () => {
    const keys = ['Left', 'Right', 'Up', 'Down'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('wrap' as const, 'page' as const),
        fc.nat(),
        fc.constantFrom(...keys),
        (count, columns, rows, mode, seed, key) => {
          const s: GridShape = { count, columns, rows, mode };
          const i = seed % count;
          const j = gridMove(i, key, s);
          if (j === null) return;
          expect(j).toBeGreaterThanOrEqual(0);
          expect(j).toBeLessThan(count);
          expect(j).not.toBe(i);
          if (mode === 'page' && (key === 'Up' || key === 'Down'))
            expect(gridPage(j, s).page).toBe(gridPage(i, s).page);
        },
      ),
    );
  });
});
