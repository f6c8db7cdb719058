import { Lightning, Router } from '@lightningjs/sdk';
import {
  getDeliveryInfo,
  getLastOrder,
  listCategories,
  listFrequent,
  type ShopCategory,
  type ShopProduct,
} from '../../api/shop.js';
import { ColourKeyBar, type ColourKeyAction } from '../../components/ColourKeyBar.js';
import { Grid } from '../../components/Grid.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { Page } from '../Page.js';
import { cart } from './cart.js';
import { SHOP_GRID } from './layout.js';
import { productCard } from './productCard.js';

type Section = 'frequent' | 'categories' | 'actions';

/**
 * The tile last focused, so 戻る from a category (or from the cart…) lands on the same tile. No
 * section yet: the first visit starts on よく買うもの when the household has any, else 野菜.
 */
const lastFocus: { section: Section | null; index: number } = { section: null, index: 0 };

const CELL_H = 114;
const ROW_STEP = CELL_H + SHOP_GRID.gap;
/** Without よく買うもの the categories start under the delivery line and show five rows. */
const PLAIN = { gridY: 180, rows: 5 } as const;
/** With it, its row of product cards (as tall as the product screen's) comes first. */
const FREQ_HEAD_Y = 160;
const FREQ_Y = 238;
const FREQ_H = 212;
const WITH_FREQUENT = { gridY: FREQ_Y + FREQ_H + 30, rows: 3 } as const;

/**
 * お買い物: the delivery message; when the household has received orders before, a row of
 * よく買うもの (its most often bought products, 4 at a time, → runs on) where 決定 puts one in the
 * cart without leaving the screen; then every category as a large tile in reading order (4 a row,
 * ←→ run on to the next row), then a last row of four tiles: お気に入り, 注文の状況, 前回と同じ,
 * カート. That row is its own grid after the categories' last row, so it is reached with ↓ (or →
 * from the last category) and the arrow paths between categories stay as they were; よく買うもの is
 * ↑ from the first category row. The colour keys are shortcuts for the four actions, shown with
 * colour and name: 青 赤 緑 黄.
 */
export class ShopPage extends Page {
  private _categories: ShopCategory[] = [];
  private _frequent: ShopProduct[] = [];
  private _section: Section = 'categories';
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
      FrequentHead: {
        y: FREQ_HEAD_Y,
        visible: false,
        text: textConfig('よく買うもの\u3000決定：カートに1つ入れる', { size: FONT_SIZE.small }),
      },
      FrequentPage: {
        x: SAFE.w - 20,
        y: FREQ_HEAD_Y,
        mountX: 1,
        visible: false,
        text: textConfig('', { size: FONT_SIZE.small, colour: COLOUR.textDim }),
      },
      Frequent: {
        type: Grid,
        x: 20,
        y: FREQ_Y,
        // One row of four a page: ←→ off the edge show the next four, ↑↓ leave the row.
        mode: 'page',
        columns: SHOP_GRID.columns,
        rows: 1,
        cellWidth: SHOP_GRID.cellWidth,
        cellHeight: FREQ_H,
        gap: SHOP_GRID.gap,
        visible: false,
        signals: { moved: '_frequentMoved' },
      },
      Grid: {
        type: Grid,
        x: 20,
        y: PLAIN.gridY,
        mode: 'wrap',
        columns: SHOP_GRID.columns,
        rows: PLAIN.rows,
        cellWidth: SHOP_GRID.cellWidth,
        cellHeight: CELL_H,
        gap: SHOP_GRID.gap,
        signals: { moved: '_moved' },
      },
      Actions: {
        type: Grid,
        x: 20,
        y: PLAIN.gridY,
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
    // よく買うもの is a help, not the shop: if it cannot be loaded the categories still come.
    Promise.all([listCategories(), listFrequent().catch(() => [] as ShopProduct[])])
      .then(([cats, frequent]) => {
        this._categories = cats;
        this._frequent = frequent;
        this._render();
      })
      .catch(showError);
  }

  private get _layout() {
    return this._frequent.length > 0 ? WITH_FREQUENT : PLAIN;
  }

  private _frequentItems() {
    return this._frequent.map((p) => ({
      ...productCard(p, cart.qtyOf(p.id)),
      onSelect: () => this._addFrequent(),
    }));
  }

  private _renderFrequent(): void {
    const on = this._frequent.length > 0;
    const grid = this.tag('Frequent') as Grid;
    const keep = grid.index;
    grid.items = this._frequentItems();
    grid.index = keep;
    this.tag('FrequentHead')!.visible = on;
    this.tag('FrequentPage')!.visible = on;
    this._frequentMoved();
  }

  /** The row shows four at a time: say which four, as the product screen does. */
  _frequentMoved(): void {
    const grid = this.tag('Frequent') as Grid;
    const pages = Math.ceil(this._frequent.length / SHOP_GRID.columns);
    const page = Math.floor(grid.index / SHOP_GRID.columns);
    this.tag('FrequentPage')!.patch({
      text: {
        text: pages > 1 ? `${page + 1} / ${pages}\u3000${page + 1 < pages ? '→で次へ' : '←で前へ'}` : '',
      },
    });
    if (this._section === 'frequent') lastFocus.index = grid.index;
  }

