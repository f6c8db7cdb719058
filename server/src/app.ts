import { withSqlite } from '../../db/src';
import { existsSync } from 'node:fs';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { consoleCore } from './console/routes';
import { consoleAssets } from './console/assets';
import { mapAssets, tileOrigin } from './map/assets';
import { addHome, addNav } from './console/nav';
import { demoPage } from './demo/routes';
import type { Deps } from './deps';
import { features, type Feature } from './features';
import { AppError } from './lib/errors';
import type { AppEnv } from './lib/router';
import { referencePage } from './openapi/reference';
import { ErrorLayout } from './console/error-page';
import { sameOriginWrites } from './console/same-origin';
import { limitRequestBodies } from './lib/body-limits';
import { logRequests } from './lib/request-log';
import { describeIssues } from './console/form';

/**
 * One place turns every error into a response: AppError → its 4xx, bad JSON or an unhandled zod
 * parse → 400, the rest → 500.
 */
const onError: ErrorHandler<AppEnv> = (err, c) => {
  const wantsHtml = !c.req.path.startsWith('/api') && (c.req.header('accept') ?? '').includes('text/html');
  let status: number;
  let code: string;
  let message: string;
  if (err instanceof AppError) {
    ({ status, code, message } = err);
  } else if (err instanceof ZodError) {
    // A business function's own parse of input the edge did not check: the caller's fault, not ours.
    status = 400;
    code = 'invalid_request';
    message = `入力を確認してください。${describeIssues(err)}`;
  } else if (err instanceof HTTPException && err.status < 500) {
    status = err.status;
    code = status === 400 ? 'invalid_json' : 'bad_request';
    message = status === 400 ? `Malformed request: ${err.message}` : err.message;
  } else {
    c.var.deps?.logger.error({ err, path: c.req.path }, 'unhandled error');
    status = 500;
    code = 'internal';
    message = 'Internal error';
  }
  if (wantsHtml) return c.html(ErrorLayout({ status, message }), status as 400);
  return c.json({ error: { code, message } }, status as 400);
};

/** What the server itself renders or answers; everything else is the TV app's static files. */
const SERVER_PATHS = /^\/(api|console|p|demo)(\/|$)/;

/**
 * Content-Security-Policy of the server's own pages and answers. Scripts only from our origin:
 * the API reference's inline script carries the per-request nonce, and the billing pages' print
 * buttons (`onclick="window.print()"`) are allowed by their hash alone. Inline styles stay allowed:
 * the server-rendered pages use `style` attributes, and a style cannot run code.
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", NONCE, "'unsafe-hashes'", "'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The TV app's policy differs in one directive: Lightning 2 compiles component templates and state
 * routers with `new Function`, so its page needs 'unsafe-eval' (still no inline or foreign script).
 * Its index.html carries the @font-face rules inline (style-src 'unsafe-inline'), and Lightning
 * decodes images in a blob: worker.
 */
const TV_CSP = { ...CSP, scriptSrc: ["'self'", "'unsafe-eval'"] };

// `same-origin`, not hono's default `no-referrer`: under no-referrer Chromium sends `Origin: null`
// on form posts, and the console's origin check needs the real one.
const tvHeaders = secureHeaders({ contentSecurityPolicy: TV_CSP, referrerPolicy: 'same-origin' });

function mount(app: OpenAPIHono<AppEnv>, f: Feature) {
  if (f.api) app.route(`/api/${f.name}`, f.api);
  if (f.console) app.route(`/console/${f.name}`, f.console);
  if (f.pages) app.route(`/p/${f.name}`, f.pages);
  if (f.nav) addNav(...f.nav);
  if (f.home) addHome(f.home);
}

export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(onError);
  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );

  app.use('*', async function provideDeps(c, next) {
    c.set('deps', deps);
    await next();
  });
  app.use('*', logRequests());
  // With MAP_TILE_URL the console's maps load their tiles from that server, and only from it.
  const tiles = tileOrigin(deps.config.MAP_TILE_URL);
  const serverHeaders = secureHeaders({
    contentSecurityPolicy: tiles ? { ...CSP, imgSrc: [...CSP.imgSrc, tiles] } : CSP,
    referrerPolicy: 'same-origin',
  });
  app.use('*', (c, next) => (SERVER_PATHS.test(c.req.path) ? serverHeaders : tvHeaders)(c, next));
  app.use('*', async function noStoreForPrivateAnswers(c, next) {
    await next();
    // Console pages, API answers and family pages are per person; only the TV app's files are shared.
    if (SERVER_PATHS.test(c.req.path) && !c.res.headers.has('cache-control'))
      c.header('Cache-Control', 'no-store');
  });
  app.use('/console/*', sameOriginWrites());
  app.use('*', limitRequestBodies());

  app.get('/healthz', async (c) => {
    await withSqlite(deps.db, (sqlite) => sqlite.prepare('SELECT 1').get());
    return c.json({ status: 'ok', time: deps.clock.now().toISOString() });
  });

  app.route('/console/assets', consoleAssets);
  app.route('/console/map', mapAssets);
  app.route('/console', consoleCore);
  for (const f of features) mount(app, f);

  app.openAPIRegistry.registerComponent('securitySchemes', 'deviceToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'Per-device token of a set-top box',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'engawa_session',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'engawa API', version: '0.1.0', description: 'TV app and staff API of engawa' },
  });
  app.get('/api/docs', (c) => c.html(referencePage(c.get('secureHeadersNonce') ?? '')));

  if (deps.config.SEED_DEMO) app.route('/demo', demoPage);

  if (existsSync(deps.config.TV_APP_DIR)) {
    app.use('/*', serveStatic({ root: deps.config.TV_APP_DIR }));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
