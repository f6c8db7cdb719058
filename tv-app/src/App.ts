import { Lightning, Router } from '@lightningjs/sdk';
import type { FullScreenMessageSpec } from './components/FullScreenMessage.js';
import { Toast, type ToastKind } from './components/Toast.js';
import { KEY_MAP } from './keys.js';
import { keyGuard, keyTime, screenChanged } from './lib/keyGuard.js';
import { centreShift, textConfig } from './lib/text.js';
import { HOME_ROUTE, UNREGISTERED_ROUTE, routes } from './routes.js';
import { hasDeviceToken } from './session.js';
import { announceFocusPath } from './speech/announcer.js';
import { COLOUR, FONT_SIZE, SCREEN } from './theme.js';
import { registerUi } from './ui.js';
import { Overlay } from './widgets/Overlay.js';

export class App extends Router.App {
  static override _template(): Lightning.Component.Template {
    return {
      Background: { rect: true, w: SCREEN.w, h: SCREEN.h, color: COLOUR.background },
      Pages: { forceZIndexContext: true },
      Loading: {
        rect: true,
        w: SCREEN.w,
        h: SCREEN.h,
        color: COLOUR.background,
        visible: false,
        zIndex: 99,
        Label: {
          mount: 0.5,
          x: SCREEN.w / 2,
          y: SCREEN.h / 2 + centreShift(FONT_SIZE.title),
          text: textConfig('読み込み中です…', { size: FONT_SIZE.title }),
        },
      },
      Toast: { type: Toast, zIndex: 60 },
      Overlay: { type: Overlay },
    };
  }

  /** Whether a first page has been shown (the first page is no change of screen). */
  private _routed = false;

  private get _overlay(): Overlay {
    return this.tag('Overlay') as Overlay;
  }

  override _setup(): void {
    this._overlay.onChange = () => {
      screenChanged();
      this._refocus();
    };
    registerUi({
      showOverlay: (spec: FullScreenMessageSpec) => this._overlay.show(spec),
      showToast: (message: string, kind?: ToastKind) => (this.tag('Toast') as Toast).show(message, kind),
      withdrawOverlay: (spec: FullScreenMessageSpec) => this._overlay.withdraw(spec),
    });
    Router.startRouter(
      {
        root: () => Promise.resolve(hasDeviceToken() ? HOME_ROUTE : UNREGISTERED_ROUTE),
        routes,
        // A box without a token can only show how to get registered.
        beforeEachRoute: (from, to) => {
          // A page change, not the first page: keys from the press that caused it must not act there.
          if (from) screenChanged();
          return Promise.resolve(
            hasDeviceToken() || to.hash === UNREGISTERED_ROUTE ? true : (UNREGISTERED_ROUTE as never),
          );
        },
        // Again when the new page is shown: a slow page's load may outlast the first quiet period.
        afterEachRoute: () => {
          if (this._routed) screenChanged();
          this._routed = true;
        },
      },
      this,
    );
  }

  override _getFocused() {
    if (this._overlay.shown) return this._overlay;
    return super._getFocused();
  }

  /**
   * Every key passes here first (top-down capture): a held key's repeats and the keys right after
   * a screen change stop here, so a held or bouncing key never buys, books or cancels anything
   * (rules in lib/keyGuard.ts). Returning false lets the key go on to the pages.
   */
  override _captureKey(event: KeyboardEvent): boolean {
    const name = KEY_MAP[event.keyCode];
    if (!name) return false;
    return !keyGuard.accept({ name, repeat: event.repeat }, keyTime(event));
  }

  override _focusChange(): void {
    announceFocusPath(this.application.focusPath ?? []);
  }

  /**
   * Back with no history left. On a TV the app is the whole screen: leaving it would strand the
   * resident, so Back goes home from a deep link and does nothing on the home screen itself.
   */
  override _handleAppClose(): void {
    const hash = Router.getActiveHash();
    if (!hasDeviceToken() || hash === HOME_ROUTE || hash === UNREGISTERED_ROUTE) return;
    Router.navigate(HOME_ROUTE, false);
  }
}
