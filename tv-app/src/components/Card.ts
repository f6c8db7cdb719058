import { Lightning } from '@lightningjs/sdk';
import { centredTop, fitText, textEms } from '../lib/fitText.js';
import { COLOUR, FONT_SIZE } from '../theme.js';
import { FOCUS_INSET, focusOutline, showFocus } from './focusRing.js';

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
const BADGE_H = 64;
const SIZES = [FONT_SIZE.body, FONT_SIZE.small];

/**
 * A large grid card. Like Tile and Button, focus shows as growth + thick outline + lighter fill,
 * never colour alone (`focusRing.ts`). Every text fits the card (`fitText`): a title that fits
 * one line gets the body size, a longer one wraps to two lines at the small size (still ≥ 44 px)
 * and what still does not fit ends in 「…」 — the card reads its whole text aloud. With no detail
 * or badge the title is centred, as on a category tile.
 */
export class Card extends Lightning.Component {
  private _spec: CardSpec = { title: '' };

  static override _template(): Lightning.Component.Template {
    return {
      w: 400,
      h: 200,
      pivot: 0.5,
      Background: {},
      Outline: { alpha: 0 },
      Title: {},
      Detail: { x: PAD },
      Badge: { mountX: 1, Label: { mountX: 0.5 } },
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

  /** The whole text, also what a shortened title or detail leaves out. */
  get announce(): string {
    const { title, detail, badge } = this._spec;
    return this._spec.announce ?? [title, detail, badge].filter(Boolean).join('、');
  }

  override _init(): void {
    this._layout();
  }

  override _attach(): void {
    this._layout();
  }

  private _layout(): void {
    const { title, detail = '', badge = '' } = this._spec;
    const inner = this.w - 2 * PAD;
    const tile = !detail && !badge;
    const bottomLine = Math.round(FONT_SIZE.body * 1.2);
    const bottomY = this.h - PAD - bottomLine;
    // A category tile is short (114 px): its two lines sit closer, so a long name still shows whole.
    const titleBox = tile ? this.h - 2 * (FOCUS_INSET - 2) : bottomY - PAD;
    const fittedTitle = fitText(title, {
      width: inner,
      height: titleBox,
      maxLines: 2,
      sizes: SIZES,
      align: tile ? 'center' : 'left',
      lineHeight: tile ? 1.05 : 1.2,
    });
    // A long badge (a reason it cannot be ordered) takes at most half the card; the price keeps the rest.
    const badgeText = fitText(badge, { width: Math.round(inner / 2) - 28, sizes: [FONT_SIZE.small] });
    const badgeW = badge
      ? Math.min(Math.ceil(textEms(badge) * FONT_SIZE.small), Math.round(inner / 2) - 28) + 28
      : 0;
    const fittedDetail = fitText(detail, {
      width: inner - (badge ? badgeW + 16 : 0),
      sizes: SIZES,
      colour: COLOUR.focusOutline,
    });
    this.patch({
      Background: {
        texture: Lightning.Tools.getRoundRect(this.w, this.h, 22, 0, 0, true, 0xffffffff),
        color: this.hasFocus() ? COLOUR.surfaceFocused : COLOUR.surface,
      },
      Outline: focusOutline(this.w, this.h, 22),
      Title: {
        x: tile ? this.w / 2 : PAD,
        mountX: tile ? 0.5 : 0,
        y: tile ? centredTop(fittedTitle, this.h) : PAD - Math.round(fittedTitle.size * 0.12),
        text: fittedTitle.config,
      },
      Detail: {
        y: bottomY + centredTop(fittedDetail, bottomLine),
        visible: !!detail,
        text: fittedDetail.config,
      },
      Badge: {
        x: this.w - PAD,
        y: bottomY + Math.round((bottomLine - BADGE_H) / 2),
        visible: !!badge,
        texture: Lightning.Tools.getRoundRect(badgeW, BADGE_H, 16, 0, 0, true, COLOUR.text),
        Label: {
          x: badgeW / 2,
          y: centredTop(badgeText, BADGE_H),
          text: { ...badgeText.config, textColor: BADGE_INK, textAlign: 'center' },
        },
      },
    });
  }

  override _focus(): void {
    showFocus(this, true);
  }

  override _unfocus(): void {
    showFocus(this, false);
  }
}
