import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { requireStaff } from '../auth/staff-auth';
import { staffScope } from '../auth/scope';
import { badRequest } from '../lib/errors';
import type { AppEnv } from '../lib/router';
import { getDriverVehicleId } from '../taxi/assign-driver-vehicle';
import { isLiveTopic, type DeliveredEvent, type LiveTopic } from './hub';
import { hubOf } from './publish';

/** Proxies and idle timeouts close a silent connection; a comment line every 20 s keeps it open. */
export const HEARTBEAT_MS = 20_000;

const clientJs = readFileSync(new URL('./live-client.js', import.meta.url), 'utf8');

export const liveConsole = new Hono<AppEnv>();

// The board script: a file from our origin, as the Content-Security-Policy wants.
liveConsole.get('/client.js', (c) => {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(clientJs);
});

/**
 * `GET /console/live?topics=taxi,watch`: Server-Sent Events for the signed-in staff member. Each
 * event is `{id, type, topic, hamletId, data}`; only events the member's role and scope allow are
 * sent. A reconnecting EventSource sends Last-Event-ID and gets what it missed from the buffer.
 */
liveConsole.get('/', requireStaff(), async (c) => {
  const raw = (c.req.query('topics') ?? '').split(',').filter(Boolean);
  if (raw.length === 0 || !raw.every(isLiveTopic))
    throw badRequest('invalid_topics', `topics must be a comma list of taxi, drone, watch`);
  const staff = c.var.staff;
  const deps = c.var.deps;
  const who = {
    role: staff.role,
    scope: staffScope(staff),
    topics: new Set(raw as LiveTopic[]),
    vehicleId: staff.role === 'driver' ? await getDriverVehicleId(deps.db, staff.id) : null,
  };
  const lastId = Number(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? NaN);
  const hub = hubOf(deps);
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const send = (e: DeliveredEvent) =>
      void stream
        .writeSSE({
          id: String(e.id),
          data: JSON.stringify({ type: e.type, topic: e.topic, hamletId: e.hamletId, data: e.data ?? {} }),
        })
        .catch(() => undefined);
    let closed!: () => void;
    const done = new Promise<void>((resolve) => (closed = resolve));
    const unsubscribe = hub.subscribe({ ...who, deliver: send });
    stream.onAbort(() => {
      unsubscribe();
      closed();
    });
    // retry: how soon EventSource reconnects after a drop (ms)
    await stream.write('retry: 2000\n: connected\n\n');
    if (Number.isInteger(lastId)) for (const e of hub.since(lastId, who)) send(e);
    while (!stream.aborted) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise((r) => (timer = setTimeout(r, HEARTBEAT_MS)))]);
      clearTimeout(timer);
      if (!stream.aborted) await stream.write(': heartbeat\n\n');
    }
    unsubscribe();
  });
});
