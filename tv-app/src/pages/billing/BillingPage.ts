import type { Lightning } from '@lightningjs/sdk';
import { getCurrentBilling } from '../../api/billing.js';
import { textConfig } from '../../lib/text.js';
import { announce } from '../../speech/announcer.js';
import { COLOUR, FONT_SIZE, SAFE } from '../../theme.js';
import { showError } from '../../ui.js';
import { Page } from '../Page.js';
import { billingText, PLANNED_HEADING, PLANNED_NOTE } from './billingText.js';

const COLUMN_GAP = 80;
const COLUMN_W = (SAFE.w - COLUMN_GAP) / 2;
const PLANNED_LINE_H = Math.round(FONT_SIZE.small * 1.45);

/**
 * ご利用料金: this month's total to be debited with the cable bill, when and why, what is booked but
 * not charged yet, and a plain notice after a failed debit.
 */
export class BillingPage extends Page {
  private _announce = 'ご利用料金';

  static override _template(): Lightning.Component.Template {
    const dim = { size: FONT_SIZE.small, colour: COLOUR.textDim };
    return {
      x: SAFE.x,
      y: SAFE.y,
      Notice: {
        y: 0,
        text: textConfig('', {
          size: FONT_SIZE.small,
          colour: COLOUR.focusOutline,
          wrapWidth: SAFE.w,
          maxLines: 2,
        }),
      },
      Title: {
        y: 140,
        text: textConfig('ご利用料金', { size: FONT_SIZE.title, wrapWidth: SAFE.w, maxLines: 1 }),
      },
      Total: { y: 240, text: textConfig('', { size: FONT_SIZE.hero, wrapWidth: SAFE.w, maxLines: 1 }) },
      // Why and when, right under the amount it explains.
      Reason: { y: 380, text: textConfig('', { size: FONT_SIZE.small, wrapWidth: SAFE.w, maxLines: 2 }) },
      Lines: {
        y: 520,
        text: textConfig('', { size: FONT_SIZE.small, wrapWidth: COLUMN_W, maxLines: 5 }),
      },
      // Booked, not charged: beside the charges, never added to the total above.
      Planned: {
        x: COLUMN_W + COLUMN_GAP,
        y: 520,
        PlannedTitle: {
          text: textConfig('', { ...dim, colour: COLOUR.text, wrapWidth: COLUMN_W, maxLines: 1 }),
        },
        PlannedLines: { y: 70, text: textConfig('', { ...dim, wrapWidth: COLUMN_W, maxLines: 2 }) },
        PlannedNote: { y: 200, text: textConfig('', { ...dim, wrapWidth: COLUMN_W, maxLines: 2 }) },
      },
      Last: {
        y: SAFE.h - 150,
        text: textConfig('', { ...dim, wrapWidth: SAFE.w, maxLines: 1 }),
      },
      Hint: {
        y: SAFE.h - 80,
        text: textConfig('「戻る」で前の画面に戻ります。', { ...dim, wrapWidth: SAFE.w, maxLines: 1 }),
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
          Reason: { text: { text: t.reason } },
          Lines: { text: { text: t.lines.join('\n') } },
          Planned: {
            PlannedTitle: { text: { text: t.planned.length ? PLANNED_HEADING : '' } },
            PlannedLines: { text: { text: t.planned.join('\n') } },
            // Right under however many planned lines there are.
            PlannedNote: {
              y: 90 + t.planned.length * PLANNED_LINE_H,
              text: { text: t.planned.length ? PLANNED_NOTE : '' },
            },
          },
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
