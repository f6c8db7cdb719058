import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  focusedLabel,
  hook,
  launchBrowser,
  newTvPage,
  openTv,
  press,
  screenshot,
  spoken,
  visibleTexts,
  waitForRoute,
} from '../helpers/browser.js';

// Until the real test server serves the app, a tiny static server with a stub /api/tv/me stands in.
const DIST = join(process.cwd(), 'tv-app/dist');
const TOKEN = 'demo-box-token';
const BUSY_TOKEN = 'busy-server-token';
const BUSY_MESSAGE = 'ただいま混み合っています。しばらくしてからお試しください。';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.woff2': 'font/woff2' };

let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/api/tv/me') {
      res.setHeader('Content-Type', 'application/json');
      if (req.headers.authorization === `Bearer ${BUSY_TOKEN}`) {
        res.statusCode = 503;
        return res.end(JSON.stringify({ error: { code: 'busy', message: BUSY_MESSAGE } }));
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ error: { code: 'unauthorized', message: '登録されていません' } }));
      }
      return res.end(
        JSON.stringify({
          household: { id: 'h1', name: '山田家' },
          residents: [{ id: 'r1', name: '山田 花子', kana: 'やまだ はなこ' }],
          hamlet: { id: 'm1', name: '長谷', hallName: '長谷公民館' },
        }),
      );
    }
    if (path.startsWith('/api/')) {
      res.statusCode = 204;
      return res.end();
    }
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    try {
      const body = await readFile(file);
      res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  ({ context, page } = await newTvPage(browser));
});

afterEach(async () => {
  await context.close();
});

describe('TV home screen', () => {
  it('moves focus between the three tiles with the arrow keys and reads each aloud in Japanese', async () => {
    await openTv(page, baseUrl, TOKEN);
    await waitForRoute(page, 'home');
    expect(await focusedLabel(page)).toContain('お買い物');

    await press(page, 'ArrowRight');
    expect(await focusedLabel(page)).toContain('タクシー');
    await press(page, 'ArrowRight');
    expect(await focusedLabel(page)).toContain('お知らせ');
    // The last tile stays focused: the row does not wrap around.
    await press(page, 'ArrowRight');
    expect(await focusedLabel(page)).toContain('お知らせ');
    await press(page, 'ArrowLeft', 2);
    expect(await focusedLabel(page)).toContain('お買い物');

    const utterances = await spoken(page);
    const texts = utterances.map((u) => u.text);
    expect(texts.some((t) => t.includes('タクシー'))).toBe(true);
    expect(texts.some((t) => t.includes('お知らせ'))).toBe(true);
    expect(utterances.every((u) => u.lang === 'ja-JP' && u.rate < 1)).toBe(true);
    expect(await hook<string>(page, 'h.lastAnnounced')).toContain('お買い物');
    await screenshot(page, 'tv-home');
  });

  it('greets the resident by name from /api/tv/me', async () => {
    await openTv(page, baseUrl, TOKEN);
    await expect.poll(() => visibleTexts(page)).toContainEqual(expect.stringMatching(/^山田 花子さん、/));
  });

  it("shows the server's Japanese message when loading fails, and the home screen still works", async () => {
    await openTv(page, baseUrl, BUSY_TOKEN);
    await expect.poll(() => visibleTexts(page)).toContain(BUSY_MESSAGE);
    expect(await hook<string>(page, 'h.lastAnnounced')).toBe(BUSY_MESSAGE);
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
  });

  it('shows a full-screen message over any page that takes OK and Back, then gives focus back', async () => {
    await openTv(page, baseUrl, TOKEN);
    await press(page, 'ArrowRight');
    const answer = page.evaluate(
      "window.__engawa.showOverlay({ title: 'お元気ですか？', hint: '決定を押してください' })",
    );
    await expect.poll(() => visibleTexts(page)).toContain('お元気ですか？');
    expect(await focusedLabel(page)).toContain('お元気ですか？');
    expect(await hook<string>(page, 'h.lastAnnounced')).toContain('決定を押してください');
    await screenshot(page, 'tv-overlay');
    // Arrows must not move the page underneath.
    await press(page, 'ArrowLeft');
    await press(page, 'Enter');
    expect(await answer).toBe('ok');
    expect(await hook<string>(page, 'h.route')).toBe('home');
    expect(await focusedLabel(page)).toContain('タクシー');

    const back = page.evaluate("window.__engawa.showOverlay({ title: 'ごみの日です' })");
    await expect.poll(() => visibleTexts(page)).toContain('ごみの日です');
    await press(page, 'Backspace');
    expect(await back).toBe('back');
    expect(await hook<string>(page, 'h.route')).toBe('home');
    expect(await visibleTexts(page)).not.toContain('ごみの日です');
  });

  it('opens the focused tile with Enter and returns home with Back', async () => {
    await openTv(page, baseUrl, TOKEN);
    await press(page, 'ArrowRight');
    await press(page, 'Enter');
    await waitForRoute(page, 'taxi');
    expect(await hook<string>(page, 'h.lastAnnounced')).toContain('準備中');
    await screenshot(page, 'tv-taxi-placeholder');

    await press(page, 'Backspace');
    await waitForRoute(page, 'home');
    expect(await focusedLabel(page)).toContain('タクシー');

    await press(page, 'ArrowRight');
    await press(page, 'Enter');
    await waitForRoute(page, 'notices');
    await press(page, 'Escape');
    await waitForRoute(page, 'home');
  });

  it('stays on the home screen when Back is pressed there', async () => {
    await openTv(page, baseUrl, TOKEN);
    await press(page, 'Backspace', 2);
    await press(page, 'Escape');
    await waitForRoute(page, 'home');
    await press(page, 'ArrowRight');
    expect(await focusedLabel(page)).toContain('タクシー');
  });

  it('opens a feature with its colour key, sent as the box remote sends it', async () => {
    await openTv(page, baseUrl, TOKEN);
    await press(page, 'Red');
    await waitForRoute(page, 'taxi');
    await press(page, 'Backspace');
    await waitForRoute(page, 'home');
    await press(page, 'Blue');
    await waitForRoute(page, 'shop');
  });

  it('takes the token from the address, keeps it, and removes it from the address', async () => {
    await openTv(page, baseUrl, TOKEN);
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate("localStorage.getItem('engawa.token')")).toBe(TOKEN);
    await page.goto(`${baseUrl}/`);
    await waitForRoute(page, 'home');
  });

  it('shows the registration screen on a box without a token', async () => {
    await openTv(page, baseUrl, null);
    await waitForRoute(page, 'unregistered');
    expect(await focusedLabel(page)).toContain('この機械はまだ登録されていません');
    expect((await spoken(page)).map((u) => u.text).join()).toContain('この機械はまだ登録されていません');
    await screenshot(page, 'tv-unregistered');
    // Remote keys cannot get past it.
    await press(page, 'Enter');
    await press(page, 'Backspace');
    await waitForRoute(page, 'unregistered');
  });

  it('shows the registration screen when the server does not know the token', async () => {
    await openTv(page, baseUrl, 'withdrawn-token');
    await waitForRoute(page, 'unregistered');
  });
});
