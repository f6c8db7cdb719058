import { Lightning } from '@lightningjs/sdk';
import { centreShift, textConfig } from '../lib/text.js';
import { COLOUR, FOCUS_OUTLINE_WIDTH, FOCUS_SCALE, FONT_SIZE } from '../theme.js';

export interface CardSpec {
  /** Large text, up to two lines. */
  title: string;
  /** Bottom-left line in the highlight colour, e.g. the price. */
  detail?: string;
  /** Bottom-right mark on a light pill, e.g. "2点" in the cart or "品切れ". */
  badge?: string;
  /** Read aloud instead of the title. */
  announce?: string;
}

const PAD = 18;
const BADGE_INK = 0xff101418;

/** Rough width in ems: Japanese characters are square, Latin letters and digits about half. */
function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) < 0x2000 ? 0.6 : 1;
  return ems;
}

/**
 * A large grid card. Like Tile and Button, focus shows as growth + thick outline + lighter fill,
 * never colour alone. A title that fits one line gets the body size, a longer one wraps to two
 * lines at the small size (still ≥ 44 px) rather than shrinking further. With no detail or badge
 * the title is centred, as on a category tile.
 */
export class Card extends Lightning.Component {
  private _spec: CardSpec = { title: '' };

  static override _template(): Lightning.Component.Template {
    return {
      w: 400,
      h: 200,
      pivot: 0.5,
      Outline: { alpha: 0 },
      Background: {},
      Title: {},
      Detail: { x: PAD },
      Badge: { mountX: 1, Label: { mount: 0.5 } },
    };
  }

  get spec(): CardSpec {
    return this._spec;
  }

  set spec(v: CardSpec) {
    this._spec = v;
    if (this.attached) this._layout();
  }

  get label(): string {
    return this._spec.title;
  }

  get announce(): string {
    return this._spec.announce ?? this._spec.title;
  }

  override _init(): void {
    this._layout();
  }

  override _attach(): void {
    this._layout();
  }

  private _layout(): void {
    const { title, detail = '', badge = '' } = this._spec;
    const o = FOCUS_OUTLINE_WIDTH;
    const inner = this.w - 2 * PAD;
    const ems = textEms(title);
    const big = ems * FONT_SIZE.body <= inner;
    const size = big ? FONT_SIZE.body : FONT_SIZE.small;
    const lineHeight = Math.round(size * 1.2);
    const lines = big ? 1 : Math.min(2, Math.ceil((ems * size) / inner));
    const tile = !detail && !badge;
    const bottomSize = FONT_SIZE.body;
    const bottomY = this.h - PAD - Math.round(bottomSize * 1.2);
    const badgeW = badge.length * FONT_SIZE.small + 28;
    this.patch({
      Outline: {
        x: -o * 1.5,
        y: -o * 1.5,
        texture: Lightning.Tools.getRoundRect(
          this.w + o * 3,
          this.h + o * 3,
          30,
          o,
          COLOUR.focusOutline,
          false,
        ),
      },
      Background: {
        texture: Lightning.Tools.getRoundRect(this.w, this.h, 22, 0, 0, true, 0xffffffff),
        color: this.hasFocus() ? COLOUR.surfaceFocused : COLOUR.surface,
      },
      Title: {
        x: tile ? this.w / 2 : PAD,
        mountX: tile ? 0.5 : 0,
        y: tile ? Math.round((this.h - lines * lineHeight) / 2) : PAD,
        text: {
          ...textConfig(title, { size, wrapWidth: inner, maxLines: 2, align: tile ? 'center' : 'left' }),
          lineHeight,
        },
      },
      Detail: {
        y: bottomY,
        visible: !!detail,
        text: {
          ...textConfig(detail, { size: bottomSize, colour: COLOUR.focusOutline }),
          lineHeight: Math.round(bottomSize * 1.2),
        },
      },
      Badge: {
        x: this.w - PAD,
        y: bottomY + 2,
        visible: !!badge,
        texture: Lightning.Tools.getRoundRect(badgeW, 64, 16, 0, 0, true, COLOUR.text),
        Label: {
          x: badgeW / 2,
          y: 32 + centreShift(FONT_SIZE.small),
          text: textConfig(badge, { size: FONT_SIZE.small, colour: BADGE_INK }),
        },
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
