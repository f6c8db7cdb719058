import { Lightning } from '@lightningjs/sdk';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { COLOUR, FOCUS_OUTLINE_WIDTH, FONT_SIZE } from '../../theme.js';

/**
 * ← / → step through a list of values (e.g. 15-minute times); OK is left to the page.
 * Every change is shown large and read aloud.
 */
export class ValuePicker extends Lightning.Component {
  private _values: string[] = [];
  private _index = 0;
  /** Read before the value, e.g. "着きたい時刻". */
  caption = '';

  static override _template(): Lightning.Component.Template {
    const o = FOCUS_OUTLINE_WIDTH;
    return {
      w: 720,
      h: 160,
      Outline: {
        x: -o,
        y: -o,
        texture: Lightning.Tools.getRoundRect(740, 180, 24, o, COLOUR.focusOutline, false),
      },
      Background: { texture: Lightning.Tools.getRoundRect(720, 160, 20, 0, 0, true, COLOUR.surfaceFocused) },
      Less: { x: 70, y: 82, mount: 0.5, text: textConfig('◀', { size: FONT_SIZE.title }) },
      Value: { x: 360, y: 82, mount: 0.5 },
      More: { x: 650, y: 82, mount: 0.5, text: textConfig('▶', { size: FONT_SIZE.title }) },
    };
  }

  setValues(values: string[], index = 0): void {
    this._values = values;
    this._index = Math.max(0, Math.min(index, values.length - 1));
    this._show();
  }

  get value(): string | undefined {
    return this._values[this._index];
  }

  private _show(): void {
    this.patch({
      Value: { text: textConfig(this.value ?? '', { size: FONT_SIZE.hero }) },
      Less: { alpha: this._index > 0 ? 1 : 0.3 },
      More: { alpha: this._index < this._values.length - 1 ? 1 : 0.3 },
    });
  }

  get announce(): string {
    return `${this.caption} ${this.value ?? ''}。左右で変えて、決定を押してください`;
  }

  private _move(delta: number): boolean {
    const next = Math.max(0, Math.min(this._values.length - 1, this._index + delta));
    if (next !== this._index) {
      this._index = next;
      this._show();
      announce(this.value ?? '');
    }
    return true;
  }

  override _handleLeft(): boolean {
    return this._move(-1);
  }

  override _handleRight(): boolean {
    return this._move(1);
  }
}
