import { Lightning } from '@lightningjs/sdk';
import { fitText } from '../lib/fitText.js';
import { COLOUR, FONT_SIZE, SAFE, SCREEN } from '../theme.js';

export interface FullScreenMessageSpec {
  title: string;
  body?: string;
  /** What to press, e.g. "決定ボタンを押してください". */
  hint?: string;
}

const TOP = SAFE.y + 72;
const HINT_Y = SAFE.y + SAFE.h - 150;
const GAP = 48;

/**
 * A message that fills the screen: reminders, "お元気ですか？", the unregistered-box notice.
 * Title, body and hint stack from the top, each fitted (`fitText`): the title takes up to two
 * lines, the body what is left above the hint; what does not fit ends in 「…」 and `announce`
 * reads all of it.
 */
export class FullScreenMessage extends Lightning.Component {
  private _spec: FullScreenMessageSpec = { title: '' };

  static override _template(): Lightning.Component.Template {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      rect: true,
      color: COLOUR.overlayDim,
      Title: { x: SAFE.x + 48, y: TOP },
      Body: { x: SAFE.x + 48 },
      Hint: { x: SAFE.x + 48, y: HINT_Y },
    };
  }

  set message(spec: FullScreenMessageSpec) {
    this._spec = spec;
    const width = SAFE.w - 96;
    const title = fitText(spec.title, {
      width,
      maxLines: 2,
      sizes: [FONT_SIZE.hero, FONT_SIZE.title],
    });
    const bodyY = TOP + title.height + GAP;
    const body = fitText(spec.body ?? '', {
      width,
      height: HINT_Y - GAP - bodyY,
      maxLines: 8,
      sizes: [FONT_SIZE.body, FONT_SIZE.small],
    });
    const hint = fitText(spec.hint ?? '', {
      width,
      maxLines: 2,
      sizes: [FONT_SIZE.body, FONT_SIZE.small],
      colour: COLOUR.focusOutline,
    });
    this.patch({
      Title: { text: title.config },
      Body: { y: bodyY, text: body.config },
      Hint: { text: hint.config },
    });
  }

  get message(): FullScreenMessageSpec {
    return this._spec;
  }

  get announce(): string {
    return [this._spec.title, this._spec.body, this._spec.hint].filter(Boolean).join('。');
  }
}
