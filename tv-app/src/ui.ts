import { ApiError, FALLBACK_ERROR_MESSAGE } from './api/client.js';
import type { FullScreenMessageSpec } from './components/FullScreenMessage.js';
import type { ToastKind } from './components/Toast.js';
import type { OverlayAnswer } from './widgets/Overlay.js';

/** What the App offers every page; set by the App when it starts. */
export interface AppUi {
  showOverlay(spec: FullScreenMessageSpec): Promise<OverlayAnswer>;
  showToast(message: string, kind?: ToastKind): void;
  /** Takes a full-screen message away unanswered (it no longer holds). */
  withdrawOverlay?(spec: FullScreenMessageSpec): void;
}

let ui: AppUi | undefined;

export function registerUi(value: AppUi): void {
  ui = value;
}

/** Full-screen message over any page; resolves with the key that closed it (決定 → 'ok', 戻る → 'back'). */
export function showOverlay(spec: FullScreenMessageSpec): Promise<OverlayAnswer> {
  if (!ui) return Promise.reject(new Error('App not started'));
  return ui.showOverlay(spec);
}

/** Closes (or unqueues) a message shown by `showOverlay` that no longer holds; it resolves 'back'. */
export function withdrawOverlay(spec: FullScreenMessageSpec): void {
  ui?.withdrawOverlay?.(spec);
}

/** Short notice or error at the bottom of the screen, read aloud. */
export function showToast(message: string, kind: ToastKind = 'info'): void {
  ui?.showToast(message, kind);
}

/** API errors carry the server's Japanese message; anything else gets a generic one. */
export function showError(error: unknown): void {
  const message = error instanceof ApiError ? error.message : FALLBACK_ERROR_MESSAGE;
  showToast(message, 'error');
}
