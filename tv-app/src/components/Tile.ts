import { Lightning } from '@lightningjs/sdk';
import { centredTop, fitText } from '../lib/fitText.js';
import { COLOUR, FONT_SIZE } from '../theme.js';
import { FOCUS_INSET, focusOutline, showFocus } from './focusRing.js';

export interface TileSpec {
  label: string;
  /** Extra line read aloud and shown small under the label. */
  hint?: string;
  w?: number;
  h?: number;
}

/**
 * A large home-screen tile. Focus is shown three ways, never by colour alone: the tile grows, a thick
 * outline appears and the fill lightens.
 */
export class Tile extends Lightning.Component {
  private _label = '';
  private _hint = '';

  static override _template(): Lightning.Component.Template {
    return {
      w: 480,
      h: 480,
      pivot: 0.5,
      Background: {},
      Outline: { alpha: 0 },
      Label: { mountX: 0.5 },
      Hint: { mountX: 0.5 },
    };
  }

  get label(): string {
    return this._label;
  }

  set label(v: string) {
    this._label = v;
    this._layout();
  }

  set hint(v: string) {
    this._hint = v;
    this._layout();
  }

  get announce(): string {
    return this._hint ? `${this._label}。${this._hint}` : this._label;
  }

  override _init(): void {
    this._layout();
  }

  private _layout(): void {
    const w = this.w;
    const h = this.h;
    const width = w - 2 * (FOCUS_INSET + 16);
    // With a hint, the label is centred a little above the middle and the hint below it; each
    // fits its own band of the tile.
    const labelTop = this._hint ? Math.round(h * 0.18) : FOCUS_INSET;
    const labelBox = this._hint ? Math.round(h * 0.42) : h - 2 * FOCUS_INSET;
    const hintTop = Math.round(h * 0.6);
    const hintBox = Math.round(h * 0.26);
    const label = fitText(this._label, {
      width,
      height: labelBox,
      maxLines: 2,
      sizes: [FONT_SIZE.tile, FONT_SIZE.body, FONT_SIZE.small],
      align: 'center',
    });
    const hint = fitText(this._hint, {
      width,
      height: hintBox,
      maxLines: 2,
      sizes: [FONT_SIZE.small],
      colour: COLOUR.textDim,
      align: 'center',
    });
    this.patch({
      Background: {
        texture: Lightning.Tools.getRoundRect(w, h, 28, 0, 0, true, 0xffffffff),
        color: COLOUR.surface,
      },
      Outline: focusOutline(w, h, 28),
      Label: { x: w / 2, y: labelTop + centredTop(label, labelBox), text: label.config },
      Hint: {
        x: w / 2,
        y: hintTop + centredTop(hint, hintBox),
        visible: !!this._hint,
        text: hint.config,
      },
    });
  }

  override _focus(): void {
    showFocus(this, true, 0.15);
  }

  override _unfocus(): void {
    showFocus(this, false, 0.15);
  }
}
