import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { AppEnv } from '../../lib/router';

/** The board's own stylesheet and timer script, from our origin (the CSP allows no inline script). */
const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string) => readFileSync(join(here, name), 'utf8');
const version = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

const css = read('board.css');
const js = read('board-client.js');
export const BOARD_CSS_HREF = `/console/drone/assets/board.css?v=${version(css)}`;
export const BOARD_JS_SRC = `/console/drone/assets/board-client.js?v=${version(js)}`;

export function mountBoardAssets(app: Hono<AppEnv>): void {
  app.get('/assets/board.css', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(css);
  });
  app.get('/assets/board-client.js', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(js);
  });
}
