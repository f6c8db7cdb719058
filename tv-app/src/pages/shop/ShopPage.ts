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

/** The tile last focused, so 戻る from a category (or from the cart…) lands on the same tile. */
const lastFocus = { inActions: false, index: 0 };

const ROWS = 5;
const GRID_Y = 180;
const CELL_H = 114;
const ROW_STEP = CELL_H + SHOP_GRID.gap;

/**
 * お買い物: the delivery message, then every category as a large tile in reading order (4 a row,
 * ←→ run on to the next row), then a last row of four tiles: お気に入り, 注文の状況, 前回と同じ,
 * カート. That row is its own grid after the categories' last row, so it is reached with ↓ (or →
 * from the last category) and the arrow paths between categories stay as they were. The colour keys
 * are shortcuts for the same four, shown with colour and name: 青 赤 緑 黄.
 */
export class ShopPage extends Page {
  private _categories: ShopCategory[] = [];
  private _inActions = false;
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
        y: GRID_Y,
        mode: 'wrap',
        columns: SHOP_GRID.columns,
        rows: ROWS,
        cellWidth: SHOP_GRID.cellWidth,
        cellHeight: CELL_H,
        gap: SHOP_GRID.gap,
        signals: { moved: '_moved' },
      },
      Actions: {
        type: Grid,
        x: 20,
        y: GRID_Y,
        mode: 'wrap',
        columns: SHOP_GRID.columns,
        rows: 1,
        cellWidth: SHOP_GRID.cellWidth,
        cellHeight: CELL_H,
        gap: SHOP_GRID.gap,
        visible: false,
        signals: { moved: '_actionMoved' },
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
    // The cart lives on the server: the カート tile shows its count once it has been read.
    void cart.load().then(() => this._renderKeys());
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
    const cartLabel = cart.count > 0 ? `カート（${cart.count}点）` : 'カート';
    const actions: ColourKeyAction[] = [
      { key: 'Blue', label: 'お気に入り' },
      { key: 'Red', label: '注文の状況' },
      { key: 'Green', label: '前回と同じ' },
      { key: 'Yellow', label: cartLabel },
    ];
    (this.tag('Keys') as ColourKeyBar).actions = actions;
    const tile = (title: string, colour: string, onSelect: () => void) => ({
      title,
      announce: `${title}。${colour}ボタンでもできます`,
      onSelect,
    });
    const grid = this.tag('Actions') as Grid;
    const keep = grid.index;
    grid.items = [
      tile('お気に入り', '青', () => this._handleBlue()),
      tile('注文の状況', '赤', () => this._handleRed()),
      tile('前回と同じ', '緑', () => this._handleGreen()),
      tile(cartLabel, '黄', () => this._handleYellow()),
    ];
    grid.index = keep;
  }

  private _render(): void {
    const grid = this.tag('Grid') as Grid;
    grid.items = this._categories.map((c, i) => ({
      title: c.name,
      announce: `${c.name}、${c.productCount}品`,
      onSelect: () => {
        lastFocus.index = i;
        Router.navigate(`shop/list/category/${c.id}`);
      },
    }));
    this.tag('Loading')!.alpha = this._categories.length === 0 ? 1 : 0;
    if (this._categories.length === 0) this.tag('Loading')!.patch({ text: { text: '売り場がありません' } });
    if (lastFocus.inActions) {
      (this.tag('Actions') as Grid).index = lastFocus.index;
      this._focusActions(true);
    } else {
      grid.index = lastFocus.index;
      this._focusActions(false);
    }
  }

  private get _categoryRows(): number {
    return Math.ceil(this._categories.length / SHOP_GRID.columns);
  }

  /**
   * Moves focus between the categories and the action row. With more category rows than fit, the
   * category window shrinks by a row while the action row is focused, so that row shows below it.
   */
  private _focusActions(on: boolean): void {
    this._inActions = on;
    lastFocus.inActions = on;
    const grid = this.tag('Grid') as Grid;
    const fits = this._categoryRows < ROWS;
    grid.rows = on && !fits ? ROWS - 1 : ROWS;
    const { index } = grid;
    grid.index = index; // re-places the rows in the new window
    this.tag('Actions')!.patch({
      y: GRID_Y + Math.min(this._categoryRows, ROWS - 1) * ROW_STEP,
      visible: on || fits,
    });
    if (on) lastFocus.index = (this.tag('Actions') as Grid).index;
    else lastFocus.index = grid.index;
    this._refocus();
  }

  _moved(index: number): void {
    lastFocus.index = index;
  }

  _actionMoved(index: number): void {
    lastFocus.index = index;
  }

  override _handleDown(): boolean {
    if (this._inActions) return true;
    const col = (this.tag('Grid') as Grid).index % SHOP_GRID.columns;
    (this.tag('Actions') as Grid).index = col;
    this._focusActions(true);
    return true;
  }

  override _handleRight(): boolean {
    if (this._inActions) return true;
    // Only the last category lets → through: run on to the first action, as rows do.
    (this.tag('Actions') as Grid).index = 0;
    this._focusActions(true);
    return true;
  }

  override _handleUp(): boolean {
    if (!this._inActions) return false;
    const grid = this.tag('Grid') as Grid;
    const n = this._categories.length;
    if (n > 0) {
      const lastRowStart = (this._categoryRows - 1) * SHOP_GRID.columns;
      grid.index = Math.min(n - 1, lastRowStart + (this.tag('Actions') as Grid).index);
    }
    this._focusActions(false);
    return true;
  }

  override _handleLeft(): boolean {
    if (!this._inActions) return false;
    if (this._categories.length === 0) return true;
    (this.tag('Grid') as Grid).index = this._categories.length - 1;
    this._focusActions(false);
    return true;
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
    return this.tag(this._inActions ? 'Actions' : 'Grid') as Lightning.Component;
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
    return 'お買い物。矢印で売り場を選んで、決定を押してください。いちばん下に、お気に入り、注文の状況、前回と同じ、カートがあります。';
  }
}
