import { eq } from 'drizzle-orm';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderLines, orders, products } from '../../db/src/schema/index.js';
import { demoBoxToken, DEMO_PASSWORD } from '../../db/src/seed/demo.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The store's morning on the console, as the store clerk does it: log in (lands on the picking
 * board), tick lines off without the page reloading, mark one missing, undo a mistaken tap, watch
 * the progress, see an order placed on a TV appear on the open board, and print the halls.
 */
let browser: Browser;

/** Serious and critical axe findings (WCAG 2.1 AA) of the page as it is now, filled in. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const productId = async (server: TestServer, name: string) =>
  (await server.db.select({ id: products.id }).from(products).where(eq(products.name, name)).get())!.id;

/** A TV order through the real API (which publishes it to the open boards). */
async function tvOrder(server: TestServer, box: number, lines: { productId: number; qty: number }[]) {
  const res = await fetch(`${server.baseUrl}/api/shop/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demoBoxToken(box)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ idempotencyKey: `store-test-${box}-${lines.length}`, lines }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

const progress = (page: Page) => page.locator('#pick-summary').innerText();

describe.each([
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])('store staff at $width×$height', (viewport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-11-24T00:00:00Z' }); // Tue 09:00 Tokyo
  });
  afterAll(async () => {
    await server?.close();
  });

  it('picks the day per hall without reloads, marks a line missing, undoes, follows a new order live and prints', async () => {
    const eggs = await productId(server, 'たまご 10個');
    const milk = await productId(server, '牛乳 1000ml');
    const bread = await productId(server, '食パン 6枚切');
    const a = await tvOrder(server, 1, [
      { productId: eggs, qty: 1 },
      { productId: milk, qty: 2 },
    ]);
    await tvOrder(server, 4, [{ productId: bread, qty: 1 }]);
    const size = `${viewport.width}x${viewport.height}`;
    const context = await browser.newContext({ locale: 'ja-JP', viewport });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/console`);
      await page.getByLabel('ログインID').fill('store');
      await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.waitForURL(/\/console\/shop\/picking/);
      expect(await page.locator('h1').innerText()).toContain('2026年11月24日(火)');
      expect(await page.locator('section.hall-sheet').count()).toBe(2);
      expect(await progress(page)).toContain('0/3');
      await page.waitForFunction("document.documentElement.dataset.live === 'open'");
      // A marker on the window: it survives only if the page is never reloaded.
      await page.evaluate('window.__noReload = true');
      await screenshot(page, `role-store-picking-${size}`);

      const [eggLine, milkLine] = await server.db
        .select()
        .from(orderLines)
        .where(eq(orderLines.orderId, a))
        .all();
      const row = (id: number) => page.locator(`tr[data-line="${id}"]`);
      await row(eggLine!.id).getByRole('button', { name: 'ピック済み', exact: false }).first().click();
      await expect.poll(() => row(eggLine!.id).getAttribute('class')).toBe('picked');
      expect(await progress(page)).toContain('1/3');

      await row(milkLine!.id).locator('summary', { hasText: '欠品' }).click();
      await row(milkLine!.id)
        .getByLabel(/の欠品数/)
        .fill('1');
      await row(milkLine!.id).getByRole('button', { name: '欠品として記録' }).click();
      await expect.poll(() => row(milkLine!.id).getAttribute('class')).toBe('missing');
      expect(await row(milkLine!.id).innerText()).toContain('欠品 1');
      expect(await progress(page)).toContain('2/3');
      await expect
        .poll(() => page.locator('#pick-status').innerText())
        .toContain('欠品 1 として記録しました');
      await screenshot(page, `role-store-missing-${size}`);
      expect(await seriousViolations(page)).toEqual([]);

      // The missing mark was a mistake: undo it from the toolbar.
      await page.locator('#pick-undo-button').click();
      await expect.poll(() => row(milkLine!.id).getAttribute('class')).toBe('');
      expect(await progress(page)).toContain('1/3');
      expect(
        await server.db.select().from(orderLines).where(eq(orderLines.id, milkLine!.id)).get(),
      ).toMatchObject({
        pickedAt: null,
        missingQty: 0,
      });

      // A resident orders on the TV: the open board shows it without a reload.
      const c = await tvOrder(server, 7, [{ productId: eggs, qty: 3 }]);
      await page.locator(`tr[data-order="${c}"]`).first().waitFor();
      expect(await progress(page)).toContain('1/4');
      expect(await page.evaluate('window.__noReload')).toBe(true);
      expect((await server.db.select().from(orders).where(eq(orders.id, a)).get())!.status).toBe('received');

      // Paper: one hall per sheet, tick boxes, no menu and no buttons.
      await expect.poll(() => page.locator('[data-print]').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('.pick-table .acts').first().isVisible()).toBe(false);
      expect(await page.locator('td.tick').first().isVisible()).toBe(true);
      await screenshot(page, `role-store-print-${size}`);
      await page.emulateMedia({ media: 'screen' });
      await page
        .locator('section.hall-sheet')
        .first()
        .screenshot({
          path: `test-artifacts/role-store-hall-${size}.png`,
        });
    } finally {
      await context.close();
    }
  });
});
