import { Launch, TextTokenizer } from './lightning.js';
import { startActivityReporter } from './activity/reportActivity.js';
import { configureApi, createApiClient } from './api/client.js';
import { postActivity } from './api/watch.js';
import { App } from './App.js';
import { startNoticePolling } from './pages/notices/pollNotices.js';
import { startTaxiStatusPolling } from './pages/taxi/pollTaxiStatus.js';
import { KEY_MAP } from './keys.js';
import { readDeviceToken } from './lib/deviceToken.js';
import { tokenizeJapanese } from './lib/tokenizeJapanese.js';
import { warmFonts } from './lib/warmFonts.js';
import { hasDeviceToken, setDeviceToken } from './session.js';
import { setSpeaker } from './speech/announcer.js';
import { createWebSpeechSpeaker } from './speech/speaker.js';
import { countVisibleText } from './lib/textReady.js';
import { installTestHook } from './testHook.js';

/** True only in `vite build --mode test` (browser tests, bench:tv): production bundles drop the hook. */
declare const __ENGAWA_TEST_HOOK__: boolean;

const { token, cleanedUrl } = readDeviceToken(window.location.href, window.localStorage);
if (cleanedUrl) window.history.replaceState(null, '', cleanedUrl);
setDeviceToken(token);
configureApi(createApiClient({ token }));

TextTokenizer.setCustomTokenizer(tokenizeJapanese, true);
setSpeaker(createWebSpeechSpeaker());

// The SDK deep-merges these over its defaults, so a partial object is what it expects.
const appSettings = { stage: { w: 1920, h: 1080, clearColor: 0xff101418 }, keys: KEY_MAP };
const app = Launch(App, appSettings as unknown as Parameters<typeof Launch>[1], {
  showFps: false,
  inspector: false,
});
const canvas = app.stage.getCanvas();
document.body.appendChild(canvas);

if (__ENGAWA_TEST_HOOK__) installTestHook(app, KEY_MAP);

// Reminders and the "お元気ですか？" check appear over any page, so polling starts with the app.
startNoticePolling();

// 「タクシーが向かっています」 also appears over any page; browser tests shorten its poll (test builds only).
if (hasDeviceToken())
  startTaxiStatusPolling({
    storage: window.localStorage,
    intervalMs: __ENGAWA_TEST_HOOK__
      ? Number(window.localStorage.getItem('engawa.test.taxiPollMs')) || undefined
      : undefined,
  });

// Only after the first screen's text is drawn, so the warm-up never competes with it on a slow box.
const firstScreenDrawn = () => {
  const text = countVisibleText(app.stage.root);
  return text.total > 0 && text.pending === 0;
};
const warmAfter = performance.now() + 20_000;
const waitForFirstScreen = window.setInterval(() => {
  if (!firstScreenDrawn() && performance.now() < warmAfter) return;
  window.clearInterval(waitForFirstScreen);
  window.setTimeout(() => void warmFonts(), 300);
}, 200);

if (hasDeviceToken()) {
  const reporter = startActivityReporter({
    send: (kind, at) => postActivity(kind, at),
    now: () => performance.now(),
    wallNow: () => Date.now(),
    storage: window.localStorage,
  });
  window.addEventListener('keydown', () => reporter.keyPressed());
  window.addEventListener('pagehide', () => reporter.stop());
}
