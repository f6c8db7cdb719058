/**
 * Real Debian Chromium driven by playwright-core, for the TV app and the staff console.
 * Install the browser with `npm run install:chromium`; build the TV app with its test hook: `npm run build:tv:test`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'];
export const ARTIFACTS_DIR = join(process.cwd(), 'test-artifacts');
export const VIEWPORT = { width: 1920, height: 1080 };

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_PATHS].find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(`Chromium not found in ${CHROMIUM_PATHS.join(', ')}: run npm run install:chromium`);
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Shape of `window.__engawa` (tv-app/src/testHook.ts); restated because tests do not compile the app. */
export interface EngawaHook {
  route: string | undefined;
  isNavigating(): boolean;
  focusPath: string[];
  focusedLabel: string | undefined;
  keysHandled: number;
  lastAnnounced: string;
  ready: boolean;
  firstTextFrameMs: number | undefined;
  lastKey: { key: number; toFrameMs?: number; toPageReadyMs?: number } | undefined;
  framesDrawn: number;
  visibleTexts: string[];
  keysIgnored: number;
  keyGuardOpen: boolean;
  textBoxes: TextBox[];
  focusedBox: Box | null;
}

/** tv-app/src/lib/textBoxes.ts, restated for the same reason. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface TextBox {
  text: string;
  box: Box;
  container: Box;
  path: string;
  alpha: number;
  lines: number;
  layer: 'Overlay' | 'Toast' | 'Page';
}

/** What the page asked the speech engine to say, in order, and what became of it. */
export interface SpokenUtterance {
  text: string;
  lang: string;
  rate: number;
  /** performance.now() when reading began (undefined while it waits in the engine's queue). */
  startedAt?: number;
  /** When it had been read to the end. */
  endedAt?: number;
  /** When `cancel()` cut it off (or dropped it unread). */
  cancelledAt?: number;
}

/**
 * Headless Chromium has no voices, and speak() fails there. This replaces speechSynthesis with a
 * recorder that behaves like an engine: utterances queue, each "lasts" `msPerChar` per character,
 * then fires `end`; `cancel()` cuts the current one and drops the queue, firing `error`. Tests
 * assert what a resident would hear, and whether it was heard to the end.
 */
function speechRecorder(msPerChar: number) {
  type Utt = {
    text: string;
    lang: string;
    rate: number;
    onend?: ((e: unknown) => void) | null;
    onerror?: ((e: unknown) => void) | null;
  };
  const spoken: SpokenUtterance[] = [];
  const queue: Array<{ u: Utt; rec: SpokenUtterance }> = [];
  let current: { u: Utt; rec: SpokenUtterance; timer: ReturnType<typeof setTimeout> } | undefined;
  const g = globalThis as unknown as Record<string, unknown>;
  g.__spoken = spoken;
  const next = () => {
    if (current) return;
    const item = queue.shift();
    if (!item) return;
    item.rec.startedAt = performance.now();
    const timer = setTimeout(
      () => {
        current = undefined;
        item.rec.endedAt = performance.now();
        item.u.onend?.({ type: 'end' });
        next();
      },
      Math.max(1, item.u.text.length * msPerChar),
    );
    current = { ...item, timer };
  };
  const recorder = {
    get speaking() {
      return !!current;
    },
    get pending() {
      return queue.length > 0;
    },
    paused: false,
    onvoiceschanged: null,
    speak(u: Utt) {
      const rec: SpokenUtterance = { text: u.text, lang: u.lang, rate: u.rate };
      spoken.push(rec);
      queue.push({ u, rec });
      next();
    },
    cancel() {
      const cut = [...(current ? [current] : []), ...queue.splice(0)];
      if (current) clearTimeout(current.timer);
      current = undefined;
      const at = performance.now();
      for (const { u, rec } of cut) {
        rec.cancelledAt = at;
        // Chromium reports a cancelled utterance asynchronously, as an error.
        setTimeout(() => u.onerror?.({ type: 'error', error: 'interrupted' }), 0);
      }
    },
    pause() {},
    resume() {},
    getVoices() {
      return [];
    },
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent() {
      return true;
    },
  };
  Object.defineProperty(globalThis, 'speechSynthesis', { value: recorder, configurable: true });
}

/** How long the recorder reads a character: short by default, so the queue never slows a test. */
export const DEFAULT_SPEECH_MS_PER_CHAR = 5;

export async function newTvPage(
  browser: Browser,
  opts: { speechMsPerChar?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: waitForFunction evaluates its predicate with eval, which the app's CSP forbids;
  // test/browser/content-security-policy.test.ts checks the app under the real CSP.
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    bypassCSP: true,
  });
  await context.addInitScript(speechRecorder, opts.speechMsPerChar ?? DEFAULT_SPEECH_MS_PER_CHAR);
  const page = await context.newPage();
  recordProblems(page);
  return { context, page };
}

const hookExpr = (body: string) => `(() => { const h = window.__engawa; return ${body}; })()`;

export function hook<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(hookExpr(body)) as Promise<T>;
}

const problems = new WeakMap<Page, string[]>();

