import { copyFileSync, mkdirSync } from 'node:fs';
import { ne } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { households } from '../../db/src/schema/index.js';
import { DEMO_PASSWORD, demoBoxToken } from '../../db/src/seed/index.js';
import { screenshot } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

/** Where the watch screens' pictures are also kept for review (besides test-artifacts/). */
export const W_SHOTS = '/work/wt/w-shots';

export async function shot(page: Page, name: string): Promise<string> {
  const path = await screenshot(page, name);
  mkdirSync(W_SHOTS, { recursive: true });
  copyFileSync(path, `${W_SHOTS}/${name}.png`);
  return path;
}

export async function loginAs(
  server: TestServer,
  browser: Browser,
  loginId: string,
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({ locale: 'ja-JP', viewport });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/console/login`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => u.pathname !== '/console/login');
  return { context, page };
}

/**
 * Nearly a day on: every household but 山田 (box 1) has just used its TV. Staff log in after this
 * (a session does not last a day); `openYamadaAlert` then lets the last minutes pass.
 */
export async function othersActiveNextDay(server: TestServer): Promise<void> {
  server.clock.advance(24 * 3_600_000 - 5 * 60_000);
  const others = await server.db
    .select({ id: households.id })
    .from(households)
    .where(ne(households.id, 1))
    .all();
  for (const h of others) {
    const res = await fetch(`${server.baseUrl}/api/watch/activity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demoBoxToken(h.id)}` },
      body: JSON.stringify({ kind: 'keys' }),
    });
    expect(res.status).toBe(200);
  }
}

/** Ten minutes later the detector runs, as its job would: 山田家 has been silent past 24 hours. */
export async function openYamadaAlert(server: TestServer): Promise<void> {
  server.clock.advance(10 * 60_000);
  await server.runJob('watch.detect');
}
