import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts } from '../helpers/context';

/**
 * Every date a route or form takes is a day on the calendar: 2026-02-30 is refused with 400 and
 * writes nothing, wherever it is sent. The API routes are found in the OpenAPI document, so a new
 * route with a date is covered without listing it here.
 */
const ctx = await createTestContext();
const doc = ctx.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'dates', version: '0' } });

let auth: Record<string, string>;
beforeAll(async () => {
  auth = { ...ctx.device(1), ...(await ctx.login('admin')) };
});
afterAll(() => ctx.close());

/** Looks like YYYY-MM-DD but is not a day: no 30th of February, no 31st of April, no month 13. */
const impossibleDate = fc.oneof(
  fc.constantFrom('2026-02-29', '2026-02-30', '2027-02-29', '2100-02-29', '2026-04-31', '2026-11-31'),
  fc
    .record({
      y: fc.integer({ min: 2000, max: 2099 }),
      m: fc.integer({ min: 0, max: 99 }),
      d: fc.integer({ min: 0, max: 99 }),
    })
    .filter(({ y, m, d }) => m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate())
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
};
const deref = (s: Schema): Schema =>
  s.$ref ? ((doc.components?.schemas as Record<string, Schema>)[s.$ref.split('/').pop()!] ?? s) : s;
const isDate = (s: Schema): boolean => {
  const d = deref(s);
  return d.format === 'date' || [...(d.anyOf ?? []), ...(d.oneOf ?? [])].some(isDate);
};
/** Every string schema with a pattern, anywhere in `s`. */
const patterns = (s: Schema, at: string): { at: string; pattern: string }[] => {
  const d = deref(s);
  return [
    ...(d.pattern ? [{ at, pattern: d.pattern }] : []),
    ...Object.entries(d.properties ?? {}).flatMap(([k, v]) => patterns(v, `${at}.${k}`)),
    ...(d.items ? patterns(d.items, `${at}[]`) : []),
    ...[...(d.anyOf ?? []), ...(d.oneOf ?? []), ...(d.allOf ?? [])].flatMap((x) => patterns(x, at)),
  ];
};

interface DatePlace {
  method: string;
  path: string;
  in: 'path' | 'query' | 'body';
  /** Field path as the validation error names it, e.g. `closedDates.0`. */
  field: string;
  /** The body to send with the date at `field`. */
  body?: (date: string) => unknown;
}

type Op = {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};
const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
  (['get', 'post', 'put', 'patch', 'delete'] as const)
    .filter((m) => item?.[m])
    .map((m) => ({ method: m.toUpperCase(), path, op: item![m] as Op })),
);

/** Date fields of a JSON body, one level of nesting and arrays deep (what the routes use). */
function bodyDates(s: Schema, prefix: string[] = []): { field: string; body: (d: string) => unknown }[] {
  const d = deref(s);
  return Object.entries(d.properties ?? {}).flatMap(([k, v]) => {
    const dv = deref(v);
    const wrap = (inner: unknown) =>
      prefix.reduceRight<unknown>((acc, key) => ({ [key]: acc }), { [k]: inner });
    const here = [...prefix, k].join('.');
    if (isDate(dv)) return [{ field: here, body: (date: string) => wrap(date) }];
    if (dv.items && isDate(dv.items)) return [{ field: `${here}.0`, body: (date: string) => wrap([date]) }];
    if (dv.properties) return bodyDates(dv, [...prefix, k]);
    return [];
  });
}

const places: DatePlace[] = ops.flatMap(({ method, path, op }) => [
  ...(op.parameters ?? [])
    .filter((p) => (p.in === 'path' || p.in === 'query') && isDate(p.schema))
    .map((p) => ({ method, path, in: p.in as 'path' | 'query', field: p.name })),
  ...bodyDates(op.requestBody?.content?.['application/json']?.schema ?? {}).map((b) => ({
    method,
    path,
    in: 'body' as const,
    ...b,
  })),
]);

function urlFor(place: DatePlace, date: string): string {
  const path = place.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name === place.field && place.in === 'path' ? date : '1',
  );
  if (place.in !== 'query') return path;
  const extra = place.path === '/api/shop/staff/sales' ? '&period=day' : '';
  return `${path}?${place.field}=${date}${extra}`;
}

async function send(place: DatePlace, date: string) {
  return ctx.request(urlFor(place, date), {
    method: place.method,
    headers: { ...auth, ...(place.body ? { 'content-type': 'application/json' } : {}) },
    body: place.body ? JSON.stringify(place.body(date)) : undefined,
  });
}

