import { Lightning } from '@lightningjs/sdk';
import { Button } from '../../components/Button.js';
import { ColourKeyBar } from '../../components/ColourKeyBar.js';
import { Menu, type MenuItem } from '../../components/Menu.js';
import { QuantityPicker } from '../../components/QuantityPicker.js';
import { textConfig } from '../../lib/text.js';
import { FONT_SIZE, SAFE } from '../../theme.js';
import { showToast } from '../../ui.js';
import { Page } from '../Page.js';

const SAMPLE_ITEMS = ['りんご', 'お米 5kg', '牛乳', '食パン', 'たまご 10個'];

/**
 * Developer page (`#gallery`, no tile leads here): every shared component on one screen, so they can
 * be seen on a real box and exercised by the browser tests.
 */
export class GalleryPage extends Page {
  private _column: 'menu' | 'picker' | 'button' = 'menu';
  override pageTitle = '部品の見本';

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: { text: textConfig('部品の見本', { size: FONT_SIZE.title }) },
      Menu: { type: Menu, y: 160, itemWidth: 760, h: 600, signals: { select: '_selected' } },
      Picker: { type: QuantityPicker, x: 980, y: 180, min: 1, max: 5, unit: '個' },
      Order: { type: Button, x: 980, y: 420, w: 600, label: '注文する' },
      Keys: {
        type: ColourKeyBar,
        y: SAFE.h - 80,
        actions: [
          { key: 'Yellow', label: 'やめる' },
          { key: 'Blue', label: '注文する' },
        ],
      },
    };
  }

  override _init(): void {
    (this.tag('Menu') as Menu).items = SAMPLE_ITEMS.map((label): MenuItem => ({ label }));
  }

  _selected(item: MenuItem): void {
    showToast(`${item.label}を選びました`);
  }

  private _order(): boolean {
    const qty = (this.tag('Picker') as QuantityPicker).value;
    showToast(`${qty}個、注文しました（見本）`);
    return true;
  }

  override _getFocused() {
    const tag = { menu: 'Menu', picker: 'Picker', button: 'Order' }[this._column];
    return this.tag(tag) as Lightning.Component;
  }

  override _handleRight(): void {
    if (this._column === 'menu') this._column = 'picker';
  }

  override _handleLeft(): void {
    this._column = 'menu';
  }

  override _handleDown(): void {
    if (this._column === 'picker') this._column = 'button';
  }

  override _handleUp(): void {
    if (this._column === 'button') this._column = 'picker';
  }

  override _handleEnter(): boolean | void {
    if (this._column === 'button') return this._order();
  }

  _handleBlue(): boolean {
    return this._order();
  }

  _handleYellow(): boolean {
    showToast('やめました');
    return true;
  }
}
