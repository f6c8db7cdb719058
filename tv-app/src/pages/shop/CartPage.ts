import { Lightning, Router } from '@lightningjs/sdk';
import { getDeliveryInfo, placeOrder, type ShopDeliveryInfo } from '../../api/shop.js';
import { screenChanged } from '../../lib/keyGuard.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showOverlay } from '../../ui.js';
import { Page } from '../Page.js';
import { ActionBar } from './ActionBar.js';
import { cart, weightText, yen } from './cart.js';
import { OrderSummary } from './OrderSummary.js';
import { placedDeliveryText } from './orderSummaryText.js';
import { ShopList } from './ShopList.js';

/**
 * The cart: 注文する first (fewest presses), then each line with ←→ for its quantity; ↓ past the
 * last line reaches the action bar (お買い物を続ける, also 青; 注文する, also 黄). 注文する shows the
 * order summary over the cart; its 「この内容で注文する」 places the order.
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
      OrderSummary: { type: OrderSummary },
      Hint: {
        // Right of the action bar (青 and 黄, with room for the focused button to grow).
        x: 960,
        y: SAFE.h - 76,
        text: textConfig('←→：数を変える（0で取り消し）', { size: FONT_SIZE.small, colour: COLOUR.textDim }),
      },
    };
  }

  override _setup(): void {
    (this.tag('Keys') as ActionBar).actions = [
      { key: 'Blue', label: 'お買い物を続ける', onSelect: () => Router.navigate('shop') },
      { key: 'Yellow', label: '注文する', onSelect: () => this._showSummary() },
    ];
    this._orderSummary.onConfirm = () => this._confirm();
    this._orderSummary.onCancel = () => this._hideSummary();
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
    this._orderSummary.hide();
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
        if (this._orderSummary.shown) this._orderSummary.updateDelivery(this._summaryLines(), info);
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
            { label: `注文する（${yen(cart.totalYen)}）`, onSelect: () => this._showSummary() },
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

  private get _orderSummary(): OrderSummary {
    return this.tag('OrderSummary') as OrderSummary;
  }

  private _summaryLines() {
    return cart.items.map((l) => ({
      name: l.product.name,
      qty: l.qty,
      amountYen: l.qty * l.product.priceYen,
    }));
  }

  /**
   * The look before the order goes: one screen with the items, total, delivery day and hall and
   * payment, read aloud in full. A screen change, so the key guard swallows the rest of a burst.
   */
  private _showSummary(): void {
    if (this._placing || cart.count === 0) return;
    const spoken = this._orderSummary.show(this._summaryLines(), this._info);
    screenChanged();
    this._refocus();
    announce(spoken);
  }

  /** Back to the cart as it was, focus on 注文する. */
  private _hideSummary(): void {
    if (!this._orderSummary.shown) return;
    this._orderSummary.hide();
    screenChanged();
    this._inBar = false;
    (this.tag('List') as ShopList).index = 0;
    this._refocus();
  }

  /**
   * 「この内容で注文する」 on the summary places the order. The cart's idempotency key and the
   * `_placing` guard make a double 決定 or a resend one order.
   */
  private _confirm(): void {
    if (this._placing || cart.count === 0) return;
    this._placing = true;
    const lines = cart.items.map((l) => ({ productId: l.product.id, qty: l.qty }));
    const key = cart.idempotencyKey();
    placeOrder({ idempotencyKey: key, lines })
      .then(async (order) => {
        cart.clear();
        this._orderSummary.hide();
        this._render();
        await showOverlay({
          title: '注文を受け付けました',
          body: `${order.lines.map((l) => `${l.name} ${l.qty}点`).join('、')}\n合計 ${yen(order.totalYen)}\n${placedDeliveryText(order.deliveryDate, this._info)}`,
          hint: '決定：注文の状況を見る',
        });
        Router.navigate('shop/orders');
      })
      .catch((error: unknown) => {
        showError(error);
        this._hideSummary();
        this._render();
      })
      .finally(() => {
        this._placing = false;
      });
  }

  override _getFocused() {
    if (this._orderSummary.shown) return this._orderSummary;
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

  _handleYellow(): boolean {
    this._showSummary();
    return true;
  }

  get announce(): string {
    return cart.count === 0 ? 'カートは空です' : `カート、${cart.count}点、${cart.totalYen}円`;
  }
}
