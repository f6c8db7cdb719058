/**
 * TV app timings in headless Debian Chromium against the real server:
 *   first frame with text (cold load), arrow key → next drawn frame, Enter → next page's text drawn,
 * each at normal speed and with the CPU throttled (a slower box), plus the bundle size.
 *
 *   npm run build:tv:test && npx tsx scripts/bench-tv.ts [--runs 10] [--throttle 6]
 *
 * Headless WebGL is software rendering here and the machine is shared: compare figures from the
 * same run, not across machines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { demoBoxToken } from '../db/src/seed/demo.js';
import {
  hook,
  launchBrowser,
  newTvPage,
  press,
  waitForReady,
  waitForRoute,
} from '../test/helpers/browser.js';
import { startTestServer } from '../test/helpers/server.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    throttle: { type: 'string', default: '6' },
  },
});
const RUNS = Number(values.runs);
const THROTTLE = Number(values.throttle);
const KEYS_PER_RUN = 4;
const DIST = join(process.cwd(), 'tv-app/dist-test');

interface Series {
  firstText: number[];
  keyFrame: number[];
  enterPage: number[];
  fontBytes: number[];
  fontFiles: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function lastKeyTiming(page: Page, field: 'toFrameMs' | 'toPageReadyMs'): Promise<number> {
  await page.waitForFunction(
    `window.__engawa.lastKey && window.__engawa.lastKey.${field} !== undefined`,
    undefined,
    {
      timeout: 30_000,
    },
  );
  return hook<number>(page, `h.lastKey.${field}`);
}

async function oneRun(browser: Browser, baseUrl: string, throttle: number, series: Series): Promise<void> {
  const { context, page } = await newTvPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const fonts: number[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/fonts/'))
        res.body().then(
          (b) => fonts.push(b.length),
          () => undefined,
        );
    });

    await page.goto(`${baseUrl}/?token=${demoBoxToken(1)}`);
    await page.waitForFunction(
      'window.__engawa && window.__engawa.firstTextFrameMs !== undefined',
      undefined,
      {
        timeout: 60_000,
      },
    );
    series.firstText.push(await hook<number>(page, 'h.firstTextFrameMs'));
    await waitForRoute(page, 'home');
    // Let the greeting (from /api/tv/me) arrive so it does not land inside a key measurement.
    await sleep(500);
    await waitForReady(page);
    series.fontBytes.push(fonts.reduce((a, b) => a + b, 0));
    series.fontFiles.push(fonts.length);

    for (let i = 0; i < KEYS_PER_RUN; i++) {
      await press(page, i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      series.keyFrame.push(await lastKeyTiming(page, 'toFrameMs'));
      await sleep(300); // focus animation ends before the next key
    }

    await press(page, 'Enter');
    series.enterPage.push(await lastKeyTiming(page, 'toPageReadyMs'));
    await waitForRoute(page, 'shop');
  } finally {
    await context.close();
  }
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
  return `median ${q(0.5).toFixed(0)} ms, p90 ${q(0.9).toFixed(0)} ms, min ${s[0]!.toFixed(0)}, max ${s.at(-1)!.toFixed(0)} (n=${s.length})`;
}

function bundleReport(): string[] {
  const lines: string[] = [];
  const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  for (const f of assets) {
    const buf = readFileSync(join(DIST, 'assets', f));
    lines.push(
      `  assets/${f}: ${(buf.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(buf).length / 1024).toFixed(1)} KB`,
    );
  }
  const html = readFileSync(join(DIST, 'index.html'));
  lines.push(
    `  index.html (inline @font-face): ${(html.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(html).length / 1024).toFixed(1)} KB`,
  );
  const fonts = readdirSync(join(DIST, 'fonts'));
  const fontBytes = fonts.reduce((a, f) => a + statSync(join(DIST, 'fonts', f)).size, 0);
  lines.push(`  fonts/: ${fonts.length} woff2 slices, ${(fontBytes / 1024 / 1024).toFixed(2)} MB on disk`);
  return lines;
}

async function main() {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    console.log(`engawa TV bench — ${RUNS} cold loads per series, headless Chromium ${browser.version()}`);
    console.log('(2 shared cores, software WebGL: figures are noisy; compare within one run)\n');
    for (const throttle of [1, THROTTLE]) {
      const series: Series = { firstText: [], keyFrame: [], enterPage: [], fontBytes: [], fontFiles: [] };
      const warmUp: Series = { firstText: [], keyFrame: [], enterPage: [], fontBytes: [], fontFiles: [] };
      await oneRun(browser, server.baseUrl, throttle, warmUp);
      for (let i = 0; i < RUNS; i++) await oneRun(browser, server.baseUrl, throttle, series);
      console.log(throttle === 1 ? 'normal CPU' : `CPU throttled ${throttle}×`);
      console.log(`  first frame with text:        ${stats(series.firstText)}`);
      console.log(`  arrow key → next drawn frame: ${stats(series.keyFrame)}`);
      console.log(`  Enter → next page text drawn: ${stats(series.enterPage)}`);
      const kb = series.fontBytes.reduce((a, b) => a + b, 0) / series.fontBytes.length / 1024;
      console.log(
        `  fonts fetched per cold load:  ${Math.max(...series.fontFiles)} files, ${kb.toFixed(0)} KB\n`,
      );
    }
    console.log('bundle (tv-app/dist-test, with the test hook):');
    for (const line of bundleReport()) console.log(line);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
