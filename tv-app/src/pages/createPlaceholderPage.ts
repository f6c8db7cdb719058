import { Lightning } from '@lightningjs/sdk';
import { Page } from './Page.js';
import { textConfig } from '../lib/text.js';
import { COLOUR, FONT_SIZE, SAFE } from '../theme.js';

/**
 * A page for a feature still being built: its title, "準備中" and how to go back. Back itself is
 * handled by the App (router history), like on every page.
 */
export function createPlaceholderPage(title: string) {
  return class PlaceholderPage extends Page {
    override pageTitle = title;

    static override _template(): Lightning.Component.Template {
      return {
        x: SAFE.x,
        y: SAFE.y,
        Title: { text: textConfig(title, { size: FONT_SIZE.hero }) },
        Status: { y: 240, text: textConfig('準備中', { size: FONT_SIZE.hero, colour: COLOUR.focusOutline }) },
        Body: {
          y: 420,
          text: textConfig('このサービスは、もうすぐ使えるようになります。', {
            size: FONT_SIZE.body,
            wrapWidth: SAFE.w,
          }),
        },
        Hint: {
          y: SAFE.h - 120,
          text: textConfig('「戻る」ボタンで、はじめの画面に戻ります。', {
            size: FONT_SIZE.body,
            wrapWidth: SAFE.w,
          }),
        },
      };
    }

    get announce(): string {
      return `${title}。準備中です。戻るボタンで、はじめの画面に戻ります。`;
    }
  };
}
