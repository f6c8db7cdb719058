import { Router, type Lightning } from '@lightningjs/sdk';
import { keyGuard } from './lib/keyGuard.js';
import { countVisibleText } from './lib/textReady.js';
import { focusedBox, textBoxes, type Box, type TextBox } from './lib/textBoxes.js';
import type { FullScreenMessageSpec } from './components/FullScreenMessage.js';
import { lastAnnouncement } from './speech/announcer.js';
import { showOverlay } from './ui.js';
import type { OverlayAnswer } from './widgets/Overlay.js';

/**
 * Read-only state for browser tests and benchmarks (`window.__engawa`). Mirrors what a resident sees
 * and hears; nothing here changes the app.
 */
export interface EngawaTestHook {
  /** Active route hash, e.g. "home". */
  readonly route: string | undefined;
  isNavigating(): boolean;
  /** Refs (or class names) from the App down to the focused component. */
  readonly focusPath: string[];
  /** What the focused item says: its announce text, else its label. */
  readonly focusedLabel: string | undefined;
  /** Key presses the app received that map to a remote key. */
  readonly keysHandled: number;
  readonly lastAnnounced: string;
  /** Every visible label has its text texture drawn, and no navigation is under way. */
  readonly ready: boolean;
  /** ms from navigation start to the first drawn frame with every visible label loaded. */
  readonly firstTextFrameMs: number | undefined;
  /** For the last key: ms to the next drawn frame and, if it changed page, to that page's text frame. */
  readonly lastKey: { key: number; toFrameMs?: number; toPageReadyMs?: number } | undefined;
  readonly framesDrawn: number;
  /** Every visible label's text, in screen-tree order (what the resident can read). */
  readonly visibleTexts: string[];
  /** Keys the key guard refused (held-key repeats, presses right after a screen change). */
  readonly keysIgnored: number;
  /** Whether a key pressed now would act (no quiet period after a screen change is running). */
  readonly keyGuardOpen: boolean;
  /** Every visible label's drawn box and its container's box (the overflow test). */
  readonly textBoxes: TextBox[];
  /** The focused card, button or tile on screen, growth included (outline drawn inside it). */
  readonly focusedBox: Box | null;
  /** Test affordance: shows a message in the global overlay; resolves with the closing key. */
  showOverlay(spec: FullScreenMessageSpec): Promise<OverlayAnswer>;
}

declare global {
  interface Window {
    __engawa?: EngawaTestHook;
  }
}

interface Described {
  ref?: string;
  constructor: { name: string };
  announce?: unknown;
  label?: unknown;
}

export function installTestHook(app: Lightning.Application, keyMap: Record<number, string>): EngawaTestHook {
  const stage = app.stage;
  let keysHandled = 0;
  let framesDrawn = 0;
  let firstTextFrameMs: number | undefined;
  let lastKey:
    | { key: number; at: number; hash: string | undefined; toFrameMs?: number; toPageReadyMs?: number }
    | undefined;

  const textReady = () => {
    const count = countVisibleText(stage.root);
    return count.total > 0 && count.pending === 0 && !Router.isNavigating();
  };

  // Registered after Lightning's own listener, so the key has been handled when this runs.
  window.addEventListener('keydown', (e) => {
    if (!(e.keyCode in keyMap)) return;
    keysHandled++;
    lastKey = { key: e.keyCode, at: e.timeStamp, hash: Router.getActiveHash() };
  });

  // Lightning's renderFrame returns whether anything was drawn; idle frames are not frames.
  const stageWithRender = stage as unknown as { renderFrame(): boolean };
  const renderFrame = stageWithRender.renderFrame.bind(stage);
  stageWithRender.renderFrame = () => {
    const drawn = renderFrame();
    if (!drawn) return drawn;
    framesDrawn++;
    const now = performance.now();
    if (firstTextFrameMs === undefined && textReady()) firstTextFrameMs = now;
    if (lastKey) {
      lastKey.toFrameMs ??= now - lastKey.at;
      if (lastKey.toPageReadyMs === undefined && Router.getActiveHash() !== lastKey.hash && textReady()) {
        lastKey.toPageReadyMs = now - lastKey.at;
      }
    }
    return drawn;
  };

  const focusPath = (): Described[] => (app.focusPath ?? []).slice(1) as unknown as Described[];

  const hook: EngawaTestHook = {
    get route() {
      return Router.getActiveHash();
    },
    isNavigating: () => Router.isNavigating(),
    get focusPath() {
      return focusPath().map((c) => c.ref ?? c.constructor.name);
    },
    get focusedLabel() {
      for (const c of focusPath().reverse()) {
        const value = typeof c.announce === 'function' ? (c.announce as () => unknown).call(c) : c.announce;
        if (typeof value === 'string' && value) return value;
        if (typeof c.label === 'string' && c.label) return c.label;
      }
      return undefined;
    },
    get keysHandled() {
      return keysHandled;
    },
    get lastAnnounced() {
      return lastAnnouncement();
    },
    get ready() {
      return textReady();
    },
    get firstTextFrameMs() {
      return firstTextFrameMs;
    },
    get lastKey() {
      return (
        lastKey && { key: lastKey.key, toFrameMs: lastKey.toFrameMs, toPageReadyMs: lastKey.toPageReadyMs }
      );
    },
    get framesDrawn() {
      return framesDrawn;
    },
    get visibleTexts() {
      return countVisibleText(stage.root).texts;
    },
    get keysIgnored() {
      return keyGuard.ignored;
    },
    get keyGuardOpen() {
      return keyGuard.isOpen(performance.now());
    },
    get textBoxes() {
      return textBoxes(stage.root);
    },
    get focusedBox() {
      return focusedBox(app.focusPath ?? []);
    },
    showOverlay,
  };
  window.__engawa = hook;
  return hook;
}
