import { Lightning, Router } from '@lightningjs/sdk';
import { getDeliveryInfo, getLastOrder, listCategories, type ShopCategory } from '../../api/shop.js';
import { ColourKeyBar } from '../../components/ColourKeyBar.js';
import type { MenuItem } from '../../components/Menu.js';
import { textConfig } from '../../lib/text.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import { cart } from './cart.js';
import { ShopList } from './ShopList.js';

/**
 * お買い物: when the order arrives, then favourites, "the same as last time", the cart, the
 * order status and the categories, in that order so the shortest ways come first.
 */
export class ShopPage extends Page {
  private _categories: ShopCategory[] = [];

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: { text: textConfig('お買い物', { size: FONT_SIZE.title }) },
      Info: {
        y: 110,
        text: textConfig('', {
          size: FONT_SIZE.small,
          colour: COLOUR.focusOutline,
          wrapWidth: SAFE.w,
          maxLines: 2,
        }),
      },
      List: { type: ShopList, x: 20, y: 250, itemWidth: 1100, itemHeight: 96, gap: 20, h: 600 },
      Keys: {
        y: SAFE.h - 80,
        type: ColourKeyBar,
        actions: [
          { key: 'Blue', label: 'お気に入り' },
          { key: 'Red', label: '注文の状況' },
          { key: 'Green', label: '前回と同じ' },
          { key: 'Yellow', label: 'カート' },
        ],
      },
    };
  }

  override _onMounted(): void {
    this._load();
  }

  override _onChanged(): void {
    this._load();
  }

  private _load(): void {
    this._render();
    getDeliveryInfo()
      .then((info) => this.tag('Info')!.patch({ text: { text: info.message } }))
      .catch(showError);
    listCategories()
      .then((cats) => {
        this._categories = cats;
        this._render();
      })
      .catch(showError);
  }

  private _render(): void {
    const items: MenuItem[] = [
      { label: 'お気に入り', onSelect: () => Router.navigate('shop/list/favourites/0') },
      { label: '前回と同じ注文', onSelect: () => this._sameAsLastTime() },
      { label: `カート（${cart.count}点）`, onSelect: () => Router.navigate('shop/cart') },
      { label: '注文の状況', onSelect: () => Router.navigate('shop/orders') },
      ...this._categories.map((c) => ({
        label: c.name,
        announce: `${c.name}、${c.productCount}品`,
        onSelect: () => Router.navigate(`shop/list/category/${c.id}`),
      })),
    ];
    (this.tag('List') as ShopList).items = items;
  }

  private _sameAsLastTime(): void {
    getLastOrder()
      .then((last) => {
        if (last.lines.length === 0) {
          showToast('前回の注文はありません');
          return;
        }
        const skipped: string[] = [];
        for (const l of last.lines) {
          if (l.product.available && cart.qtyOf(l.product.id) === 0) cart.set(l.product, l.qty);
          else if (!l.product.available) skipped.push(l.product.name);
        }
        if (skipped.length > 0) showToast(`${skipped.join('、')} は今は注文できません`, 'error');
        Router.navigate('shop/cart');
      })
      .catch(showError);
  }

  override _getFocused() {
    return this.tag('List') as Lightning.Component;
  }

  _handleBlue(): boolean {
    Router.navigate('shop/list/favourites/0');
    return true;
  }

  _handleRed(): boolean {
    Router.navigate('shop/orders');
    return true;
  }

  _handleGreen(): boolean {
    this._sameAsLastTime();
    return true;
  }

  _handleYellow(): boolean {
    Router.navigate('shop/cart');
    return true;
  }

  get announce(): string {
    return 'お買い物。上下で選んで、決定を押してください。';
  }
}
