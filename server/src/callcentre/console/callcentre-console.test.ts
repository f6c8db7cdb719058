import { and, eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, places, residents, taxiBookings, watchAway } from '../../../../db/src/schema';
import { createTestContext, tableCounts, type TestContext } from '../../../../test/helpers/context';

/** Tuesday 24 November 2026, 09:30 in Tokyo: the taxi takes bookings for today. */
const TUESDAY_0930 = '2026-11-24T00:30:00Z';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: TUESDAY_0930 });
});
afterEach(() => ctx.close());

const post = (
  path: string,
  headers: Record<string, string>,
  body: Record<string, string | string[]> = {},
) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) for (const x of ([] as string[]).concat(v)) params.append(k, x);
  return ctx.request(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: params.toString(),
  });
};
/** The flash message a redirect carries (its cookie), as the next page would show it. */
const flashOf = (res: Response) => {
  const m = /engawa_flash=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  return m
    ? (JSON.parse(decodeURIComponent(decodeURIComponent(m[1]!))) as { kind: string; text: string })
    : null;
};
const hanako = async () =>
  (await ctx.db.select().from(residents).where(eq(residents.name, '山田 花子')).get())!;
const placeId = async (name: string) =>
  (await ctx.db.select().from(places).where(eq(places.name, name)).get())!.id;

