import { Lightning } from '@lightningjs/sdk';

export interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

/** Base class for routed pages: gives them the Router's page typings (params, widgets, hooks). */
export class Page extends Lightning.Component<Lightning.Component.TemplateSpecLoose, PageTypeConfig> {
  /** Read before the focused item when the resident arrives here (assign it as a field). */
  declare pageTitle?: string;

  /**
   * Where the page's own template put it (usually the safe area). Field initialisers run after the
   * Component constructor has applied the template, so this reads the template's x and y.
   */
  private readonly _homePosition = { x: this.x, y: this.y };

  /**
   * The Router patches x and y to 0 on a page it keeps in memory when leaving it (it assumes pages
   * sit at the origin), so a page shown again would be drawn up-left, off the safe area. `_enable`
   * runs synchronously when the Router makes the page visible, before the next frame is drawn.
   * A page that overrides `_enable` must call `super._enable()`.
   */
  override _enable(): void {
    this.patch(this._homePosition);
  }
}
