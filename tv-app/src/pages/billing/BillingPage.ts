import type { Lightning } from '@lightningjs/sdk';
import { getCurrentBilling } from '../../api/billing.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError } from '../../ui.js';
import { Page } from '../Page.js';
import { billingText } from './billingText.js';

/** ご利用料金: this month's running total on the cable bill, and a plain notice after a failed debit. */
export class BillingPage extends Page {
  private _announce = 'ご利用料金';

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y,
      Notice: {
        y: 0,
        text: textConfig('', {
          size: FONT_SIZE.small,
          colour: COLOUR.focusOutline,
          wrapWidth: SAFE.w,
          maxLines: 3,
        }),
      },
      Title: {
        y: 200,
        text: textConfig('ご利用料金', { size: FONT_SIZE.title, wrapWidth: SAFE.w, maxLines: 1 }),
      },
      Total: { y: 310, text: textConfig('', { size: FONT_SIZE.hero }) },
      Lines: { y: 450, text: textConfig('', { size: FONT_SIZE.body, wrapWidth: SAFE.w, maxLines: 5 }) },
      Last: {
        y: SAFE.h - 220,
        text: textConfig('', {
          size: FONT_SIZE.small,
          colour: COLOUR.textDim,
          wrapWidth: SAFE.w,
          maxLines: 1,
        }),
      },
      Hint: {
        y: SAFE.h - 120,
        text: textConfig(
          'ケーブルテレビの料金と一緒に、口座から引き落とします。「戻る」で前の画面に戻ります。',
          {
            size: FONT_SIZE.small,
            colour: COLOUR.textDim,
            wrapWidth: SAFE.w,
            maxLines: 2,
          },
        ),
      },
    };
  }

  override _onMounted(): void {
    this._load();
  }

  override _onChanged(): void {
    this._load();
  }

  private _load(): void {
    getCurrentBilling()
      .then((b) => {
        const t = billingText(b);
        this.patch({
          Notice: { text: { text: t.notice } },
          Title: { text: { text: t.title } },
          Total: { text: { text: t.total } },
          Lines: { text: { text: t.lines.join('\n') } },
          Last: { text: { text: t.last } },
        });
        this._announce = t.announce;
        announce(t.announce);
      })
      .catch(showError);
  }

  get announce(): string {
    return this._announce;
  }
}
