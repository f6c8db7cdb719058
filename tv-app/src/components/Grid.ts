import { Lightning } from '@lightningjs/sdk';
import { Card, type CardSpec } from './Card.js';
import { gridMove, gridPage, type GridKey, type GridShape } from './gridMove.js';

export interface GridItem extends CardSpec {
  onSelect?: () => void;
}

/**
 * A grid of large cards moved with the arrows (see `gridMove` for the two modes). 決定 runs the
 * item's `onSelect` and signals `select(item, index)`; every focus move signals `moved(index)` so
 * the page can show details or the page number.
 */
export class Grid extends Lightning.Component {
  private _items: GridItem[] = [];
  private _index = 0;
  private _firstRow = 0;
  columns = 4;
  rows = 3;
  cellWidth = 400;
  cellHeight = 200;
  gap = 28;
  mode: GridShape['mode'] = 'wrap';

  static override _template(): Lightning.Component.Template {
    return { Items: {} };
  }

  get items(): GridItem[] {
    return this._items;
  }

  set items(items: GridItem[]) {
    this._items = items;
    this._index = Math.min(this._index, Math.max(0, items.length - 1));
    this.tag('Items')!.children = items.map((item) => ({
      type: Card,
      w: this.cellWidth,
      h: this.cellHeight,
      spec: item,
    }));
    this._place();
    this._refocus();
  }

  /** Redraws one card (e.g. its quantity) without rebuilding the grid. */
  updateItem(i: number, item: GridItem): void {
    this._items[i] = item;
    const card = this.tag('Items')!.children[i] as unknown as Card | undefined;
    if (card) card.spec = item;
  }

  get index(): number {
    return this._index;
  }

  set index(i: number) {
    this._index = Math.max(0, Math.min(i, this._items.length - 1));
    this._place();
    this._refocus();
  }

  get shape(): GridShape {
    return { count: this._items.length, columns: this.columns, rows: this.rows, mode: this.mode };
  }

  /** 0-based page and page count (page mode), or the visible row window's page (wrap mode). */
  get page(): { page: number; pages: number } {
    return gridPage(this._index, this.shape);
  }

  private _place(): void {
    const stepX = this.cellWidth + this.gap;
    const stepY = this.cellHeight + this.gap;
    const perPage = this.columns * this.rows;
    const row = Math.floor(this._index / this.columns);
    // Wrap mode scrolls only when focus leaves the window, so the grid does not jump on every key.
    if (row < this._firstRow) this._firstRow = row;
    if (row >= this._firstRow + this.rows) this._firstRow = row - this.rows + 1;
    const page = Math.floor(this._index / perPage);
    this.tag('Items')!.children.forEach((child: Lightning.Element, i: number) => {
      const r = Math.floor(i / this.columns);
      const c = i % this.columns;
      if (this.mode === 'page') {
        const onPage = Math.floor(i / perPage) === page;
        child.patch({ x: c * stepX, y: (r % this.rows) * stepY, visible: onPage });
      } else {
        // Hidden rather than clipped: clipping would cut the focused card's outline.
        const shown = r >= this._firstRow && r < this._firstRow + this.rows;
        child.patch({ x: c * stepX, y: (r - this._firstRow) * stepY, visible: shown });
      }
    });
  }

  override _getFocused() {
    return this.tag('Items')!.children[this._index] as Lightning.Component | undefined;
  }

  private _move(key: GridKey): boolean {
    const next = gridMove(this._index, key, this.shape);
    if (next === null) return false;
    this.index = next;
    this.signal('moved', next);
    return true;
  }

  override _handleLeft(): boolean {
    return this._move('Left');
  }

  override _handleRight(): boolean {
    return this._move('Right');
  }

  override _handleUp(): boolean {
    return this._move('Up');
  }

  override _handleDown(): boolean {
    return this._move('Down');
  }

  override _handleEnter(): void {
    const item = this._items[this._index];
    if (!item) return;
    item.onSelect?.();
    this.signal('select', item, this._index);
  }
}
