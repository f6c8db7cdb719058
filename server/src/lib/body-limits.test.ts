import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../../test/helpers/context';
import { bodyLimitFor } from './body-limits';

let ctx: TestContext;
afterEach(() => ctx?.close());

const KiB = 1024;

/** A body sent in chunks without Content-Length, as a client streaming an upload would. */
function streamedBody(totalBytes: number, chunkBytes = 16 * KiB) {
  let sent = 0;
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const n = Math.min(chunkBytes, totalBytes - sent);
      sent += n;
      pulled++;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  return { stream, sentBytes: () => sent, chunks: () => pulled };
}

describe('request body limits', () => {
  it('gives each kind of route a limit that fits it', async () => {
    expect(await bodyLimitFor('POST', '/api/watch/activity')).toBeLessThan(
      await bodyLimitFor('POST', '/api/shop/orders'),
    );
    expect(await bodyLimitFor('POST', '/console/login')).toBeLessThan(
      await bodyLimitFor('POST', '/console/shop/orders'),
    );
    expect(await bodyLimitFor('POST', '/console/billing/results')).toBeGreaterThan(10 * 1024 * KiB);
    expect(await bodyLimitFor('POST', '/console/billing/results', () => false)).toBe(
      await bodyLimitFor('POST', '/console/shop/orders'),
    );
    expect(await bodyLimitFor('POST', '/p/watch/ack/x')).toBeLessThan(
      await bodyLimitFor('POST', '/api/shop/orders'),
    );
    expect(await bodyLimitFor('POST', '/demo')).toBeLessThanOrEqual(KiB);
  });

  it('answers an oversized JSON body with 413 payload_too_large from Content-Length, and writes nothing', async () => {
    ctx = await createTestContext();
    const before = tableCounts(ctx);
    const body = JSON.stringify({
      idempotencyKey: 'too-big-order-0001',
      lines: [{ productId: 1, qty: 1 }],
      padding: 'x'.repeat(100 * KiB),
    });
    const res = await ctx.request('/api/shop/orders', {
      method: 'POST',
      headers: {
        ...ctx.device(1),
        'content-type': 'application/json',
        'content-length': String(body.length),
      },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'payload_too_large', message: '送信されたデータが大きすぎます（上限 64 KiB）' },
    });
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses a heartbeat far smaller than an order, but takes a normal one', async () => {
    ctx = await createTestContext();
    const big = await ctx.json(
      'POST',
      '/api/watch/activity',
      { kind: 'heartbeat', pad: 'x'.repeat(20 * KiB) },
      ctx.device(1),
    );
    expect(big.status).toBe(413);
    const ok = await ctx.json('POST', '/api/watch/activity', { kind: 'heartbeat' }, ctx.device(1));
    expect(ok.status).toBe(200);
  });

  it('stops reading a streamed (chunked) body as soon as it passes the limit', async () => {
    ctx = await createTestContext();
    const body = streamedBody(50 * 1024 * KiB);
    const res = await ctx.request('/api/watch/activity', {
      method: 'POST',
      headers: { ...ctx.device(1), 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    // 16 KiB limit, 16 KiB chunks: the second chunk crossed it; the stream's pull-ahead may add one.
    expect(body.sentBytes()).toBeLessThanOrEqual(4 * 16 * KiB);
  });

  it('answers an oversized login form with an HTML error page, not a session', async () => {
    ctx = await createTestContext();
    const before = tableCounts(ctx);
    const res = await ctx.request('/console/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        origin: 'http://localhost',
      },
      body: new URLSearchParams({ loginId: 'admin', password: 'x'.repeat(300 * KiB) }).toString(),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('送信されたデータが大きすぎます（上限 4 KiB）');
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses a large post to a family page, even with a bogus token', async () => {
    ctx = await createTestContext();
    const res = await ctx.request('/p/watch/ack/bogus', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ action: 'x'.repeat(100 * KiB) }).toString(),
    });
    expect(res.status).toBe(413);
  });

  it('lets a bank result file far above the form limit reach the importer', async () => {
    ctx = await createTestContext();
    const staff = await ctx.login('admin');
    const form = new FormData();
    form.set('file', new File([new Uint8Array(2 * 1024 * KiB).fill(0x20)], 'result.txt'));
    const res = await ctx.request('/console/billing/results', {
      method: 'POST',
      headers: { ...staff, accept: 'text/html' },
      body: form,
    });
    // Not a Zengin file: the importer refuses it, which proves the body got past the size limit.
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });

  it('keeps the large upload limit from anyone not signed in', async () => {
    ctx = await createTestContext();
    const form = new FormData();
    form.set('file', new File([new Uint8Array(2 * 1024 * KiB).fill(0x20)], 'result.txt'));
    const res = await ctx.request('/console/billing/results', {
      method: 'POST',
      headers: { origin: 'http://localhost', accept: 'text/html' },
      body: form,
    });
    expect(res.status).toBe(413);
  });
});
