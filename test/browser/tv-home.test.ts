import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import {
  focusedLabel,
  hook,
  openTv,
  press,
  screenshot,
  spoken,
  visibleTexts,
  waitForRoute,
} from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

const TOKEN = demoBoxToken(1);

let server: TestServer;
let page: Page;

useTvSuite({}, (s) => ({ server, page } = s));

describe('TV home screen', () => {
  it('moves focus between the three tiles with the arrow keys and reads each aloud in Japanese', async () => {
    await openTv(page, server.baseUrl, TOKEN);
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

  it("greets the box's residents by name from /api/tv/me", async () => {
    const me = (await (
      await fetch(`${server.baseUrl}/api/tv/me`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json()) as { residents: Array<{ name: string }> };
    await openTv(page, server.baseUrl, TOKEN);
    const greeting = () => visibleTexts(page).then((t) => t.find((s) => s.includes('さん、')) ?? '');
    await expect.poll(greeting).toContain(`${me.residents[0]!.name}さん`);
  });

  it("shows the server's Japanese message when loading fails, and the home screen still works", async () => {
    const message = 'ただいま混み合っています。しばらくしてからお試しください。';
    await page.route('**/api/tv/me', (route) =>
      route.fulfill({ status: 503, json: { error: { code: 'busy', message } } }),
    );
    await openTv(page, server.baseUrl, TOKEN);
    await expect.poll(() => visibleTexts(page)).toContain(message);
    expect(await hook<string>(page, 'h.lastAnnounced')).toBe(message);
    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
  });

  it('shows a full-screen message over any page that takes OK and Back, then gives focus back', async () => {
    await openTv(page, server.baseUrl, TOKEN);
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
    await openTv(page, server.baseUrl, TOKEN);
    await press(page, 'ArrowRight');
    const onHome = await hook<string>(page, 'h.lastAnnounced');
    await press(page, 'Enter');
    await waitForRoute(page, 'taxi');
    // Arriving on the page is read aloud (what it says belongs to the taxi feature).
    await expect.poll(() => hook<string>(page, 'h.lastAnnounced')).not.toBe(onHome);
    await screenshot(page, 'tv-taxi');

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
    await openTv(page, server.baseUrl, TOKEN);
    await press(page, 'Backspace', 2);
    await press(page, 'Escape');
    await waitForRoute(page, 'home');
    await press(page, 'ArrowRight');
    expect(await focusedLabel(page)).toContain('タクシー');
  });

  it('goes home with Back from a page opened directly by its address', async () => {
    await openTv(page, server.baseUrl, TOKEN);
    // A fresh load, so the router has no history to step back through.
    await page.goto('about:blank');
    await page.goto(`${server.baseUrl}/#notices`);
    await waitForRoute(page, 'notices');
    await press(page, 'Backspace');
    await waitForRoute(page, 'home');
  });

  it('opens a feature with its colour key, sent as the box remote sends it', async () => {
    await openTv(page, server.baseUrl, TOKEN);
    await press(page, 'Red');
    await waitForRoute(page, 'taxi');
    await press(page, 'Backspace');
    await waitForRoute(page, 'home');
    await press(page, 'Blue');
    await waitForRoute(page, 'shop');
  });

  it('takes F1–F4 as the colour keys 青 赤 緑 黄 on a PC keyboard', async () => {
    await openTv(page, server.baseUrl, TOKEN);
    await press(page, 'F3');
    await waitForRoute(page, 'notices');
    await press(page, 'Backspace');
    await waitForRoute(page, 'home');
    await press(page, 'F2');
    await waitForRoute(page, 'taxi');
  });

  it('reports activity (never what is watched) with the box token', async () => {
    const heartbeat = page.waitForRequest((r) => r.url().endsWith('/api/watch/activity'));
    await openTv(page, server.baseUrl, TOKEN);
    const first = await heartbeat;
    expect(first.method()).toBe('POST');
    expect(first.headers().authorization).toBe(`Bearer ${TOKEN}`);
    expect(first.postDataJSON()).toEqual({ kind: 'heartbeat' });

    const keys = page.waitForRequest(
      (r) => r.url().endsWith('/api/watch/activity') && r.postDataJSON()?.kind === 'keys',
    );
    await press(page, 'ArrowRight');
    expect((await keys).postDataJSON()).toEqual({ kind: 'keys' });
  });

  it('takes the token from the address, keeps it, and removes it from the address', async () => {
    await openTv(page, server.baseUrl, TOKEN);
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate("localStorage.getItem('engawa.token')")).toBe(TOKEN);
    await page.goto(`${server.baseUrl}/`);
    await waitForRoute(page, 'home');
  });

  it('shows the registration screen on a box without a token', async () => {
    await openTv(page, server.baseUrl, null);
    await waitForRoute(page, 'unregistered');
    expect(await focusedLabel(page)).toContain('この機械はまだ登録されていません');
    expect((await spoken(page)).map((u) => u.text).join()).toContain('この機械はまだ登録されていません');
    await screenshot(page, 'tv-unregistered');
    // Remote keys cannot get past it, and no page opens by its address either.
    await press(page, 'Enter');
    await press(page, 'Backspace');
    await page.goto(`${server.baseUrl}/#shop`);
    await waitForRoute(page, 'unregistered');
  });

  it('explains a wait that times out with what the app shows instead', async () => {
    await openTv(page, server.baseUrl, TOKEN);
    await expect(waitForRoute(page, 'nowhere', 300)).rejects.toThrow(/route "nowhere".*"route":"home"/);
  });

  it('shows the registration screen when the server does not know the token', async () => {
    await openTv(page, server.baseUrl, 'withdrawn-token');
    await waitForRoute(page, 'unregistered');
  });
});
