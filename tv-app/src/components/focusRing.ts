import { Lightning } from '@lightningjs/sdk';
import { COLOUR, FOCUS_OUTLINE_WIDTH, FOCUS_SCALE } from '../theme.js';

/**
 * The one focus look of the app's focusable boxes (Card, Tile, Button, the shop's action bar):
 * the box grows, a thick outline appears and the fill lightens — never colour alone.
 *
 * The outline is drawn INSIDE the box's edge (put `Outline` after `Background` in the template),
 * so a focused box reaches past its edge only by its growth: a card in the bottom grid row no
 * longer draws its outline through the line of text under the grid. Keep the box's text at least
 * `FOCUS_INSET` from its edges.
 */
export const FOCUS_INSET = FOCUS_OUTLINE_WIDTH + 4;

/** The `Outline` element's patch for a box of w × h (Lightning strokes centred on the path, 1 px in). */
export function focusOutline(w: number, h: number, radius: number) {
  const o = FOCUS_OUTLINE_WIDTH;
  return {
    x: 0,
    y: 0,
    texture: Lightning.Tools.getRoundRect(w - o - 2, h - o - 2, radius, o, COLOUR.focusOutline, false),
  };
}

/** Shows or hides the focus look on a box with `Outline` and `Background` children. */
export function showFocus(box: Lightning.Component, on: boolean, duration = 0.12): void {
  box.setSmooth('scale', on ? FOCUS_SCALE : 1, { duration });
  box.tag('Outline')!.setSmooth('alpha', on ? 1 : 0, { duration });
  box.tag('Background')!.setSmooth('color', on ? COLOUR.surfaceFocused : COLOUR.surface, { duration });
}
