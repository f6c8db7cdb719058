import { Lightning, Router } from '@lightningjs/sdk';
import { ColourKeyBar } from '../../components/ColourKeyBar.js';
import { Tile } from '../../components/Tile.js';
import { Page } from '../Page.js';
import { greetResidents } from '../../lib/greeting.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { isUnregisteredError, loadMe } from '../../session.js';
import { COLOUR_KEYS, FONT_SIZE, SAFE, type ColourKey } from '../../theme.js';
import { showError } from '../../ui.js';

interface HomeEntry {
  label: string;
  route: string;
  colourKey: ColourKey;
}

/** Left to right as on screen; the colour shortcuts follow remote order 青 赤 緑. */
export const HOME_ENTRIES: readonly HomeEntry[] = [
  { label: 'お買い物', route: 'shop', colourKey: 'Blue' },
  { label: 'タクシー', route: 'taxi', colourKey: 'Red' },
  { label: 'お知らせ', route: 'notices', colourKey: 'Green' },
];

const TILE = { w: 480, h: 480, gap: 96 };
const colourName = (key: ColourKey) => COLOUR_KEYS.find((k) => k.key === key)!.name;

export class HomePage extends Page {
  private _index = 0;
  override pageTitle = 'はじめの画面';
  /** Injected clock: greeting depends on Tokyo time of day. */
  now: () => Date = () => new Date();

  static override _template(): Lightning.Component.Template {
    const rowWidth = HOME_ENTRIES.length * TILE.w + (HOME_ENTRIES.length - 1) * TILE.gap;
    return {
      Greeting: {
        x: SAFE.x,
        y: SAFE.y,
        text: textConfig('ようこそ', { size: FONT_SIZE.title, wrapWidth: SAFE.w, maxLines: 2 }),
      },
      Tiles: {
        x: SAFE.x + (SAFE.w - rowWidth) / 2,
        y: SAFE.y + 230,
        children: HOME_ENTRIES.map((entry, i) => ({
          type: Tile,
          x: i * (TILE.w + TILE.gap),
          w: TILE.w,
          h: TILE.h,
          label: entry.label,
          hint: `${colourName(entry.colourKey)}ボタン`,
        })),
      },
      Keys: {
        x: SAFE.x,
        y: SAFE.y + SAFE.h - 80,
        type: ColourKeyBar,
        actions: HOME_ENTRIES.map((e) => ({ key: e.colourKey, label: e.label })),
      },
    };
  }

  override _firstActive(): void {
    loadMe()
      .then((me) => {
        const text = greetResidents(
          me.residents.map((r) => r.name),
          this.now(),
        );
        this.tag('Greeting')!.patch({ text: { text } });
        // Read once per start, in full: it is the box saying hello, not a focus move.
        if (Router.getActiveHash() === 'home') announce(text, 'intro');
      })
      .catch((error: unknown) => {
        if (isUnregisteredError(error)) Router.navigate('unregistered', false);
        else showError(error);
      });
  }

  override _getFocused() {
    return this.tag('Tiles')!.children[this._index] as Lightning.Component;
  }

  override _handleLeft(): void {
    this._index = Math.max(0, this._index - 1);
  }

  override _handleRight(): void {
    this._index = Math.min(HOME_ENTRIES.length - 1, this._index + 1);
  }

  override _handleEnter(): void {
    Router.navigate(HOME_ENTRIES[this._index]!.route);
  }

  private _openByColour(key: ColourKey): boolean {
    const i = HOME_ENTRIES.findIndex((e) => e.colourKey === key);
    if (i < 0) return false;
    this._index = i;
    Router.navigate(HOME_ENTRIES[i]!.route);
    return true;
  }

  _handleBlue(): boolean {
    return this._openByColour('Blue');
  }

  _handleRed(): boolean {
    return this._openByColour('Red');
  }

  _handleGreen(): boolean {
    return this._openByColour('Green');
  }
}
