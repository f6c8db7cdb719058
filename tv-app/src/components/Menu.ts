import { Lightning } from '@lightningjs/sdk';
import { Button } from './Button.js';

export interface MenuItem {
  label: string;
  /** Read aloud instead of the label. */
  announce?: string;
  onSelect?: () => void;
}

/**
 * A vertical list of buttons moved with ↑/↓. OK runs the item's `onSelect` and signals
 * `select(item, index)` to the parent.
 */
export class Menu extends Lightning.Component {
  private _items: MenuItem[] = [];
  private _index = 0;
  private _first = 0;
  itemWidth = 960;
  itemHeight = 120;
  gap = 32;

  static override _template(): Lightning.Component.Template {
    return { Items: {} };
  }

  get items(): MenuItem[] {
    return this._items;
  }

  set items(items: MenuItem[]) {
    this._items = items;
    this._index = Math.min(this._index, Math.max(0, items.length - 1));
    this.tag('Items')!.children = items.map((item, i) => ({
      type: Button,
      x: 0,
      y: i * (this.itemHeight + this.gap),
      w: this.itemWidth,
      h: this.itemHeight,
      label: item.label,
      announceText: item.announce ?? '',
    }));
    this._scroll();
    this._refocus();
  }

  get index(): number {
    return this._index;
  }

  set index(i: number) {
    this._index = Math.max(0, Math.min(i, this._items.length - 1));
    this._scroll();
    this._refocus();
  }

  private _scroll(): void {
    const step = this.itemHeight + this.gap;
    const visible = this.h > 0 ? Math.max(1, Math.floor((this.h + this.gap) / step)) : this._items.length;
    // Scroll only when focus leaves the window, so the list does not jump on every key.
    let first = this._first;
    if (this._index < first) first = this._index;
    if (this._index >= first + visible) first = this._index - visible + 1;
    first = Math.max(0, Math.min(first, this._items.length - visible));
    this._first = first;
    this.tag('Items')!.setSmooth('y', -first * step, { duration: 0.15 });
    // Hidden rather than clipped: clipping would cut the focused item's outline.
    this.tag('Items')!.children.forEach((child: Lightning.Element, i: number) => {
      child.visible = i >= first && i < first + visible;
    });
  }

  override _getFocused() {
    return this.tag('Items')!.children[this._index] as Lightning.Component | undefined;
  }

  override _handleUp(): boolean | void {
    if (this._index === 0) return false;
    this.index = this._index - 1;
  }

  override _handleDown(): boolean | void {
    if (this._index >= this._items.length - 1) return false;
    this.index = this._index + 1;
  }

  override _handleEnter(): void {
    const item = this._items[this._index];
    if (!item) return;
    item.onSelect?.();
    this.signal('select', item, this._index);
  }
}