  /** 決定 on よく買うもの: one more in the cart, said aloud and shown on the card, without leaving. */
  private _addFrequent(): void {
    const grid = this.tag('Frequent') as Grid;
    const p = this._frequent[grid.index];
    if (!p) return;
    if (!p.available) {
      showToast(`${p.name} は${p.unavailableReason ?? '注文できません'}です`, 'error');
      return;
    }
    const before = cart.qtyOf(p.id);
    const after = cart.add(p, 1);
    if (after === before) showToast(`${p.name} は1回に${p.maxPerOrder}点までです`, 'error');
    else announce(`${p.name}、カートに${after}点`, 'focus');
    grid.updateItem(grid.index, this._frequentItems()[grid.index]!);
    this._renderKeys();
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
    this._renderFrequent();
    const grid = this.tag('Grid') as Grid;
    grid.patch({ y: this._layout.gridY });
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
    const section =
      lastFocus.section === 'frequent' && this._frequent.length === 0
        ? 'categories'
        : (lastFocus.section ?? (this._frequent.length > 0 ? 'frequent' : 'categories'));
    if (section === 'actions') (this.tag('Actions') as Grid).index = lastFocus.index;
    else if (section === 'frequent') (this.tag('Frequent') as Grid).index = lastFocus.index;
    else grid.index = lastFocus.index;
    this._focusSection(section);
  }

  private get _categoryRows(): number {
    return Math.ceil(this._categories.length / SHOP_GRID.columns);
  }

  /**
   * Moves focus between よく買うもの, the categories and the action row. With more category rows
   * than fit, the category window shrinks by a row while the action row is focused, so that row
   * shows below it.
   */
  private _focusSection(section: Section): void {
    this._section = section;
    lastFocus.section = section;
    const on = section === 'actions';
    const { gridY, rows } = this._layout;
    const grid = this.tag('Grid') as Grid;
    const fits = this._categoryRows < rows;
    grid.rows = on && !fits ? rows - 1 : rows;
    const { index } = grid;
    grid.index = index; // re-places the rows in the new window
    this.tag('Actions')!.patch({
      y: gridY + Math.min(this._categoryRows, rows - 1) * ROW_STEP,
      visible: on || fits,
    });
    this.tag('Frequent')!.visible = this._frequent.length > 0;
    const tags = { frequent: 'Frequent', categories: 'Grid', actions: 'Actions' } as const;
    lastFocus.index = (this.tag(tags[section]) as Grid).index;
    this._refocus();
  }

  _moved(index: number): void {
    lastFocus.index = index;
  }

  _actionMoved(index: number): void {
    lastFocus.index = index;
  }

  override _handleDown(): boolean {
    if (this._section === 'actions') return true;
    if (this._section === 'frequent') {
      // Into the first category row, same column.
      const col = (this.tag('Frequent') as Grid).index % SHOP_GRID.columns;
      (this.tag('Grid') as Grid).index = Math.min(col, Math.max(0, this._categories.length - 1));
      this._focusSection('categories');
      return true;
    }
    const col = (this.tag('Grid') as Grid).index % SHOP_GRID.columns;
    (this.tag('Actions') as Grid).index = col;
    this._focusSection('actions');
    return true;
  }

  override _handleRight(): boolean {
    if (this._section !== 'categories') return true;
    // Only the last category lets → through: run on to the first action, as rows do.
    (this.tag('Actions') as Grid).index = 0;
    this._focusSection('actions');
    return true;
  }

  override _handleUp(): boolean {
    if (this._section === 'frequent') return true;
    if (this._section === 'categories') {
      if (this._frequent.length === 0) return false;
      // From the first category row up to よく買うもの, into the four it shows, same column.
      const freq = this.tag('Frequent') as Grid;
      const rowStart = freq.index - (freq.index % SHOP_GRID.columns);
      const col = (this.tag('Grid') as Grid).index % SHOP_GRID.columns;
      freq.index = Math.min(this._frequent.length - 1, rowStart + col);
      this._focusSection('frequent');
      return true;
    }
    const grid = this.tag('Grid') as Grid;
    const n = this._categories.length;
    if (n > 0) {
      const lastRowStart = (this._categoryRows - 1) * SHOP_GRID.columns;
      grid.index = Math.min(n - 1, lastRowStart + (this.tag('Actions') as Grid).index);
    }
    this._focusSection('categories');
    return true;
  }

  override _handleLeft(): boolean {
    if (this._section === 'frequent') return true;
    if (this._section === 'categories') return false;
    if (this._categories.length === 0) return true;
    (this.tag('Grid') as Grid).index = this._categories.length - 1;
    this._focusSection('categories');
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
    const tags = { frequent: 'Frequent', categories: 'Grid', actions: 'Actions' } as const;
    return this.tag(tags[this._section]) as Lightning.Component;
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
    const frequent =
      this._frequent.length > 0
        ? 'いちばん上は、よく買うものです。決定を押すと、カートに1つ入ります。その下に売り場があります。'
        : '';
    return `お買い物。${frequent}矢印で売り場を選んで、決定を押してください。いちばん下に、お気に入り、注文の状況、前回と同じ、カートがあります。`;
  }
}