describe('call centre console', () => {
  it('lands the call centre on the search and finds a resident by kana in either script and by phone', async () => {
    const cc = await ctx.login('callcentre');
    const landing = await ctx.request('/console', { headers: cc });
    expect(landing.headers.get('location')).toBe('/console/callcentre');
    const id = (await hanako()).id;
    for (const q of ['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ ﾊﾅｺ', '山田', '0265-98-2013', '０２６５９８２０１３']) {
      const html = await (
        await ctx.request(`/console/callcentre?q=${encodeURIComponent(q)}`, { headers: cc })
      ).text();
      expect(html, q).toContain(`/console/callcentre/residents/${id}`);
      expect(html, q).toContain('85歳');
    }
    const none = await (
      await ctx.request('/console/callcentre?q=%E3%82%8F%E3%82%8F%E3%82%8F', { headers: cc })
    ).text();
    expect(none).toContain('当てはまる住民はいません');
    expect(none).not.toContain('/console/callcentre/residents/');
  });

  it('refuses every other role but admin (403), and answers 404 for an unknown resident', async () => {
    for (const login of ['city', 'support', 'driver', 'store', 'drone']) {
      const h = await ctx.login(login);
      expect((await ctx.request('/console/callcentre', { headers: h })).status, login).toBe(403);
      expect(
        (await ctx.request(`/console/callcentre/residents/${(await hanako()).id}`, { headers: h })).status,
      ).toBe(403);
      const before = tableCounts(ctx);
      const res = await post(`/console/callcentre/residents/${(await hanako()).id}/away`, h, {
        residentIds: String((await hanako()).id),
        from: '2026-11-24',
        until: '2026-11-27',
      });
      expect(res.status, login).toBe(403);
      expect(tableCounts(ctx)).toEqual(before);
    }
    const admin = await ctx.login('admin');
    expect((await ctx.request('/console/callcentre?q=yamada', { headers: admin })).status).toBe(200);
    const cc = await ctx.login('callcentre');
    expect((await ctx.request('/console/callcentre/residents/999999', { headers: cc })).status).toBe(404);
    expect((await ctx.request('/console/callcentre/residents/0x1', { headers: cc })).status).toBe(404);
  });

  it('books, changes and cancels a ride from the resident page, each with a message and an audit row', async () => {
    const cc = await ctx.login('callcentre');
    const r = await hanako();
    const page = await (await ctx.request(`/console/callcentre/residents/${r.id}`, { headers: cc })).text();
    expect(page).toMatch(/電話 <strong data-phone="[^"]*">0265-98-2013<\/strong>/);
    expect(page).toContain('山田 健一（長男）');
    expect(page).toContain(`/console/shop/phone?household=${r.householdId}`);
    expect(page).toContain('data-topics="taxi,watch,shop"');

    const booked = await post(`/console/callcentre/residents/${r.id}/rides`, cc, {
      idempotencyKey: 'cc-test-000001',
      riderIds: String(r.id),
      companions: '0',
      from: 'home',
      to: String(await placeId('長谷診療所')),
      timeKind: 'arrive_by',
      time: '11:00',
    });
    expect(booked.status).toBe(303);
    expect(booked.headers.get('location')).toBe(`/console/callcentre/residents/${r.id}`);
    expect(flashOf(booked)).toMatchObject({ kind: 'notice' });
    const row = (await ctx.db
      .select()
      .from(taxiBookings)
      .where(eq(taxiBookings.householdId, r.householdId))
      .get())!;
    expect(row).toMatchObject({ channel: 'call_centre', requestedTime: '11:00', status: 'booked' });

    const changed = await post(`/console/callcentre/residents/${r.id}/rides/${row.id}/change`, cc, {
      time: '13:00',
    });
    expect(flashOf(changed)?.text).toContain('13:00');
    const live = await ctx.db
      .select()
      .from(taxiBookings)
      .where(and(eq(taxiBookings.householdId, r.householdId), eq(taxiBookings.status, 'booked')))
      .all();
    expect(live).toMatchObject([{ requestedTime: '13:00' }]);

    const cancelled = await post(`/console/callcentre/residents/${r.id}/rides/${live[0]!.id}/cancel`, cc);
    expect(flashOf(cancelled)).toEqual({ kind: 'notice', text: '予約を取り消しました' });
    expect(
      (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, live[0]!.id)).get())!.status,
    ).toBe('cancelled');
    const actions = (await ctx.db.select().from(auditLog).where(eq(auditLog.actorType, 'staff')).all()).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['taxi.booking.created', 'taxi.booking.replaced', 'taxi.booking.cancelled']),
    );
  });

  it('refuses a booking without a rider on the page, and another household’s booking as not found', async () => {
    const cc = await ctx.login('callcentre');
    const r = await hanako();
    const before = tableCounts(ctx);
    const res = await post(`/console/callcentre/residents/${r.id}/rides`, cc, {
      idempotencyKey: 'cc-test-000002',
      from: 'home',
      to: 'home',
      timeKind: 'arrive_by',
      time: '11:00',
    });
    expect(res.status).toBe(303);
    expect(flashOf(res)).toEqual({ kind: 'error', text: '乗る人：乗る人を選んでください' });
    expect(tableCounts(ctx)).toEqual(before);
    const other = (await ctx.db.select().from(residents).where(eq(residents.householdId, 3)).get())!;
    await post(`/console/callcentre/residents/${other.id}/rides`, cc, {
      idempotencyKey: 'cc-test-000003',
      riderIds: String(other.id),
      from: 'home',
      to: String(await placeId('長谷診療所')),
      timeKind: 'arrive_by',
      time: '11:00',
    });
    const theirs = (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.householdId, 3)).get())!;
    expect((await post(`/console/callcentre/residents/${r.id}/rides/${theirs.id}/cancel`, cc)).status).toBe(
      404,
    );
    expect(
      (await ctx.db.select().from(taxiBookings).where(eq(taxiBookings.id, theirs.id)).get())!.status,
    ).toBe('booked');
  });

  it('sets an away period until noon of the return day and ends it again', async () => {
    const cc = await ctx.login('callcentre');
    const r = await hanako();
    const bad = await post(`/console/callcentre/residents/${r.id}/away`, cc, {
      residentIds: String(r.id),
      from: '2026-11-24',
      until: '2026-11-31',
    });
    expect(flashOf(bad)?.kind).toBe('error');
    const set = await post(`/console/callcentre/residents/${r.id}/away`, cc, {
      residentIds: String(r.id),
      from: '2026-11-24',
      until: '2026-11-27',
    });
    expect(flashOf(set)?.text).toContain('留守を登録しました');
    const away = (await ctx.db
      .select()
      .from(watchAway)
      .where(and(eq(watchAway.residentId, r.id), isNull(watchAway.cancelledAt)))
      .get())!;
    expect(away.untilAt.toISOString()).toBe('2026-11-27T03:00:00.000Z');
    const page = await (await ctx.request(`/console/callcentre/residents/${r.id}`, { headers: cc })).text();
    expect(page).toContain('留守中');
    const ended = await post(`/console/callcentre/residents/${r.id}/away/${away.id}/end`, cc);
    expect(flashOf(ended)?.text).toBe('留守を終えました');
    expect(
      (await ctx.db.select().from(watchAway).where(eq(watchAway.id, away.id)).get())!.untilAt.toISOString(),
    ).toBe(new Date(TUESDAY_0930).toISOString());
  });
});
