import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../../test/helpers/context';

let ctx: TestContext;
afterEach(() => ctx?.close());

describe('app', () => {
  it('answers health checks', async () => {
    ctx = await createTestContext();
    const res = await ctx.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', time: '2026-11-23T00:00:00.000Z' });
  });

  it('serves an OpenAPI document built from the route schemas, and a reference page', async () => {
    ctx = await createTestContext();
    const doc = (await (await ctx.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tv/me', '/api/staff/audit-log']));
    const page = await ctx.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('engawa API reference');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    ctx = await createTestContext();
    const res = await ctx.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/nothing-here' },
    });
  });

  it('turns a failed query validation into a 400 naming the field, and writes nothing', async () => {
    ctx = await createTestContext();
    const cookie = await ctx.login('city');
    const before = tableCounts(ctx);
    const res = await ctx.request('/api/staff/audit-log?limit=abc', { headers: cookie });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('limit');
    expect(tableCounts(ctx)).toEqual(before);
  });
});
