import { Lightning, Router } from '@lightningjs/sdk';
import { listCategories, listFavourites, listProducts, type ShopProduct } from '../../api/shop.js';
import { Grid, type GridItem } from '../../components/Grid.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import { ActionBar } from './ActionBar.js';
import { cart, weightText, yen } from './cart.js';
import { createFavouriteSync } from './favouriteSync.js';
import { SHOP_GRID } from './layout.js';
import { productCard } from './productCard.js';

const ROWS = 3;

/**
 * Products of a category or the favourites as large cards, 4 × 3 a page: arrows choose, ←→ off
 * the edge turn the page, 決定 puts one in the cart (the card shows how many). ↓ below the cards
 * reaches the action bar (1つ減らす, お気に入り, カート for the focused card); its colour keys
 * 赤, 青, 黄 do the same from anywhere on the screen.
 */
export class ProductListPage extends Page {
  private _products: ShopProduct[] = [];
  private _title = '';
  private _loading = true;
  private _inBar = false;
  private _favourites = createFavouriteSync((id, wanted, error) => this._favouriteFailed(id, wanted, error));
  private _unsubscribeCart: (() => void) | null = null;

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      // Clear of the page number on the right (「2 / 3 ページ ←→でめくる」).
      Title: { text: textConfig('', { size: FONT_SIZE.title, wrapWidth: 1000, maxLines: 1 }) },
      PageNo: {
        x: SAFE.w - 20,
        y: 14,
        mountX: 1,
        text: textConfig('', { size: FONT_SIZE.small, colour: COLOUR.textDim }),
      },
      Empty: { y: 260, alpha: 0, text: textConfig('', { size: FONT_SIZE.body, wrapWidth: 1600 }) },
      Grid: {
        type: Grid,
        x: 20,
        y: 116,
        mode: 'page',
        columns: SHOP_GRID.columns,
        rows: ROWS,
        cellWidth: SHOP_GRID.cellWidth,
        cellHeight: 212,
        gap: SHOP_GRID.gap,
        signals: { moved: '_showDetail' },
      },
      Detail: {
        // Below the bottom row's growth when focused (its outline is drawn inside the card).
        x: 20,
        y: 824,
        text: textConfig('', { size: FONT_SIZE.small, wrapWidth: SAFE.w - 40, maxLines: 1 }),
      },
      Keys: { x: 24, y: SAFE.h - 88, type: ActionBar },
      Hint: {
        x: SAFE.w - 20,
        y: SAFE.h - 76,
        mountX: 1,
        text: textConfig('決定：1つ入れる', { size: FONT_SIZE.small, colour: COLOUR.textDim }),
      },
    };
  }

  override _setup(): void {
    (this.tag('Keys') as ActionBar).actions = [
      { key: 'Blue', label: 'お気に入り', onSelect: () => this._toggleFavourite() },
      { key: 'Red', label: '1つ減らす', onSelect: () => this._change(-1) },
      { key: 'Yellow', label: 'カート', onSelect: () => Router.navigate('shop/cart') },
    ];
  }

  override _onUrlParams(params: Router.PageParams): void {
    this._unsubscribeCart ??= cart.onChange(() => this._render());
    void cart.load();
    this._focusBar(false);
    const favourites = params.kind === 'favourites';
    const id = Number(params.id);
    (this.tag('Grid') as Grid).index = 0;
    this._products = [];
    this._title = favourites ? 'お気に入り' : '';
    this._loading = true;
    this._render();
    const load = favourites ? listFavourites() : listProducts(id);
    load
      .then((products) => {
        this._products = products;
        this._loading = false;
        this._render();
      })
      .catch(showError);
    if (!favourites) {
      listCategories()
        .then((cats) => {
          this._title = cats.find((c) => c.id === id)?.name ?? '商品';
          this.tag('Title')!.patch({ text: { text: this._title } });
        })
        .catch(showError);
    }
  }

  /** A page taken off the stage stops listening; it subscribes again when shown with new params. */
  override _detach(): void {
    this._unsubscribeCart?.();
    this._unsubscribeCart = null;
  }

  private _item(p: ShopProduct): GridItem {
    return { ...productCard(p, cart.qtyOf(p.id)), onSelect: () => this._change(1) };
  }

  private _render(): void {
    const grid = this.tag('Grid') as Grid;
    const keep = grid.index;
    grid.items = this._products.map((p) => this._item(p));
    grid.index = keep;
    this.tag('Title')!.patch({ text: { text: this._title } });
    const empty = this._products.length === 0;
    this.tag('Empty')!.patch({
      alpha: empty ? 1 : 0,
      text: {
        text: this._loading
          ? '読み込み中…'
          : this._title === 'お気に入り'
            ? 'お気に入りはまだありません。商品の画面で「お気に入り」（青ボタン）を押すと入ります。'
            : 'この売り場に商品はありません。',
      },
    });
    this._showDetail();
  }

  _showDetail(): void {
    const grid = this.tag('Grid') as Grid;
    const { page, pages } = grid.page;
    this.tag('PageNo')!.patch({
      text: { text: pages > 1 ? `${page + 1} / ${pages} ページ\u3000←→でめくる` : '' },
    });
    const p = this._focusedProduct();
    const text = !p
      ? ''
      : `${p.name}\u3000${yen(p.priceYen)}（税込）\u3000重さ ${weightText(p.weightG)}` +
        (p.available
          ? `\u30001回に${p.maxPerOrder}点まで`
          : `\u3000${p.unavailableReason ?? '注文できません'}`);
    this.tag('Detail')!.patch({ text: { text } });
  }

  private _focusedProduct(): ShopProduct | undefined {
    return this._products[(this.tag('Grid') as Grid).index];
  }

  private _change(delta: number): boolean {
    const p = this._focusedProduct();
    if (!p) return false;
    if (!p.available) {
      showToast(`${p.name} は${p.unavailableReason ?? '注文できません'}です`, 'error');
      return true;
    }
    const before = cart.qtyOf(p.id);
    const after = cart.add(p, delta);
    if (after === before && delta > 0) showToast(`${p.name} は1回に${p.maxPerOrder}点までです`, 'error');
    else if (after === before) announce(`${p.name} はカートに入っていません`, 'focus');
    else announce(`${p.name}、カートに${after}点`, 'focus');
    this._refreshFocused();
    return true;
  }

  private _refreshFocused(): void {
    const grid = this.tag('Grid') as Grid;
    const p = this._focusedProduct();
    if (p) grid.updateItem(grid.index, this._item(p));
    this._showDetail();
  }

  private _focusBar(on: boolean): void {
    this._inBar = on;
    this.tag('Hint')!.patch({ text: { text: on ? '↑：商品にもどる' : '決定：1つ入れる' } });
    this._refocus();
  }

  override _getFocused() {
    return this.tag(this._inBar ? 'Keys' : 'Grid') as Lightning.Component;
  }

  /** Reached when ↓ leaves the bottom row of cards (or there are none). */
  override _handleDown(): boolean {
    if (!this._inBar) this._focusBar(true);
    return true;
  }

  override _handleUp(): boolean {
    if (this._inBar) this._focusBar(false);
    return true;
  }

  _handleRed(): boolean {
    this._change(-1);
    return true;
  }

  _handleBlue(): boolean {
    this._toggleFavourite();
    return true;
  }

  /**
   * The card shows the wanted state at once; only the latest wish goes to the server, after the
   * previous answer, so quick presses end in the last press's state on screen and on the server.
   */
  private _toggleFavourite(): void {
    const p = this._focusedProduct();
    if (!p) return;
    const on = !p.favourite;
    p.favourite = on;
    showToast(on ? `${p.name} をお気に入りに入れました` : `${p.name} をお気に入りから外しました`);
    this._refreshFocused();
    this._favourites.set(p.id, on);
  }

  /** The server did not take the last wish: the card goes back to what the server keeps. */
  private _favouriteFailed(productId: number, wanted: boolean, error: unknown): void {
    const i = this._products.findIndex((x) => x.id === productId);
    const p = this._products[i];
    if (p && p.favourite === wanted) {
      p.favourite = !wanted;
      (this.tag('Grid') as Grid).updateItem(i, this._item(p));
    }
    showError(error);
  }

  _handleYellow(): boolean {
    Router.navigate('shop/cart');
    return true;
  }
}