const namesField = (message: string, field: string) => new RegExp(`(^|[ ;:])${field}: `).test(message);

describe('calendar dates on every API route that takes one', () => {
  it('finds the date parameters and fields', () => {
    const found = places.map((p) => `${p.method} ${p.path} ${p.in}:${p.field}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'GET /api/shop/staff/sales query:key',
        'GET /api/drone/days/{date}/board path:date',
        'POST /api/drone/drones/{id}/inspections body:date',
        'POST /api/watch/away body:returnDate',
      ]),
    );
  });

  it('takes dates only through the shared calendar-date schema, never a hand-written pattern', () => {
    const sample = '2026-02-30';
    const handWritten = ops.flatMap(({ method, path, op }) => [
      ...(op.parameters ?? []).flatMap((p) => patterns(p.schema, `${method} ${path} ${p.name}`)),
      ...patterns(op.requestBody?.content?.['application/json']?.schema ?? {}, `${method} ${path} body`),
    ]);
    expect(handWritten.filter((h) => new RegExp(h.pattern).test(sample))).toEqual([]);
  });

  it.each(places.map((p) => [`${p.method} ${p.path} ${p.in}:${p.field}`, p] as const))(
    '%s: refuses an impossible date with 400, writes nothing, and accepts a real one',
    async (_label, place) => {
      const real = await send(place, '2026-11-30');
      if (real.status === 400) {
        const { error } = (await real.json()) as { error: { message: string } };
        expect(namesField(error.message, place.field), error.message).toBe(false);
      }
      await fc.assert(
        fc.asyncProperty(impossibleDate, async (date) => {
          const before = tableCounts(ctx);
          const res = await send(place, date);
          expect(res.status, date).toBe(400);
          const { error } = (await res.json()) as { error: { code: string; message: string } };
          expect(error.code).toBe('invalid_request');
          expect(namesField(error.message, place.field), `${date}: ${error.message}`).toBe(true);
          expect(tableCounts(ctx)).toEqual(before);
        }),
        { numRuns: 12, seed: 2026 },
      );
    },
  );
});

describe('calendar dates on every console page and form that takes one', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const shopSettings = (closedDates: string) =>
    form({
      cutoff: '11:00',
      weekday: '2',
      closedDates,
      openDates: '',
      maxOrderWeightG: '10000',
      maxLinesPerOrder: '20',
    });
  const cases: [string, (d: string) => string, ((d: string) => string)?][] = [
    ['GET', (d) => `/console/shop/picking?date=${d}`],
    ['GET', (d) => `/console/shop/picking.csv?date=${d}`],
    ['GET', (d) => `/console/shop/hall?date=${d}`],
    ['GET', (d) => `/console/shop/sales?period=day&key=${d}`],
    ['POST', () => '/console/shop/settings', shopSettings],
    ['GET', (d) => `/console/taxi/city?date=${d}`],
    ['GET', (d) => `/console/drone?date=${d}`],
    ['GET', (d) => `/console/drone/inspection?date=${d}`],
    ['POST', (d) => `/console/drone/days/${d}/plan`],
    ['POST', (d) => `/console/drone/days/${d}/weather`, () => form({ windMs: '3', rain: 'no' })],
    ['POST', () => '/console/drone/maintenance', (d) => form({ date: d, kind: 'x', note: 'x' })],
    [
      'POST',
      () => '/console/watch/residents/1/away',
      (d) => form({ fromDate: d, fromTime: '09:00', untilDate: d, untilTime: '18:00' }),
    ],
    [
      'POST',
      () => '/console/watch/residents/1/reminders',
      (d) => form({ text: '薬', recurrence: 'daily', time: '08:00', startDate: d }),
    ],
  ];

  it.each(cases.map(([method, url, body]) => [`${method} ${url('…')}`, method, url, body] as const))(
    '%s refuses an impossible date with 400 and writes nothing',
    async (_label, method, url, body) => {
      await fc.assert(
        fc.asyncProperty(impossibleDate, async (date) => {
          const before = tableCounts(ctx);
          const res = await ctx.request(url(date), {
            method,
            headers: {
              ...auth,
              accept: 'text/html',
              ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
            },
            body: body ? body(date) : undefined,
          });
          expect(res.status, date).toBe(400);
          expect(res.headers.get('content-type')).toMatch(/text\/html/);
          expect(tableCounts(ctx)).toEqual(before);
        }),
        { numRuns: 6, seed: 2026 },
      );
    },
  );
});
