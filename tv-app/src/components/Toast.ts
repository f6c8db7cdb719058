import { Lightning } from '@lightningjs/sdk';
import { centredTop, fitText } from '../lib/fitText.js';
import { announce } from '../speech/announcer.js';
import { COLOUR, FONT_SIZE, SAFE } from '../theme.js';

const H = 170;

export type ToastKind = 'info' | 'error';

/**
 * A banner at the bottom of the safe area for short notices and errors (the server's Japanese
 * message is shown as is). It never takes focus, so the resident's place on screen is kept.
 */
export class Toast extends Lightning.Component {
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _message = '';

  static override _template(): Lightning.Component.Template {
    return {
      x: SAFE.x,
      y: SAFE.y + SAFE.h - H,
      w: SAFE.w,
      h: H,
      alpha: 0,
      Background: { rect: true, w: SAFE.w, h: H, color: COLOUR.info },
      Label: { x: 48 },
    };
  }

  get message(): string {
    return this._message;
  }

  show(message: string, kind: ToastKind = 'info', durationMs = 6000): void {
    this._message = message;
    // Up to three lines: the banner grows upwards for a long message (a sentence around an
    // 80-character product name keeps its end, 「…を入れました」); what still does not fit is
    // shortened on screen and read aloud in full.
    const fitted = fitText(message, {
      width: SAFE.w - 96,
      maxLines: 3,
      sizes: [FONT_SIZE.body, FONT_SIZE.small],
    });
    const h = Math.max(H, fitted.height + 40);
    this.patch({
      y: SAFE.y + SAFE.h - h,
      h,
      Background: { h, color: kind === 'error' ? COLOUR.error : COLOUR.info },
      Label: { y: centredTop(fitted, h), text: fitted.config },
    });
    this.setSmooth('alpha', 1, { duration: 0.2 });
    announce(message);
    if (this._timer) clearTimeout(this._timer);
    this._timer = setTimeout(() => this.hide(), durationMs);
  }

  hide(): void {
    if (this._timer) clearTimeout(this._timer);
    this._timer = undefined;
    this._message = '';
    this.setSmooth('alpha', 0, { duration: 0.2 });
  }
}
