import { Lightning, Router } from '@lightningjs/sdk';
import { getDeliveryInfo, getLastOrder, listCategories, type ShopCategory } from '../../api/shop.js';
import { ColourKeyBar, type ColourKeyAction } from '../../components/ColourKeyBar.js';
import { Grid } from '../../components/Grid.js';
import { textConfig } from '../../lib/text.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import { cart } from './cart.js';
import { SHOP_GRID } from './layout.js';

/** The category last opened, so 戻る from its products lands on the same tile. */
let lastCategoryIndex = 0;

/**
 * お買い物: the delivery message, then every category as a large tile in reading order (4 a row,
 * ←→ run on to the next row). The short ways are the colour keys, shown with colour and name:
 * 青 お気に入り, 赤 注文の状況, 緑 前回と同じ, 黄 カート.
 */
export class ShopPage extends Page {
  private _categories: ShopCategory[] = [];
  override pageTitle = 'お買い物';

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: { text: textConfig('お買い物', { size: FONT_SIZE.title }) },
      Info: {
        y: 100,
        text: textConfig('', {
          size: FONT_SIZE.small,
          colour: COLOUR.focusOutline,
          wrapWidth: SAFE.w,
          maxLines: 1,
        }),
      },
      Loading: { y: 300, text: textConfig('読み込み中…', { size: FONT_SIZE.body }) },
      Grid: {
        type: Grid,
        x: 20,
        y: 180,
        mode: 'wrap',
        columns: SHOP_GRID.columns,
        rows: 5,
        cellWidth: SHOP_GRID.cellWidth,
        cellHeight: 114,
        gap: SHOP_GRID.gap,
        signals: { moved: '_moved' },
      },
      Keys: { y: SAFE.h - 80, type: ColourKeyBar },
    };
  }

  override _onMounted(): void {
    this._load();
  }

  override _onChanged(): void {
    this._load();
  }

  private _load(): void {
    this._renderKeys();
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

  private _renderKeys(): void {
    const actions: ColourKeyAction[] = [
      { key: 'Blue', label: 'お気に入り' },
      { key: 'Red', label: '注文の状況' },
      { key: 'Green', label: '前回と同じ' },
      { key: 'Yellow', label: cart.count > 0 ? `カート（${cart.count}点）` : 'カート' },
    ];
    (this.tag('Keys') as ColourKeyBar).actions = actions;
  }

  private _render(): void {
    const grid = this.tag('Grid') as Grid;
    grid.items = this._categories.map((c, i) => ({
      title: c.name,
      announce: `${c.name}、${c.productCount}品`,
      onSelect: () => {
        lastCategoryIndex = i;
        Router.navigate(`shop/list/category/${c.id}`);
      },
    }));
    grid.index = lastCategoryIndex;
    this.tag('Loading')!.alpha = this._categories.length === 0 ? 1 : 0;
    if (this._categories.length === 0) this.tag('Loading')!.patch({ text: { text: '売り場がありません' } });
  }

  _moved(index: number): void {
    lastCategoryIndex = index;
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

  // The Router sets x/y to 0 on a page it keeps in memory when leaving it: put the safe area back.
  override _active(): void {
    this.patch({ x: SAFE.x, y: SAFE.y });
  }

  override _getFocused() {
    return this.tag('Grid') as Lightning.Component;
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
    return 'お買い物。矢印で売り場を選んで、決定を押してください。';
  }
}
