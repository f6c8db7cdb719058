import { Lightning } from '@lightningjs/sdk';
import { centreShift, textConfig } from '../lib/text.js';
import { COLOUR, FOCUS_OUTLINE_WIDTH, FOCUS_SCALE, FONT_SIZE } from '../theme.js';

/** A wide focusable button; focus shows as growth + outline + lighter fill, not colour alone. */
export class Button extends Lightning.Component {
  private _label = '';
  private _announce = '';

  static override _template(): Lightning.Component.Template {
    return {
      w: 720,
      h: 120,
      pivot: 0.5,
      Outline: { alpha: 0 },
      Background: {},
      Label: { mount: 0.5 },
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
    const o = FOCUS_OUTLINE_WIDTH;
    this.patch({
      Outline: {
        x: -o * 1.5,
        y: -o * 1.5,
        texture: Lightning.Tools.getRoundRect(
          this.w + o * 3,
          this.h + o * 3,
          26,
          o,
          COLOUR.focusOutline,
          false,
        ),
      },
      Background: {
        texture: Lightning.Tools.getRoundRect(this.w, this.h, 20, 0, 0, true, 0xffffffff),
        color: this.hasFocus() ? COLOUR.surfaceFocused : COLOUR.surface,
      },
      Label: {
        x: this.w / 2,
        y: this.h / 2 + centreShift(FONT_SIZE.body),
        text: textConfig(this._label, { size: FONT_SIZE.body, maxLines: 1 }),
      },
    });
  }

  override _focus(): void {
    this.setSmooth('scale', FOCUS_SCALE, { duration: 0.12 });
    this.tag('Outline')!.setSmooth('alpha', 1, { duration: 0.12 });
    this.tag('Background')!.setSmooth('color', COLOUR.surfaceFocused, { duration: 0.12 });
  }

  override _unfocus(): void {
    this.setSmooth('scale', 1, { duration: 0.12 });
    this.tag('Outline')!.setSmooth('alpha', 0, { duration: 0.12 });
    this.tag('Background')!.setSmooth('color', COLOUR.surface, { duration: 0.12 });
  }
}
