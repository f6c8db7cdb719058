import { Lightning, Router } from '@lightningjs/sdk';
import { endAway, getAway } from '../../api/watch.js';
import { Button } from '../../components/Button.js';
import { ColourKeyBar } from '../../components/ColourKeyBar.js';
import { Tile } from '../../components/Tile.js';
import { Page } from '../Page.js';
import { greetResidents } from '../../lib/greeting.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { isUnregisteredError, loadMe } from '../../session.js';
import { COLOUR_KEYS, FONT_SIZE, SAFE, type ColourKey } from '../../theme.js';
import { showError, showToast } from '../../ui.js';
import { awayAnnouncement, awayLine, BACK_HOME_ANNOUNCE, BACK_HOME_LABEL } from './awayText.js';

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
const TILES_Y = SAFE.y + 230;
/** The away row sits between the tiles (grown by focus) and the colour key bar. */
const AWAY_Y = TILES_Y + TILE.h + 72;
const BACK_BUTTON = { w: 520, h: 100 };
const colourName = (key: ColourKey) => COLOUR_KEYS.find((k) => k.key === key)!.name;

export class HomePage extends Page {
  private _index = 0;
  /** Focus on 「帰りました」 (shown only while the household is away) rather than the tiles. */
  private _onBackButton = false;
  private _away: string | null = null;
  private _started = false;
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
        y: TILES_Y,
        children: HOME_ENTRIES.map((entry, i) => ({
          type: Tile,
          x: i * (TILE.w + TILE.gap),
          w: TILE.w,
          h: TILE.h,
          label: entry.label,
          hint: `${colourName(entry.colourKey)}ボタン`,
        })),
      },
      Away: {
        x: SAFE.x,
        y: AWAY_Y,
        visible: false,
        Line: {
          y: (BACK_BUTTON.h - Math.round(FONT_SIZE.body * 1.45)) / 2,
          text: textConfig('', {
            size: FONT_SIZE.body,
            wrapWidth: SAFE.w - BACK_BUTTON.w - 80,
            maxLines: 1,
          }),
        },
        Back: {
          type: Button,
          // Room for the focus growth and outline inside the safe area.
          x: SAFE.w - BACK_BUTTON.w - 40,
          w: BACK_BUTTON.w,
          h: BACK_BUTTON.h,
          label: BACK_HOME_LABEL,
          announceText: BACK_HOME_ANNOUNCE,
        },
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
      .then(async (me) => {
        const text = greetResidents(
          me.residents.map((r) => r.name),
          this.now(),
        );
        this.tag('Greeting')!.patch({ text: { text } });
        this._started = true;
        // Read once per start, in full: it is the box saying hello, not a focus move.
        if (Router.getActiveHash() === 'home') announce(text, 'intro');
        // Only while away, after the greeting (a second intro would drop it): until when, and 帰りました.
        const away = await this._refreshAway().catch(() => '');
        if (away && Router.getActiveHash() === 'home') announce(away);
      })
      .catch((error: unknown) => {
        if (isUnregisteredError(error)) Router.navigate('unregistered', false);
        else showError(error);
      });
  }

  override _enable(): void {
    super._enable();
    // Back from お知らせ after 「留守にします」: say it here at once, and read it on arrival.
    if (!this._started) return;
    this._refreshAway()
      .then((away) => {
        if (away && Router.getActiveHash() === 'home') announce(away, 'intro');
      })
      .catch(() => undefined);
  }

  /** Shows or hides the away row; returns what to read on arrival ('' when not away). */
  private async _refreshAway(): Promise<string> {
    const { away } = await getAway();
    this._away = away?.untilDate ?? null;
    this.tag('Away')!.patch({
      visible: !!away,
      Line: { text: { text: away ? awayLine(away.untilDate) : '' } },
    });
    if (!away && this._onBackButton) {
      this._onBackButton = false;
      this._refocus();
    }
    return away ? awayAnnouncement(away.untilDate) : '';
  }

  private _backHome(): void {
    endAway()
      .then(() => {
        showToast('おかえりなさい。留守を終わりにしました。');
        return this._refreshAway();
      })
      .catch(showError);
  }

  override _getFocused() {
    if (this._onBackButton) return this.tag('Away.Back') as Lightning.Component;
    return this.tag('Tiles')!.children[this._index] as Lightning.Component;
  }

  override _handleDown(): boolean {
    if (!this._away) return false;
    if (this._onBackButton) return true;
    this._onBackButton = true;
    return true;
  }

  override _handleUp(): boolean {
    if (!this._onBackButton) return false;
    this._onBackButton = false;
    return true;
  }

  override _handleLeft(): void {
    if (this._onBackButton) return;
    this._index = Math.max(0, this._index - 1);
  }

  override _handleRight(): void {
    if (this._onBackButton) return;
    this._index = Math.min(HOME_ENTRIES.length - 1, this._index + 1);
  }

  override _handleEnter(): void {
    if (this._onBackButton) return this._backHome();
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
