import { Lightning } from '@lightningjs/sdk';
import type { ShopDeliveryInfo } from '../../api/shop.js';
import { Menu } from '../../components/Menu.js';
import { textConfig } from '../../lib/text.js';
import { COLOUR, FONT_SIZE, SAFE, SCREEN } from '../../theme.js';
import { orderSummaryText, type SummaryLine } from './orderSummaryText.js';

const LIST_W = 940;
const MENU_X = 1080;
const MENU_W = 600;
const ROW_H = 72;
const MAX_ROWS = 5;
const ROWS_Y = 130;

/**
 * The look before the order goes: the items, the total, the delivery day and hall and how it is
 * paid, on one screen over the cart. 「この内容で注文する」 has focus, so the order costs one press
 * more than before; 「カートに戻る」 (or 戻る) goes back to the cart unchanged.
 */
export class OrderSummary extends Lightning.Component {
  onConfirm: () => void = () => undefined;
  onCancel: () => void = () => undefined;
  private _spoken = '';

  static override _template(): Lightning.Component.Template {
    return {
      visible: false,
      zIndex: 10,
      // Opaque over the cart: two screens mixed would confuse more than help.
      Background: { rect: true, x: -SAFE.x, y: -SAFE.y, w: SCREEN.w, h: SCREEN.h, color: COLOUR.background },
      Title: { text: textConfig('ご注文の確認', { size: FONT_SIZE.title }) },
      Rows: { x: 20, y: ROWS_Y },
      // Below the rows, wherever they end (see show); the delivery line last, as it may take two.
      Total: {
        x: 20,
        text: textConfig('', {
          size: FONT_SIZE.body,
          colour: COLOUR.focusOutline,
          wrapWidth: SAFE.w,
          maxLines: 1,
        }),
      },
      Payment: {
        x: 20,
        text: textConfig('', { size: FONT_SIZE.small, wrapWidth: SAFE.w - 40, maxLines: 1 }),
      },
      Delivery: {
        x: 20,
        text: textConfig('', { size: FONT_SIZE.body, wrapWidth: SAFE.w - 40, maxLines: 2 }),
      },
      Menu: { type: Menu, x: MENU_X, y: 140, itemWidth: MENU_W, itemHeight: 120, gap: 44, h: 300 },
      Hint: {
        x: 20,
        y: SAFE.h - 76,
        text: textConfig('上下：選ぶ\u3000決定：決める\u3000戻る：カートに戻る', {
          size: FONT_SIZE.small,
          colour: COLOUR.textDim,
        }),
      },
    };
  }

  get shown(): boolean {
    return this.visible;
  }

  /** Shows the summary with focus on 「この内容で注文する」; returns what to read aloud. */
  show(lines: readonly SummaryLine[], info: ShopDeliveryInfo | null): string {
    const t = orderSummaryText(lines, info, MAX_ROWS);
    this._spoken = t.spoken;
    this.tag('Rows')!.children = t.rows.map((r, i) => ({
      y: i * ROW_H,
      Name: { text: textConfig(r.left, { size: FONT_SIZE.small, wrapWidth: LIST_W - 220, maxLines: 1 }) },
      Amount: { x: LIST_W, mountX: 1, text: textConfig(r.right, { size: FONT_SIZE.small, align: 'right' }) },
    }));
    // The two buttons on the right reach y 424: the total starts below them even for one row.
    const top = Math.max(ROWS_Y + t.rows.length * ROW_H + 30, 440);
    this.patch({
      Total: { y: top, text: { text: t.total } },
      Payment: { y: top + 100, text: { text: t.payment } },
      Delivery: { y: top + 180, text: { text: t.delivery } },
    });
    const menu = this.tag('Menu') as Menu;
    menu.items = [
      { label: 'この内容で注文する', onSelect: () => this.onConfirm() },
      { label: 'カートに戻る', onSelect: () => this.onCancel() },
    ];
    menu.index = 0;
    this.visible = true;
    return this._spoken;
  }

  hide(): void {
    this.visible = false;
  }

  /** The delivery day arrived after the summary was shown: redraw that line. */
  updateDelivery(lines: readonly SummaryLine[], info: ShopDeliveryInfo): void {
    this.tag('Delivery')!.patch({ text: { text: orderSummaryText(lines, info, MAX_ROWS).delivery } });
  }

  override _getFocused() {
    return this.tag('Menu') as Lightning.Component;
  }

  override _handleBack(): boolean {
    this.onCancel();
    return true;
  }

  /** Arrows that lead nowhere stay here: the cart below must not move while it is covered. */
  override _handleKey(): boolean {
    return true;
  }
}
