import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts, type TestContext } from '../helpers/context';

/**
 * Every route in the OpenAPI document gets malformed input, authenticated both as a set-top box
 * and as an admin so the request reaches validation: never a 5xx, and a refused request writes
 * nothing.
 */
interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}

let ctx: TestContext;
let ops: Operation[] = [];
let auth: Record<string, string>;

beforeAll(async () => {
  ctx = createTestContext();
  const doc = (await (await ctx.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: Boolean(op.requestBody),
    })),
  );
  const admin = await ctx.login('admin');
  auth = { ...ctx.device(1), ...admin };
});
afterAll(() => ctx?.close());

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
  'ã€€',
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
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
  });
  expect(res.status, `${method} ${url} ${String(body).slice(0, 80)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(tableCounts(ctx), `${method} ${url} wrote despite ${res.status}`).toEqual(before);
    if (method !== 'HEAD' && (res.headers.get('content-type') ?? '').includes('json')) {
      const json = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      expect(typeof json.error?.code).toBe('string');
      expect(typeof json.error?.message).toBe('string');
    }
  }
}

describe('fuzz: malformed input to every API route', () => {
  it('finds the routes', () => {
    expect(ops.length).toBeGreaterThan(2);
  });

  it('never answers 5xx to malformed bodies or path parameters, and writes nothing when refusing', async () => {
    for (const op of ops) {
      const path = fillPath(op.path, '1');
      if (op.hasBody) {
        for (const raw of malformedRaw) await check(op.method, path, raw);
        await check(op.method, path, 'loginId=x', 'application/x-www-form-urlencoded');
        await fc.assert(
          fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
            await check(op.method, path, JSON.stringify(value));
          }),
          { numRuns: 25, seed: 42 },
        );
      }
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constant('-1')),
          async (param) => {
            if (!op.path.includes('{')) return;
            await check(op.method, fillPath(op.path, param), op.hasBody ? '{}' : undefined);
          },
        ),
        { numRuns: 15, seed: 7 },
      );
    }
  });
});
