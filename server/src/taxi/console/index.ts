import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { AppEnv } from '../../lib/router';
import { callPages } from './calls';
import { cityPages } from './city';
import { driverPages } from './driver';

/** The taxi's console: the driver's tablet, the city's board and the call centre's page. */
export const taxiConsole = new Hono<AppEnv>();

const driverJs = readFileSync(new URL('../driver-client.js', import.meta.url), 'utf8');
// The tablet's script, from our origin (the Content-Security-Policy allows no inline script).
taxiConsole.get('/driver.js', (c) => {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(driverJs);
});

taxiConsole.route('/', driverPages);
taxiConsole.route('/', cityPages);
taxiConsole.route('/', callPages);
