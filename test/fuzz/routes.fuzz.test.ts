import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimitFor } from '../../server/src/lib/body-limits';
import { createTestContext, tableCounts } from '../helpers/context';

/**
 * Every route in the OpenAPI document gets malformed input and a body one byte over its limit, authenticated both as a set-top box
 * and as an admin so the request reaches validation: never a 5xx, and a refused request writes
 * nothing. One test per route, so a slow machine only stretches each one.
 */
const ctx = await createTestContext();
const doc = ctx.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'fuzz', version: '0' } });
const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
  (['get', 'post', 'put', 'patch', 'delete'] as const)
    .filter((m) => item?.[m])
    .map((m) => ({ method: m.toUpperCase(), path, hasBody: Boolean(item![m]!.requestBody) })),
);

let auth: Record<string, string>;
beforeAll(async () => {
  auth = { ...ctx.device(1), ...(await ctx.login('admin')) };
});
afterAll(() => ctx.close());

const fillPath = (path: string, value: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(value));

const malformedRaw = [
  '{',
  '{"a":',
  'null',
  '[]',
  '"text"',
  '12',
  '{"__proto__":{"x":1}}',
  '\u0000',
  '{"a":1}}',
];

async function check(
  method: string,
  url: string,
  body: string | undefined,
  contentType = 'application/json',
) {
  const before = tableCounts(ctx);
  const res = await ctx.request(url, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: method === 'GET' ? undefined : body,
  });
  expect(res.status, `${method} ${url} ${String(body).slice(0, 80)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(tableCounts(ctx), `${method} ${url} wrote despite ${res.status}`).toEqual(before);
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      const json = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      expect(typeof json.error?.code).toBe('string');
      expect(typeof json.error?.message).toBe('string');
    }
  }
}

describe('fuzz: malformed input to every API route', () => {
  it('finds the routes', () => {
    expect(ops.length).toBeGreaterThan(20);
  });

  it.each(ops)('$method $path: no 5xx, 413 over its body limit, nothing written when refused', async (op) => {
    const path = fillPath(op.path, '1');
    if (op.hasBody) {
      for (const raw of malformedRaw) await check(op.method, path, raw);
      await check(op.method, path, 'loginId=x', 'application/x-www-form-urlencoded');
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
          await check(op.method, path, JSON.stringify(value));
        }),
        { numRuns: 20, seed: 42 },
      );
    }
    if (op.method !== 'GET') {
      const before = tableCounts(ctx);
      const oversized = JSON.stringify({ pad: 'x'.repeat(await bodyLimitFor(op.method, path)) });
      const res = await ctx.request(path, {
        method: op.method,
        headers: { ...auth, 'content-type': 'application/json', 'content-length': String(oversized.length) },
        body: oversized,
      });
      expect(res.status, `${op.method} ${path} with ${oversized.length} bytes`).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
      expect(tableCounts(ctx)).toEqual(before);
    }
    if (op.path.includes('{')) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constant('-1')),
          async (param) => {
            await check(op.method, fillPath(op.path, param), op.hasBody ? '{}' : undefined);
          },
        ),
        { numRuns: 10, seed: 7 },
      );
    } else if (!op.hasBody) {
      await check(op.method, path, undefined);
    }
  });
});
