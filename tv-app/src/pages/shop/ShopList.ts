import { Menu } from '../../components/Menu.js';

/** A Menu that tells its page when focus moves, so the page can show the focused item's details. */
export class ShopList extends Menu {
  override _handleUp(): boolean | void {
    const r = super._handleUp();
    this.signal('moved', this.index);
    return r;
  }

  override _handleDown(): boolean | void {
    const r = super._handleDown();
    this.signal('moved', this.index);
    return r;
  }
}
