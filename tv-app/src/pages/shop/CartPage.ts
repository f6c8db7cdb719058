import { Lightning, Router } from '@lightningjs/sdk';
import { getDeliveryInfo, placeOrder, type ShopDeliveryInfo } from '../../api/shop.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showOverlay } from '../../ui.js';
import { Page } from '../Page.js';
import { ActionBar } from './ActionBar.js';
import { cart, weightText, yen } from './cart.js';
import { ShopList } from './ShopList.js';

/**
 * The cart: 注文する first (fewest presses), then each line with ←→ for its quantity; ↓ past the
 * last line reaches the action bar (お買い物を続ける, also 青).
 */
export class CartPage extends Page {
  /** With `announce` below: the summary is read in full on arrival, before the focused line. */
  override pageTitle = 'カート';
  private _info: ShopDeliveryInfo | null = null;
  private _placing = false;
  private _inBar = false;
  private _unsubscribeCart: (() => void) | null = null;

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: { text: textConfig('カート', { size: FONT_SIZE.title }) },
      Summary: {
        y: 110,
        text: textConfig('', {
          size: FONT_SIZE.small,
          wrapWidth: SAFE.w,
          maxLines: 2,
          colour: COLOUR.focusOutline,
        }),
      },
      List: { type: ShopList, x: 20, y: 270, itemWidth: 1300, itemHeight: 110, gap: 24, h: 560 },
      Keys: { x: 24, y: SAFE.h - 88, type: ActionBar },
      Hint: {
        x: 900,
        y: SAFE.h - 76,
        text: textConfig('←→：数を変える（0で取り消し）', { size: FONT_SIZE.small, colour: COLOUR.textDim }),
      },
    };
  }

  override _setup(): void {
    (this.tag('Keys') as ActionBar).actions = [
      { key: 'Blue', label: 'お買い物を続ける', onSelect: () => Router.navigate('shop') },
    ];
  }

  override _onMounted(): void {
    this._load();
  }

  override _onChanged(): void {
    this._load();
  }

  override _detach(): void {
    this._unsubscribeCart?.();
    this._unsubscribeCart = null;
  }

  private _load(): void {
    // The cart lives on the server: read it again (another box, a reload) and redraw when it comes.
    this._unsubscribeCart ??= cart.onChange(() => this._render());
    void cart.load();
    this._inBar = false;
    this._refocus();
    (this.tag('List') as ShopList).index = 0;
    this._render();
    getDeliveryInfo()
      .then((info) => {
        this._info = info;
        this._render();
      })
      .catch(showError);
  }

  private _render(): void {
    const items = cart.items;
    const list = this.tag('List') as ShopList;
    const keep = list.index;
    list.items =
      items.length === 0
        ? [{ label: '商品を選ぶ', onSelect: () => Router.navigate('shop') }]
        : [
            { label: `注文する（${yen(cart.totalYen)}）`, onSelect: () => this._confirm() },
            ...items.map((l) => ({
              label: `${l.product.name}\u3000${l.qty}点\u3000${yen(l.qty * l.product.priceYen)}`,
              announce: `${l.product.name}、${l.qty}点、${l.qty * l.product.priceYen}円。左右で数を変えられます`,
            })),
          ];
    list.index = keep;
    const when = this._info?.message ?? '';
    this.tag('Summary')!.patch({
      text: {
        text:
          items.length === 0
            ? 'カートは空です。'
            : `${cart.count}点・合計 ${yen(cart.totalYen)}（税込）・${weightText(cart.weightG)}\n${when}`,
      },
    });
  }

  private _lineAtFocus() {
    const i = (this.tag('List') as ShopList).index - 1;
    return i >= 0 ? cart.items[i] : undefined;
  }

  private _change(delta: number): boolean {
    const line = this._lineAtFocus();
    if (!line) return false;
    const after = cart.add(line.product, delta);
    announce(
      after === 0 ? `${line.product.name}をカートから出しました` : `${line.product.name}、${after}点`,
      'focus',
    );
    this._render();
    return true;
  }

  /**
   * The cart screen is the confirmation (items, total, weight and delivery are all on it), so 決定
   * on 注文する places the order: 黄 then 決定. The cart's idempotency key and the `_placing` guard
   * make a double 決定 or a resend one order.
   */
  private _confirm(): void {
    if (this._placing || cart.count === 0) return;
    this._placing = true;
    const lines = cart.items.map((l) => ({ productId: l.product.id, qty: l.qty }));
    const key = cart.idempotencyKey();
    placeOrder({ idempotencyKey: key, lines })
      .then(async (order) => {
        cart.clear();
        this._render();
        await showOverlay({
          title: '注文を受け付けました',
          body: `${order.lines.map((l) => `${l.name} ${l.qty}点`).join('、')}\n合計 ${yen(order.totalYen)}\n${this._info?.message ?? ''}`,
          hint: '決定：注文の状況を見る',
        });
        Router.navigate('shop/orders');
      })
      .catch((error: unknown) => {
        showError(error);
        this._render();
      })
      .finally(() => {
        this._placing = false;
      });
  }

  override _getFocused() {
    return this.tag(this._inBar ? 'Keys' : 'List') as Lightning.Component;
  }

  /** Reached when ↓ leaves the last line. */
  override _handleDown(): boolean {
    this._inBar = true;
    this._refocus();
    return true;
  }

  override _handleUp(): boolean {
    this._inBar = false;
    this._refocus();
    return true;
  }

  override _handleLeft(): boolean {
    return this._inBar || this._change(-1);
  }

  override _handleRight(): boolean {
    return this._inBar || this._change(1);
  }

  _handleBlue(): boolean {
    Router.navigate('shop');
    return true;
  }

  get announce(): string {
    return cart.count === 0 ? 'カートは空です' : `カート、${cart.count}点、${cart.totalYen}円`;
  }
}
