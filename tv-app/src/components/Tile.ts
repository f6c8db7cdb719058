import { Lightning } from '@lightningjs/sdk';
import { centreShift, textConfig } from '../lib/text.js';
import { COLOUR, FOCUS_OUTLINE_WIDTH, FOCUS_SCALE, FONT_SIZE } from '../theme.js';

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
      Outline: { alpha: 0 },
      Background: {},
      Label: { mount: 0.5 },
      Hint: { mount: 0.5 },
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
    const o = FOCUS_OUTLINE_WIDTH;
    this.patch({
      Outline: {
        x: -o * 1.5,
        y: -o * 1.5,
        texture: Lightning.Tools.getRoundRect(w + o * 3, h + o * 3, 36, o, COLOUR.focusOutline, false),
      },
      Background: {
        texture: Lightning.Tools.getRoundRect(w, h, 28, 0, 0, true, 0xffffffff),
        color: COLOUR.surface,
      },
      Label: {
        x: w / 2,
        y: (this._hint ? h * 0.42 : h / 2) + centreShift(FONT_SIZE.tile),
        text: textConfig(this._label, { size: FONT_SIZE.tile }),
      },
      Hint: {
        x: w / 2,
        y: h * 0.72 + centreShift(FONT_SIZE.small),
        visible: !!this._hint,
        text: textConfig(this._hint, { size: FONT_SIZE.small, colour: COLOUR.textDim }),
      },
    });
  }

  override _focus(): void {
    this.setSmooth('scale', FOCUS_SCALE, { duration: 0.15 });
    this.tag('Outline')!.setSmooth('alpha', 1, { duration: 0.15 });
    this.tag('Background')!.setSmooth('color', COLOUR.surfaceFocused, { duration: 0.15 });
  }

  override _unfocus(): void {
    this.setSmooth('scale', 1, { duration: 0.15 });
    this.tag('Outline')!.setSmooth('alpha', 0, { duration: 0.15 });
    this.tag('Background')!.setSmooth('color', COLOUR.surface, { duration: 0.15 });
  }
}
