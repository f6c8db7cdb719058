import { Lightning } from '@lightningjs/sdk';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { joinSentences } from '../../speech/joinSentences.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { Page } from '../Page.js';
import { groupDigits, readBoxCode, readDigitsAloud } from './boxCode.js';
import { SUPPORT_HOURS, SUPPORT_PHONE } from './support.js';

export const UNREGISTERED_TITLE = 'この機械はまだ登録されていません';
const BODY = 'お買い物やタクシーを使うには、登録が必要です。ケーブルテレビ局の窓口にお電話ください。';
const CODE_LABEL = '電話で、この機械の番号をお伝えください';
const HINT = '登録が終わったら、テレビの電源を入れ直してください。決定ボタンで、もう一度読み上げます。';

/**
 * Shown when the box has no token, or the server does not know its token: whom to call, and the
 * box's own number to read out to the call centre, large and read aloud digit by digit.
 */
export class UnregisteredPage extends Page {
  private _code = '';

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

  get announce(): string {
    return joinSentences([
      UNREGISTERED_TITLE,
      BODY,
      `お電話番号は、${readDigitsAloud(SUPPORT_PHONE)}です`,
      `受付は、${SUPPORT_HOURS}です`,
      `この機械の番号は、${readDigitsAloud(groupDigits(this._code))}です`,
      '登録が終わったら、テレビの電源を入れ直してください',
    ]);
  }

  /** 決定 reads it all again: a resident writing the numbers down needs them more than once. */
  override _handleEnter(): boolean {
    announce(this.announce);
    return true;
  }
}
