import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { navigateTv, openTv, press, spoken, waitForRoute, type SpokenUtterance } from '../helpers/browser.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

// Tue 24 Nov 2026 09:00 in Tokyo: before the cut-off on a delivery day. Speech "lasts" 60 ms a
// character, near a slow reading voice, so anything cut off by the next announcement shows.
useTvSuite({ now: '2026-11-24T00:00:00Z', speechMsPerChar: 60 }, (s) => ({ server, page } = s));

const describeAll = (all: SpokenUtterance[]) =>
  all
    .map(
      (u) =>
        `${u.text} [${u.endedAt ? 'read' : u.cancelledAt ? `cut ${Math.round(u.cancelledAt - (u.startedAt ?? u.cancelledAt))} ms` : 'reading'}]`,
    )
    .join('\n');

/** Waits until an utterance matching `match` has been read to the end; fails if one was cut. */
async function heardInFull(match: (text: string) => boolean): Promise<string> {
  await expect
    .poll(async () => (await spoken(page)).some((u) => match(u.text) && u.endedAt !== undefined), {
      timeout: 20_000,
      message: 'read to the end',
    })
    .toBe(true);
  const all = await spoken(page);
  const cut = all.filter((u) => match(u.text) && u.cancelledAt !== undefined);
  expect(cut, describeAll(all)).toEqual([]);
  return all.find((u) => match(u.text))!.text;
}

describe('read-aloud on the TV', () => {
  it('reads the greeting, the shop instructions, the cart summary, the order summary and a cancellation to the end', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    expect(await heardInFull((t) => t.includes('さん、'))).toContain('山田 花子さん、');
    // The focused tile comes after the greeting, not instead of it.
    await heardInFull((t) => t.startsWith('お買い物。'));

    await press(page, 'Enter');
    await waitForRoute(page, 'shop');
    // Moving at once does not cut the instructions; the last focus is read after them.
    await press(page, 'ArrowRight');
    await heardInFull((t) => t.startsWith('お買い物。矢印で売り場を選んで'));

    await press(page, 'Blue');
    await waitForRoute(page, 'shop/list/favourites/0');
    await press(page, 'Enter'); // たまご 10個 ×1
    await press(page, 'Yellow');
    await waitForRoute(page, 'shop/cart');
    await heardInFull((t) => t === 'カート、1点、258円');

    await press(page, 'Enter'); // 注文する: the summary, read to the end
    await heardInFull((t) => t.startsWith('ご注文の確認。たまご 10個、1点、258円。合計、1点、258円。'));
    await press(page, 'Enter'); // この内容で注文する
    await page.waitForFunction(
      "(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('注文を受け付けました'))",
    );
    await press(page, 'Enter');
    await waitForRoute(page, 'shop/orders');
    await press(page, 'Red');
    await page.waitForFunction(
      "(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('この注文を取り消しますか'))",
    );
    await press(page, 'Enter');
    // The list reloads and focus moves right after the toast: the toast is still read in full.
    await heardInFull((t) => t === '注文を取り消しました');
  });

  it('reads 留守を登録しました to the end though the list reloads and moves focus after it', async () => {
    await openTv(page, server.baseUrl, demoBoxToken(1));
    await waitForRoute(page, 'home');
    await navigateTv(page, 'notices');
    await page.waitForFunction(
      "(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('留守にします'))",
    );
    await press(page, 'Enter'); // 留守にします
    await page.waitForFunction(
      "(window.__engawa?.visibleTexts ?? []).some((t) => t.includes('明日 帰ります'))",
    );
    await press(page, 'Enter');
    await heardInFull((t) => t === '留守を登録しました。お気をつけて。');
    // After it, the resident hears where focus is again.
    const all = await spoken(page);
    const i = all.findIndex((u) => u.text === '留守を登録しました。お気をつけて。');
    await expect
      .poll(async () => (await spoken(page)).slice(i + 1).some((u) => u.endedAt !== undefined), {
        timeout: 10_000,
        message: describeAll(await spoken(page)),
      })
      .toBe(true);
  });
});
