import { Lightning } from '@lightningjs/sdk';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { joinSentences } from '../../speech/joinSentences.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { Page } from '../Page.js';
import { groupDigits, readBoxCode, readDigitsAloud } from './boxCode.js';
import { startPairing } from './pairing.js';
import { SUPPORT_HOURS, SUPPORT_PHONE } from './support.js';

export const UNREGISTERED_TITLE = 'この機械はまだ登録されていません';
const BODY = 'お買い物やタクシーを使うには、登録が必要です。ケーブルテレビ局の窓口にお電話ください。';
const CODE_LABEL = '電話で、この機械の番号をお伝えください';
const HINT = '登録が終わると、画面は自動で切り替わります。決定ボタンで、もう一度読み上げます。';
export const PAIRED_MESSAGE = '登録できました';
/** Long enough to see and hear 「登録できました」 before the app restarts into its home screen. */
const RESTART_AFTER_MS = 3_000;

/** True only in test builds: browser tests shorten the poll via storage. */
declare const __ENGAWA_TEST_HOOK__: boolean;

/**
 * Shown when the box has no token, or the server does not know its token: whom to call, and the
 * box's own number to read out to the call centre, large and read aloud digit by digit.
 */
export class UnregisteredPage extends Page {
  private _code = '';
  private _stopPairing: (() => void) | undefined;

  static override _template(): Lightning.Component.Template {
    const w = SAFE.w;
    return {
      x: SAFE.x,
      y: SAFE.y,
      Title: { text: textConfig(UNREGISTERED_TITLE, { size: FONT_SIZE.title, wrapWidth: w, maxLines: 1 }) },
      Body: { y: 120, text: textConfig(BODY, { size: FONT_SIZE.small, wrapWidth: w, maxLines: 2 }) },
      PhoneLabel: {
        y: 290,
        text: textConfig(`お電話番号（${SUPPORT_HOURS}）`, {
          size: FONT_SIZE.small,
          colour: COLOUR.textDim,
          wrapWidth: w,
          maxLines: 1,
        }),
      },
      Phone: { y: 350, text: textConfig(SUPPORT_PHONE, { size: FONT_SIZE.hero, wrapWidth: w, maxLines: 1 }) },
      CodeLabel: {
        y: 540,
        text: textConfig(CODE_LABEL, {
          size: FONT_SIZE.small,
          colour: COLOUR.textDim,
          wrapWidth: w,
          maxLines: 1,
        }),
      },
      Code: { y: 600, text: textConfig('', { size: FONT_SIZE.hero, wrapWidth: w, maxLines: 1 }) },
      Hint: {
        y: SAFE.h - 150,
        text: textConfig(HINT, {
          size: FONT_SIZE.small,
          colour: COLOUR.focusOutline,
          wrapWidth: w,
          maxLines: 2,
        }),
      },
    };
  }

  override _init(): void {
    this._code = readBoxCode(window.localStorage);
    this.tag('Code')!.patch({ text: { text: groupDigits(this._code) } });
  }

  /**
   * While shown, the box tells the server its number and asks every few seconds whether staff have
   * paired it; once they have, it keeps the token and goes home by itself.
   */
  override _active(): void {
    this._stopPairing?.();
    this._stopPairing = startPairing({
      code: this._code,
      store: window.localStorage,
      intervalMs: __ENGAWA_TEST_HOOK__
        ? Number(window.localStorage.getItem('engawa.test.pairingPollMs')) || undefined
        : undefined,
      onPaired: () => {
        this.tag('Title')!.patch({ text: { text: PAIRED_MESSAGE } });
        this.tag('Hint')!.patch({ text: { text: 'ホーム画面を開きます' } });
        announce(PAIRED_MESSAGE);
        // Start afresh once it is said: the home screen, the watch-over heartbeat and the taxi
        // poll all start with the app when it has a token, and a home screen shown before with a
        // withdrawn token would keep its failed greeting. The address loses `#unregistered`.
        window.setTimeout(() => window.location.replace(window.location.pathname), RESTART_AFTER_MS);
      },
    });
  }

  override _inactive(): void {
    this._stopPairing?.();
    this._stopPairing = undefined;
  }

  get announce(): string {
    return joinSentences([
      UNREGISTERED_TITLE,
      BODY,
      `お電話番号は、${readDigitsAloud(SUPPORT_PHONE)}です`,
      `受付は、${SUPPORT_HOURS}です`,
      `この機械の番号は、${readDigitsAloud(groupDigits(this._code))}です`,
      '登録が終わると、画面は自動で切り替わります',
    ]);
  }

  /** 決定 reads it all again: a resident writing the numbers down needs them more than once. */
  override _handleEnter(): boolean {
    announce(this.announce);
    return true;
  }
}
