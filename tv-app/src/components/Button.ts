import { Lightning } from '@lightningjs/sdk';
import { centredTop, fitText } from '../lib/fitText.js';
import { COLOUR, FONT_SIZE } from '../theme.js';
import { FOCUS_INSET, focusOutline, showFocus } from './focusRing.js';

const PAD = 28;

/**
 * A wide focusable button; focus shows as growth + outline + lighter fill, not colour alone.
 * Its label fits the button (`fitText`): body size on one line, else the small size on as many
 * lines as the button's height holds, else shortened with 「…」; `announce` reads the whole label.
 */
export class Button extends Lightning.Component {
  private _label = '';
  private _announce = '';

  static override _template(): Lightning.Component.Template {
    return {
      w: 720,
      h: 120,
      pivot: 0.5,
      Background: {},
      Outline: { alpha: 0 },
      Label: { mountX: 0.5 },
    };
  }

  get label(): string {
    return this._label;
  }

  set label(v: string) {
    this._label = v;
    if (this.attached) this._layout();
  }

  /** Read aloud instead of the label, e.g. "お米 5キロ、2,000円". */
  set announceText(v: string) {
    this._announce = v;
  }

  get announce(): string {
    return this._announce || this._label;
  }

  override _init(): void {
    this._layout();
  }

  override _attach(): void {
    this._layout();
  }

  private _layout(): void {
    const fitted = fitText(this._label, {
      width: this.w - 2 * PAD,
      height: this.h - 2 * FOCUS_INSET,
      maxLines: 3,
      sizes: [FONT_SIZE.body, FONT_SIZE.small],
      align: 'center',
    });
    this.patch({
      Background: {
        texture: Lightning.Tools.getRoundRect(this.w, this.h, 20, 0, 0, true, 0xffffffff),
        color: this.hasFocus() ? COLOUR.surfaceFocused : COLOUR.surface,
      },
      Outline: focusOutline(this.w, this.h, 20),
      Label: { x: this.w / 2, y: centredTop(fitted, this.h), text: fitted.config },
    });
  }

  override _focus(): void {
    showFocus(this, true);
  }

  override _unfocus(): void {
    showFocus(this, false);
  }
}
