import { Lightning } from '@lightningjs/sdk';
import { orderColourKeys } from '../../components/ColourKeyBar.js';
import { focusOutline, showFocus } from '../../components/focusRing.js';
import { centredTop, fitText, textEms } from '../../lib/fitText.js';
import { centreShift, textConfig } from '../../lib/text.js';
import { COLOUR, FONT_SIZE, type ColourKey } from '../../theme.js';

export interface BarAction {
  key: ColourKey;
  label: string;
  onSelect: () => void;
}

const H = 80;
const CHIP_W = 96;
// Clear of the focus outline, which is drawn inside the button's edge.
const CHIP_H = 54;
const PAD = 16;
const GAP = 40;

/** Rough label width: Japanese characters are square, Latin letters and digits about half. */
const labelWidth = (label: string) => Math.ceil(textEms(label) * FONT_SIZE.small);
const buttonWidth = (label: string) => PAD + CHIP_W + 20 + labelWidth(label) + PAD + 8;

/** One action of the bar: the colour key's chip (colour and name) and what it does. */
class ActionButton extends Lightning.Component {
  action!: BarAction & { name: string; fill: number; ink: number };

  static override _template(): Lightning.Component.Template {
    return { h: H, pivot: 0.5, Background: {}, Outline: { alpha: 0 }, Chip: {}, Label: {} };
  }

  override _init(): void {
    const a = this.action;
    const label = fitText(a.label, { width: labelWidth(a.label), sizes: [FONT_SIZE.small] });
    this.patch({
      Background: {
        texture: Lightning.Tools.getRoundRect(this.w, H, 16, 0, 0, true, 0xffffffff),
        color: COLOUR.surface,
      },
      Outline: focusOutline(this.w, H, 16),
      Chip: {
        x: PAD,
        y: (H - CHIP_H) / 2,
        texture: Lightning.Tools.getRoundRect(CHIP_W, CHIP_H, 12, 4, 0xffffffff, true, a.fill),
        Name: {
          x: CHIP_W / 2,
          y: CHIP_H / 2 + centreShift(FONT_SIZE.small),
          mount: 0.5,
          text: textConfig(a.name, { size: FONT_SIZE.small, colour: a.ink }),
        },
      },
      Label: { x: PAD + CHIP_W + 20, y: centredTop(label, H), text: label.config },
    });
  }

  get label(): string {
    return this.action.label;
  }

  get announce(): string {
    return `${this.action.label}。${this.action.name}ボタンでもできます`;
  }

  override _focus(): void {
    showFocus(this, true);
  }

  override _unfocus(): void {
    showFocus(this, false);
  }
}

/**
 * The colour keys of a screen as buttons, so every action is also reachable with arrows and 決定
 * (the resident moves ↓ onto the bar). Each shows the key's colour and name in remote order
 * 青 赤 緑 黄, so the same bar also tells which colour key is the shortcut.
 */
export class ActionBar extends Lightning.Component {
  private _actions: BarAction[] = [];
  private _index = 0;

  static override _template(): Lightning.Component.Template {
    return { Items: {} };
  }

  set actions(actions: readonly BarAction[]) {
    const ordered = orderColourKeys(actions).map((k) => ({
      ...k,
      onSelect: actions.find((a) => a.key === k.key)!.onSelect,
    }));
    this._actions = ordered;
    this._index = Math.min(this._index, Math.max(0, ordered.length - 1));
    let x = 0;
    this.tag('Items')!.children = ordered.map((action) => {
      const w = buttonWidth(action.label);
      x += w + GAP;
      return { type: ActionButton, action, w, x: x - w - GAP };
    });
    this._refocus();
  }

  get index(): number {
    return this._index;
  }

  set index(i: number) {
    this._index = Math.max(0, Math.min(i, this._actions.length - 1));
    this._refocus();
  }

  /** Runs the action of a colour key pressed as a shortcut (false when this screen has none). */
  run(key: ColourKey): boolean {
    const action = this._actions.find((a) => a.key === key);
    action?.onSelect();
    return !!action;
  }

  override _getFocused() {
    return this.tag('Items')!.children[this._index] as Lightning.Component | undefined;
  }

  override _handleLeft(): boolean {
    if (this._index === 0) return false;
    this.index = this._index - 1;
    return true;
  }

  override _handleRight(): boolean {
    if (this._index >= this._actions.length - 1) return false;
    this.index = this._index + 1;
    return true;
  }

  override _handleEnter(): void {
    this._actions[this._index]?.onSelect();
  }
}
