import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  focusedLabel,
  hook,
  navigateTv,
  openTv,
  press,
  screenshot,
  visibleTexts,
} from '../helpers/browser.js';
import { demoBoxToken } from '../../db/src/seed/demo.js';
import { type TestServer } from '../helpers/server.js';
import { useTvSuite } from '../helpers/tv-suite.js';

let server: TestServer;
let page: Page;

useTvSuite({}, (s) => ({ server, page } = s));

beforeEach(async () => {
  await openTv(page, server.baseUrl, demoBoxToken(1));
  await navigateTv(page, 'gallery');
});

describe('shared TV components (gallery page)', () => {
  it('moves through a menu with ↑/↓, scrolling past the visible items, and selects with 決定', async () => {
    expect(await focusedLabel(page)).toBe('りんご');
    expect(await visibleTexts(page)).not.toContain('たまご 10個');
    await press(page, 'ArrowDown', 4);
    expect(await focusedLabel(page)).toBe('たまご 10個');
    // Scrolled: the last item came into view and the first left it.
    await expect.poll(() => visibleTexts(page)).toContain('たまご 10個');
    expect(await visibleTexts(page)).not.toContain('りんご');
    // The end of the list stops there.
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toBe('たまご 10個');
    await press(page, 'ArrowUp');
    expect(await hook<string>(page, 'h.lastAnnounced')).toBe('食パン');
    await press(page, 'Enter');
    await expect.poll(() => visibleTexts(page)).toContain('食パンを選びました');
  });

  it('changes a quantity with ←/→ within its bounds and reads each value', async () => {
    await press(page, 'ArrowRight');
    expect(await focusedLabel(page)).toContain('数量 1個');
    await press(page, 'ArrowRight', 6);
    expect(await hook<string>(page, 'h.lastAnnounced')).toBe('5個');
    expect(await visibleTexts(page)).toContain('5個');
    await press(page, 'ArrowLeft', 2);
    expect(await visibleTexts(page)).toContain('3個');
    await press(page, 'ArrowDown');
    expect(await focusedLabel(page)).toBe('注文する');
    await screenshot(page, 'tv-gallery');
    await press(page, 'Enter');
    await expect.poll(() => visibleTexts(page)).toContain('3個、注文しました（見本）');
  });

  it('runs colour-key shortcuts shown on the key bar in remote order', async () => {
    const texts = await visibleTexts(page);
    expect(texts.indexOf('青')).toBeLessThan(texts.indexOf('黄'));
    expect(texts).toContain('注文する');
    await press(page, 'Yellow');
    await expect.poll(() => visibleTexts(page)).toContain('やめました');
    await press(page, 'Blue');
    await expect.poll(() => visibleTexts(page)).toContain('1個、注文しました（見本）');
  });
});
