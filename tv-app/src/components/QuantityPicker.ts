import { Lightning } from '@lightningjs/sdk';
import { centreShift, textConfig } from '../lib/text.js';
import { announce } from '../speech/announcer.js';
import { COLOUR, FOCUS_OUTLINE_WIDTH, FONT_SIZE } from '../theme.js';

export function clampQuantity(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}

/** ← / → change a quantity; each change is read aloud and signalled as `change(value)`. */
export class QuantityPicker extends Lightning.Component {
  min = 1;
  max = 9;
  unit = '個';
  /** Read before the value: 「数量」 for goods, 「人数」 for riders. */
  label = '数量';
  private _value = 1;

  static override _template(): Lightning.Component.Template {
    const o = FOCUS_OUTLINE_WIDTH;
    const y = 70 + centreShift(FONT_SIZE.title);
    return {
      w: 480,
      h: 140,
      Outline: {
        x: -o,
        y: -o,
        alpha: 0,
        texture: Lightning.Tools.getRoundRect(500, 160, 24, o, COLOUR.focusOutline, false),
      },
      Background: { texture: Lightning.Tools.getRoundRect(480, 140, 20, 0, 0, true, COLOUR.surface) },
      Less: { x: 60, y, mount: 0.5, text: textConfig('◀', { size: FONT_SIZE.title }) },
      Value: { x: 240, y, mount: 0.5 },
      More: { x: 420, y, mount: 0.5, text: textConfig('▶', { size: FONT_SIZE.title }) },
    };
  }

  get value(): number {
    return this._value;
  }

  set value(v: number) {
    this._value = clampQuantity(v, this.min, this.max);
    this.patch({
      Value: { text: textConfig(`${this._value}${this.unit}`, { size: FONT_SIZE.title }) },
      Less: { alpha: this._value > this.min ? 1 : 0.3 },
      More: { alpha: this._value < this.max ? 1 : 0.3 },
    });
  }

  get announce(): string {
    return `${this.label} ${this._value}${this.unit}。左右で変えられます`;
  }

  override _init(): void {
    this.value = this._value;
  }

  override _focus(): void {
    this.tag('Outline')!.setSmooth('alpha', 1, { duration: 0.12 });
  }

  override _unfocus(): void {
    this.tag('Outline')!.setSmooth('alpha', 0, { duration: 0.12 });
  }

  /** At a bound the key is passed on, so ← at the minimum can move focus to the left. */
  private _change(delta: number): boolean {
    const before = this._value;
    this.value = this._value + delta;
    if (this._value === before) return false;
    announce(`${this._value}${this.unit}`, 'focus');
    this.signal('change', this._value);
    return true;
  }

  override _handleLeft(): boolean {
    return this._change(-1);
  }

  override _handleRight(): boolean {
    return this._change(1);
  }
}
