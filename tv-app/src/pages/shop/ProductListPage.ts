import { Lightning, Router } from '@lightningjs/sdk';
import {
  listCategories,
  listFavourites,
  listProducts,
  setFavourite,
  type ShopProduct,
} from '../../api/shop.js';
import { ColourKeyBar } from '../../components/ColourKeyBar.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import { cart, weightText, yen } from './cart.js';
import { ShopList } from './ShopList.js';

const PANEL_X = 1180;
const PANEL_W = SAFE.w - PANEL_X;

/**
 * Products of a category or the favourites. ↑↓ choose, 決定 puts one in the cart, ←→ change the
 * quantity in the cart, 青 adds/removes a favourite, 黄 opens the cart.
 */
export class ProductListPage extends Page {
  private _products: ShopProduct[] = [];
  private _title = '';
  private _loading = true;

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: { text: textConfig('', { size: FONT_SIZE.title, wrapWidth: 1100, maxLines: 1 }) },
      Empty: { y: 260, alpha: 0, text: textConfig('', { size: FONT_SIZE.body, wrapWidth: 1100 }) },
      List: {
        type: ShopList,
        x: 20,
        y: 150,
        itemWidth: 1100,
        itemHeight: 110,
        gap: 24,
        h: 640,
        signals: { moved: '_showDetail' },
      },
      Panel: {
        x: PANEL_X,
        y: 150,
        Picture: {
          w: PANEL_W,
          h: 260,
          rect: true,
          color: COLOUR.surface,
          Label: {
            x: PANEL_W / 2,
            y: 130,
            mount: 0.5,
            text: textConfig('', { size: FONT_SIZE.small, colour: COLOUR.textDim }),
          },
        },
        Name: { y: 290, text: textConfig('', { size: FONT_SIZE.body, wrapWidth: PANEL_W, maxLines: 2 }) },
        Price: { y: 400, text: textConfig('', { size: FONT_SIZE.title, colour: COLOUR.focusOutline }) },
        Weight: { y: 500, text: textConfig('', { size: FONT_SIZE.small, wrapWidth: PANEL_W, maxLines: 2 }) },
        InCart: { y: 580, text: textConfig('', { size: FONT_SIZE.small, wrapWidth: PANEL_W, maxLines: 2 }) },
      },
      Keys: {
        y: SAFE.h - 80,
        type: ColourKeyBar,
        actions: [
          { key: 'Blue', label: 'お気に入り' },
          { key: 'Yellow', label: 'カート' },
        ],
      },
      Hint: {
        x: 900,
        y: SAFE.h - 76,
        text: textConfig('決定：カートに入れる\u3000←→：数', {
          size: FONT_SIZE.small,
          colour: COLOUR.textDim,
        }),
      },
    };
  }

  override _onUrlParams(params: Router.PageParams): void {
    const favourites = params.kind === 'favourites';
    const id = Number(params.id);
    (this.tag('List') as ShopList).index = 0;
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

  private _label(p: ShopProduct): string {
    const qty = cart.qtyOf(p.id);
    const state = !p.available
      ? `（${p.unavailableReason ?? '注文できません'}）`
      : qty > 0
        ? `\u3000［${qty}点］`
        : '';
    return `${p.favourite ? '★' : ''}${p.name}\u3000${yen(p.priceYen)}${state}`;
  }

  private _render(): void {
    const list = this.tag('List') as ShopList;
    const keep = list.index;
    list.items = this._products.map((p) => ({
      label: this._label(p),
      announce: `${p.name}、${p.priceYen}円${p.available ? '' : `、${p.unavailableReason ?? ''}`}`,
      // The Menu takes 決定 before the page does: each item puts one more in the cart.
      onSelect: () => this._change(1),
    }));
    list.index = keep;
    this.tag('Title')!.patch({ text: { text: this._title } });
    const empty = this._products.length === 0;
    this.tag('Empty')!.patch({
      alpha: empty ? 1 : 0,
      text: {
        text: this._loading
          ? '読み込み中…'
          : this._title === 'お気に入り'
            ? 'お気に入りはまだありません。商品の画面で青ボタンを押すと入ります。'
            : 'この売り場に商品はありません。',
      },
    });
    this.tag('Panel')!.alpha = empty ? 0 : 1;
    this._showDetail();
  }

  _showDetail(): void {
    const p = this._focusedProduct();
    if (!p) return;
    const qty = cart.qtyOf(p.id);
    this.tag('Panel')!.patch({
      Picture: { Label: { text: { text: p.imageUrl ? '' : '写真はありません' } } },
      Name: { text: { text: p.name } },
      Price: { text: { text: `${yen(p.priceYen)}（税込）` } },
      Weight: {
        text: { text: `重さ ${weightText(p.weightG)}${p.available ? `・1回に${p.maxPerOrder}点まで` : ''}` },
      },
      InCart: {
        text: {
          text: !p.available
            ? `${p.unavailableReason ?? '注文できません'}です`
            : qty > 0
              ? `カートに ${qty}点`
              : 'カートに入っていません',
        },
      },
    });
  }

  private _focusedProduct(): ShopProduct | undefined {
    return this._products[(this.tag('List') as ShopList).index];
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
    else announce(`${p.name}、カートに${after}点`);
    this._refreshFocused();
    return true;
  }

  private _refreshFocused(): void {
    const list = this.tag('List') as ShopList;
    const p = this._focusedProduct();
    const button = list.tag('Items')!.children[list.index] as unknown as { label: string } | undefined;
    if (p && button) button.label = this._label(p);
    this._showDetail();
  }

  override _getFocused() {
    return this.tag('List') as Lightning.Component;
  }

  override _handleRight(): boolean {
    return this._change(1);
  }

  override _handleLeft(): boolean {
    return this._change(-1);
  }

  _handleBlue(): boolean {
    const p = this._focusedProduct();
    if (!p) return true;
    const on = !p.favourite;
    setFavourite(p.id, on)
      .then(() => {
        p.favourite = on;
        showToast(on ? `${p.name} をお気に入りに入れました` : `${p.name} をお気に入りから外しました`);
        this._refreshFocused();
      })
      .catch(showError);
    return true;
  }

  _handleYellow(): boolean {
    Router.navigate('shop/cart');
    return true;
  }
}
