import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from '../lib/router';
import { BASE_LAYER_PATH } from './paths';

/**
 * The map's files, all from our origin (the CSP allows no other script, and the demo has no
 * internet): Leaflet itself from node_modules, our client script and label placement, and the
 * base layer — the offline sketch map, or, with MAP_TILE_URL, the raster tiles to use instead.
 */
const here = dirname(fileURLToPath(import.meta.url));
const leafletDir = join(dirname(createRequire(import.meta.url).resolve('leaflet/package.json')), 'dist');

const file = (path: string, type: string) => {
  const body = readFileSync(path, 'utf8');
  return { body, type, version: createHash('sha256').update(body).digest('hex').slice(0, 12) };
};

const FILES = {
  'leaflet.js': file(join(leafletDir, 'leaflet.js'), 'text/javascript'),
  'leaflet.css': file(join(leafletDir, 'leaflet.css'), 'text/css'),
  'map-client.js': file(join(here, 'map-client.js'), 'text/javascript'),
  'label-placement.js': file(join(here, 'label-placement.js'), 'text/javascript'),
  'map.css': file(join(here, 'map.css'), 'text/css'),
} as const;

/** The client script's address; it loads the rest itself, once per page. */
export const MAP_CLIENT_SRC = `/console/map/map-client.js?v=${FILES['map-client.js'].version}`;

export const mapAssets = new Hono<AppEnv>();

for (const [name, f] of Object.entries(FILES))
  mapAssets.get(`/${name}`, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', `${f.type}; charset=utf-8`);
    return c.body(f.body);
  });

const offlineLayer = readFileSync(BASE_LAYER_PATH, 'utf8');

/**
 * What the map draws under the features. Read per request rather than at import: the tile URL is
 * configuration, and tests start servers with and without it.
 */
mapAssets.get('/base.json', (c) => {
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = c.var.deps.config;
  c.header('Cache-Control', 'public, max-age=300');
  if (MAP_TILE_URL) return c.json({ tiles: { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } });
  c.header('Content-Type', 'application/json; charset=utf-8');
  return c.body(`{"offline":${offlineLayer.trimEnd()},"attribution":"engawa 簡易地図（手作業の略図）"}`);
});

/** The tile server's origin, which the CSP's img-src must then allow; none offline. */
export function tileOrigin(url: string | undefined): string | null {
  if (!url) return null;
  // {z}/{x}/{y} and {s} are not valid in a host only when used there; the origin is what precedes the path
  const m = /^(https?:\/\/[^/]+)/.exec(url);
  return m ? m[1]!.replace('{s}', '*') : null;
}
