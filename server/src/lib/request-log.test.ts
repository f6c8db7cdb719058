import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';

let ctx: TestContext;
afterEach(() => ctx?.close());

/** A real pino logger whose JSON lines are kept for the test to read. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of String(chunk).split('\n'))
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** pino writes asynchronously to a stream; let the sink catch up. */
const flushed = () => new Promise((r) => setImmediate(r));

describe('request log', () => {
  it('counts successful heartbeats in one line per minute, but logs each failed one and every other request', async () => {
    const { logger, lines } = capturedLogger();
    ctx = await createTestContext({ now: '2026-11-23T00:00:10Z', logger });
    const beat = (n: number) => ctx.json('POST', '/api/watch/activity', { kind: 'heartbeat' }, ctx.device(n));
    for (const n of [1, 2, 3, 1, 2]) expect((await beat(n)).status).toBe(200);
    expect((await ctx.json('POST', '/api/watch/activity', { kind: 'heartbeat' })).status).toBe(401);
    expect((await ctx.request('/healthz')).status).toBe(200);
    await flushed();
    const requestLines = () => lines.filter((l) => l.msg === 'request');
    expect(requestLines().map((l) => [l.path, l.status])).toEqual([
      ['/api/watch/activity', 401],
      ['/healthz', 200],
    ]);
    expect(lines.filter((l) => l.msg === 'requests aggregated')).toEqual([]);

    // The first heartbeat of the next minute writes the last minute's tally.
    ctx.clock.set('2026-11-23T00:01:05Z');
    expect((await beat(1)).status).toBe(200);
    await flushed();
    expect(lines.filter((l) => l.msg === 'requests aggregated')).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/watch/activity',
        status: '2xx',
        minute: '2026-11-23T00:00:00.000Z',
        count: 5,
      }),
    ]);
    expect(requestLines()).toHaveLength(2);
  });
});
