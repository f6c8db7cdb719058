import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tableCounts } from '../helpers/context';

/**
 * Every console form (each POST route of the Hono app under /console) gets missing and garbage
 * fields and ids that `Number()` would misread, as an admin so the request reaches its parsing:
 * the answer is a page (a 4xx, or the board again with its error), never a 5xx, and an odd id
 * names no row and writes nothing.
 */
const ctx = await createTestContext({ now: '2026-11-24T04:00:00Z' }); // Tue 13:00 Tokyo
const SKIP = new Set(['/console/logout']); // would end the session the test runs in
const forms = [
  ...new Set(
    ctx.app.routes
      .filter((r) => r.method === 'POST' && r.path.startsWith('/console/') && !SKIP.has(r.path))
      .map((r) => r.path),
  ),
];
const ODD_IDS = ['0x10', '1e3', '-1', '1.0', '01', '9'.repeat(20)];

/** Each `:name{a|b}` alternative, every date param a real date, every other param `id`. */
function fill(path: string, id: string): string[] {
  let paths = [path];
  for (const m of path.matchAll(/:(\w+)(\{([^}]+)\})?/g)) {
    const [whole, name, , alts] = m;
    const values = alts ? alts.split('|') : [name === 'date' ? '2026-11-24' : id];
    paths = paths.flatMap((p) => values.map((v) => p.replace(whole!, encodeURIComponent(v))));
  }
  return paths;
}

const garbage = new URLSearchParams({
  id: '0x10',
  reason: '',
  date: '2026-02-30',
  time: '25:99',
  qty: 'abc',
  missingQty: '-1',
  amountYen: '1e3',
  name: '\u0000',
  text: '<script>x</script>',
}).toString();
const bodies = ['', garbage];

let auth: Record<string, string>;
beforeAll(async () => {
  auth = await ctx.login('admin');
});
afterAll(() => ctx.close());

const post = (url: string, body: string) =>
  ctx.request(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...auth,
      origin: 'http://localhost',
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body,
  });

describe('console forms answer bad input with a page, never a 5xx', () => {
  it('finds the console forms', () => {
    expect(forms.length).toBeGreaterThan(20);
    expect(forms).toContain('/console/drone/flights/:id/abort');
  });

  it.each(forms)('%s: missing and garbage fields', async (path) => {
    for (const url of fill(path, '1')) {
      for (const body of bodies) {
        const res = await post(url, body);
        expect(res.status, `${url} ${body}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get('content-type'), url).toContain('text/html');
      }
    }
  });

  it.each(forms.filter((p) => /:(?!date\b)\w+(?!\{)/.test(p.replace(/:\w+\{[^}]+\}/g, ''))))(
    '%s: an id that is not canonical digits names no row and writes nothing',
    async (path) => {
      for (const id of ODD_IDS) {
        for (const url of fill(path, id)) {
          const before = tableCounts(ctx);
          const res = await post(url, garbage);
          const where = res.headers.get('location') ?? '';
          expect(
            res.status === 404 || res.status === 400 || (res.status === 303 && where.includes('error=')),
            `${url} → ${res.status} ${where}`,
          ).toBe(true);
          expect(tableCounts(ctx), url).toEqual(before);
        }
      }
    },
  );

  it('a drone abort without a reason, even of a flight that does not exist, is a 4xx page', async () => {
    for (const id of ['999999', '1']) {
      const res = await post(`/console/drone/flights/${id}/abort`, '');
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('reason');
    }
    const odd = await post('/console/drone/flights/0x10/abort', 'reason=風');
    expect(odd.status).toBe(404);
    expect(await odd.text()).toContain('<html');
  });
});