/** Failed requests and page errors, reported with a timeout (e.g. a 404 for the app's bundle). */
function recordProblems(page: Page): void {
  const list: string[] = [];
  problems.set(page, list);
  const add = (p: string) => list.length < 20 && list.push(p);
  page.on('pageerror', (e) => add(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => add(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/api/')) add(`${r.status()}: ${r.url()}`);
  });
}

/** What the app shows now, for timeout messages: a bare "Timeout exceeded" says nothing. */
async function describeState(page: Page): Promise<string> {
  try {
    const state = await page.evaluate(
      hookExpr(
        'h ? { route: h.route, navigating: h.isNavigating(), ready: h.ready, focusPath: h.focusPath, texts: h.visibleTexts } : "no window.__engawa (app not loaded?)"',
      ),
    );
    const seen = problems.get(page)?.length ? ` problems: ${problems.get(page)!.join('; ')}` : '';
    return `${page.url()} ${JSON.stringify(state)}${seen}`;
  } catch (e) {
    return `${page.url()} (state unavailable: ${String(e)})`;
  }
}

async function waitForApp(page: Page, expression: string, what: string, timeout: number): Promise<void> {
  try {
    await page.waitForFunction(expression, undefined, { timeout, polling: 'raf' });
  } catch (e) {
    throw new Error(
      `TV app: timed out after ${timeout} ms waiting for ${what}; now ${await describeState(page)}`,
      {
        cause: e,
      },
    );
  }
}

/** Waits until the app has drawn every visible label and is not navigating. */
export async function waitForReady(page: Page, timeout = 30_000): Promise<void> {
  await waitForApp(page, hookExpr('!!h && h.ready'), 'all text drawn', timeout);
}

/**
 * Opens the app as a provisioned box would (`/?token=`), or unprovisioned when token is null,
 * and waits for its first complete screen.
 */
export async function openTv(page: Page, baseUrl: string, token: string | null): Promise<void> {
  const url = token === null ? `${baseUrl}/` : `${baseUrl}/?token=${encodeURIComponent(token)}`;
  if (token === null) {
    // A fresh context has empty storage; this also clears a token left by an earlier openTv.
    await page.goto(`${baseUrl}/`);
    await page.evaluate('localStorage.clear()');
  }
  await page.goto(url);
  await waitForReady(page);
}

export type TvKey =
  | 'ArrowLeft'
  | 'ArrowRight'
  | 'ArrowUp'
  | 'ArrowDown'
  | 'Enter'
  | 'Backspace'
  | 'Escape'
  | 'Red'
  | 'Green'
  | 'Yellow'
  | 'Blue'
  | 'F1'
  | 'F2'
  | 'F3'
  | 'F4'
  | `Digit${number}`;

/** HbbTV/OIPF codes the box's remote sends. */
export const COLOUR_KEY_CODES = { Red: 403, Green: 404, Yellow: 405, Blue: 406 } as const;

/**
 * Colour keys have no DOM key name Playwright knows, so they go straight through CDP with the
 * box's key code.
 */
export async function pressColourKey(page: Page, colour: keyof typeof COLOUR_KEY_CODES): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const code = COLOUR_KEY_CODES[colour];
  for (const type of ['rawKeyDown', 'keyUp'] as const) {
    await cdp.send('Input.dispatchKeyEvent', {
      type,
      windowsVirtualKeyCode: code,
      nativeVirtualKeyCode: code,
      key: colour,
      code: colour,
    });
  }
  await cdp.detach();
}

/**
 * Waits until a key pressed now would act: after a screen change the app ignores keys until they
 * have been quiet for a moment (tv-app/src/lib/keyGuard.ts), as a resident's next deliberate press
 * would come. A build without the guard reports undefined and does not wait.
 */
export async function waitForKeyGuard(page: Page): Promise<void> {
  await page.waitForFunction(hookExpr('h.keyGuardOpen !== false'), undefined, {
    timeout: 10_000,
    polling: 'raf',
  });
}

/**
 * Presses a remote key `times` times and waits until the app has counted each press, so the next
 * assertion sees the result and not a race. Each press waits for the key guard's quiet moment.
 */
export async function press(page: Page, key: TvKey, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    await waitForKeyGuard(page);
    const before = await hook<number>(page, 'h.keysHandled');
    if (key in COLOUR_KEY_CODES) await pressColourKey(page, key as keyof typeof COLOUR_KEY_CODES);
    else await page.keyboard.press(key);
    await page.waitForFunction(hookExpr(`h.keysHandled > ${before}`), undefined, { timeout: 10_000 });
  }
}

/** Waits until `route` is the active page, navigation has finished and its text is drawn. */
export async function waitForRoute(page: Page, route: string, timeout = 30_000): Promise<void> {
  const expression = hookExpr(`!!h && h.route === ${JSON.stringify(route)} && !h.isNavigating() && h.ready`);
  await waitForApp(page, expression, `route "${route}" drawn`, timeout);
}

/** Jumps straight to a route (as a deep link would) and waits until its page is drawn. */
export async function navigateTv(page: Page, route: string, timeout = 30_000): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(`#${route}`)}`);
  await waitForRoute(page, route, timeout);
}

export function focusedLabel(page: Page): Promise<string | undefined> {
  return hook<string | undefined>(page, 'h.focusedLabel');
}

/** The text a resident can read on screen now (canvas labels, in tree order). */
export function visibleTexts(page: Page): Promise<string[]> {
  return hook<string[]>(page, 'h.visibleTexts');
}

export function spoken(page: Page): Promise<SpokenUtterance[]> {
  return page.evaluate('window.__spoken ?? []') as Promise<SpokenUtterance[]>;
}

/** Saves a PNG under test-artifacts/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  // A screenshot is evidence, not the behaviour under test: on a loaded 2-core machine capturing a
  // long page can take longer than Playwright's 30 s default, so give it room.
  await page.screenshot({ path, timeout: 120_000 });
  return path;
}

/** Every visible label's drawn box and its container's box (see tv-app/src/lib/textBoxes.ts). */
export function textBoxes(page: Page): Promise<TextBox[]> {
  return hook<TextBox[]>(page, 'h.textBoxes');
}

/** The focused card, button or tile on screen, its growth included. */
export function focusedBox(page: Page): Promise<Box | null> {
  return hook<Box | null>(page, 'h.focusedBox');
}
