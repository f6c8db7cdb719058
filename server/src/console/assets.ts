import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { notFound } from '../lib/errors';
import type { AppEnv } from '../lib/router';

/**
 * The console's stylesheet and fonts, served from our origin: the CSP allows nothing else, and the
 * demo has no internet. Both are the same for every user, so unlike console pages they are cached.
 */
const here = dirname(fileURLToPath(import.meta.url));
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-jp/package.json')),
  'files',
);

/** Regular and bold are all the console draws; other weights would be synthesised from these. */
export const FONT_WEIGHTS = [400, 700] as const;
const FONT_FILE = /^noto-sans-jp-(\d+|latin|latin-ext|cyrillic|vietnamese)-(400|700)-normal\.woff2$/;

/**
 * fontsource's own @font-face rules, so every unicode-range slice (Japanese, Latin, …) comes from
 * one face and Latin text never falls back to a serif. Only woff2 is kept: every browser we support
 * reads it, and the console need not serve the woff copies.
 */
function fontFaces(): string {
  return FONT_WEIGHTS.map((w) =>
    readFileSync(join(fontDir, '..', `${w}.css`), 'utf8').replace(
      /url\(\.\/files\/([\w-]+\.woff2)\) format\('woff2'\), url\(\.\/files\/[\w-]+\.woff\) format\('woff'\)/g,
      (_m, file: string) => `url(/console/assets/fonts/${file}) format('woff2')`,
    ),
  ).join('\n');
}

const css = `${fontFaces()}\n${readFileSync(join(here, 'assets', 'console.css'), 'utf8')}`;
const cssVersion = createHash('sha256').update(css).digest('hex').slice(0, 12);

/** The stylesheet's address; its version changes with its content, so it may be cached for good. */
export const CONSOLE_CSS_HREF = `/console/assets/console.css?v=${cssVersion}`;

const FOREVER = 'public, max-age=31536000, immutable';

export const consoleAssets = new Hono<AppEnv>();

consoleAssets.get('/console.css', (c) => {
  c.header('Cache-Control', c.req.query('v') === cssVersion ? FOREVER : 'public, max-age=300');
  c.header('Content-Type', 'text/css; charset=utf-8');
  return c.body(css);
});

const autoRefresh = readFileSync(join(here, 'assets', 'auto-refresh.js'), 'utf8');
export const AUTO_REFRESH_SRC = `/console/assets/auto-refresh.js?v=${createHash('sha256').update(autoRefresh).digest('hex').slice(0, 12)}`;

consoleAssets.get('/auto-refresh.js', (c) => {
  c.header('Cache-Control', 'public, max-age=300');
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  return c.body(autoRefresh);
});

consoleAssets.get('/fonts/:file', (c) => {
  const file = c.req.param('file');
  // The pattern is the whole guard against path traversal: only fontsource's own names pass.
  if (!FONT_FILE.test(file)) throw notFound('Font');
  let data: Buffer;
  try {
    data = readFileSync(join(fontDir, file));
  } catch {
    throw notFound('Font');
  }
  c.header('Cache-Control', FOREVER);
  c.header('Content-Type', 'font/woff2');
  return c.body(new Uint8Array(data));
});
