import { Lightning } from '@lightningjs/sdk';
import { textConfig } from '../lib/text.js';
import { COLOUR, FONT_SIZE, SAFE, SCREEN } from '../theme.js';

export interface FullScreenMessageSpec {
  title: string;
  body?: string;
  /** What to press, e.g. "決定ボタンを押してください". */
  hint?: string;
}

/** A message that fills the screen: reminders, "お元気ですか？", the unregistered-box notice. */
export class FullScreenMessage extends Lightning.Component {
  private _spec: FullScreenMessageSpec = { title: '' };

  static override _template(): Lightning.Component.Template {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      rect: true,
      color: COLOUR.overlayDim,
      Title: { x: SAFE.x + 48, y: SAFE.y + 96 },
      Body: { x: SAFE.x + 48, y: SAFE.y + 300 },
      Hint: { x: SAFE.x + 48, y: SAFE.y + SAFE.h - 120 },
    };
  }

  set message(spec: FullScreenMessageSpec) {
    this._spec = spec;
    const wrapWidth = SAFE.w - 96;
    this.patch({
      Title: { text: textConfig(spec.title, { size: FONT_SIZE.hero, wrapWidth, maxLines: 2 }) },
      Body: { text: textConfig(spec.body ?? '', { size: FONT_SIZE.body, wrapWidth, maxLines: 6 }) },
      Hint: {
        text: textConfig(spec.hint ?? '', { size: FONT_SIZE.body, colour: COLOUR.focusOutline, wrapWidth }),
      },
    });
  }

  get message(): FullScreenMessageSpec {
    return this._spec;
  }

  get announce(): string {
    return [this._spec.title, this._spec.body, this._spec.hint].filter(Boolean).join('。');
  }
}
