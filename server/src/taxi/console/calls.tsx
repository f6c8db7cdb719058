import { Hono, type Context } from 'hono';
import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { households, taxiBookings } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { Layout } from '../../console/layout';
import { MapView, type MapFeature } from '../../console/map-view';
import { AppError, notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { tokyoDate, tokyoTime } from '../../lib/tokyo';
import { LiveScript } from '../../live/script';
import { bookTaxi, BookTaxiInput } from '../book-taxi';
import { viewBookings } from '../booking-view';
import { cancelBooking } from '../cancel-booking';
import { getBookingOptions } from '../get-booking-options';
import { actor } from './shared';

export const callPages = new Hono<AppEnv>();

/** Where the household's rides of today start and end, so the caller can be told 「どこで」 at a glance. */
function rideFeatures(rows: (typeof taxiBookings.$inferSelect)[]): MapFeature[] {
  const done = (s: string) => (s === 'arrived' ? 'done' : s === 'no_show' ? 'no_show' : undefined);
  return rows.flatMap((b): MapFeature[] => [
    {
      kind: 'route',
      label: '',
      lat: b.pickupLat,
      lon: b.pickupLon,
      path: [
        [b.pickupLat, b.pickupLon],
        [b.dropoffLat, b.dropoffLon],
      ],
      state: done(b.status),
    },
    {
      kind: b.pickupPlaceId === null ? 'home' : 'stop',
      label: `${tokyoTime(b.pickupFrom)} 乗車 ${b.pickupLabel}`,
      lat: b.pickupLat,
      lon: b.pickupLon,
      state: done(b.status),
    },
    {
      kind: b.dropoffPlaceId === null ? 'home' : 'stop',
      label: `${tokyoTime(b.expectedArrival)} 降車 ${b.dropoffLabel}`,
      lat: b.dropoffLat,
      lon: b.dropoffLon,
      state: done(b.status),
    },
  ]);
}

const page = (hid: number) => `/console/taxi/calls?household=${hid}`;

/**
 * The call page; `refused` redraws it after a booking form the validator turned down, with what the
 * operator chose and the error beside each wrong field (the caller is still on the line).
 */
async function callPage(c: Context<AppEnv>, hid: number | null, refused?: RefusedForm) {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const hs = await db.select().from(households).orderBy(asc(households.id)).all();
  const typed = (k: string) => (refused ? refused.values[k] : undefined);
  const typedRiders = refused ? ([] as unknown[]).concat(typed('riderIds') ?? []).map(String) : null;
  const err = (k: string) =>
    refused?.errors[k] ? (
      <span class="field-error" id={`err-${k}`}>
        {refused.errors[k]}
      </span>
    ) : null;
  const invalid = (k: string) =>
    refused?.errors[k] ? { 'aria-invalid': 'true', 'aria-describedby': `err-${k}` } : {};
  const opts = hid ? await getBookingOptions(db, hid, now) : null;
  const rows = hid
    ? await db
        .select()
        .from(taxiBookings)
        .where(
          and(
            eq(taxiBookings.householdId, hid),
            eq(taxiBookings.serviceDate, tokyoDate(now)),
            ne(taxiBookings.status, 'cancelled'),
          ),
        )
        .orderBy(asc(taxiBookings.pickupFrom))
        .all()
    : [];
  const bookings = await viewBookings(db, rows, now);
  return c.html(
    <Layout title="乗合タクシー 電話受付" staff={c.var.staff} flash={takeFlash(c)}>
      <LiveScript topics={['taxi']} />
      <form method="get">
        <label>
          世帯{' '}
          <select name="household">
            {hs.map((h) => (
              <option value={String(h.id)} selected={h.id === hid}>
                {h.name}（{h.phone ?? '電話なし'}）
              </option>
            ))}
          </select>{' '}
          <button type="submit">選ぶ</button>
        </label>
      </form>
      {opts && hid ? (
        <section>
          <h2>今日の予約</h2>
          {bookings.length === 0 ? <p>なし</p> : null}
          {bookings.map((b) => (
            <div class="card" data-booking={String(b.id)}>
              {b.riders.map((r) => r.name).join('・')} {b.fromLabel}→{b.toLabel} お迎え {b.pickupFrom}〜
              {b.pickupTo} 到着 {b.expectedArrival}ごろ <strong>{b.statusLabel}</strong>
              {b.cancellable ? (
                <span>
                  <form class="inline" method="post" action={`/console/taxi/calls/bookings/${b.id}/cancel`}>
                    <button type="submit" class="danger">
                      取り消す
                    </button>
                  </form>{' '}
                  <form class="inline" method="post" action={`/console/taxi/calls/bookings/${b.id}/change`}>
                    <select name="time" aria-label="新しい時刻">
                      {opts.times.map((t) => (
                        <option selected={t === b.requestedTime}>{t}</option>
                      ))}
                    </select>
                    <button type="submit">時刻を変える</button>
                  </form>
                </span>
              ) : null}
            </div>
          ))}
          {rows.length > 0 ? (
            <MapView label="この世帯の今日の乗車の地図" features={rideFeatures(rows)} height={320} />
          ) : null}
          <h2>新しい予約</h2>
          {opts.closedMessage ? <p class="error">{opts.closedMessage}</p> : null}
          <form method="post" action={`/console/taxi/calls/households/${hid}/book`}>
            <fieldset>
              <legend>乗る人</legend>
              {err('riderIds')}
              {opts.residents.map((r, i) => (
                <label>
                  <input
                    type="checkbox"
                    name="riderIds"
                    value={String(r.id)}
                    checked={typedRiders ? typedRiders.includes(String(r.id)) : i === 0 && r.eligible}
                    disabled={!r.eligible}
                  />{' '}
                  {r.name} {r.eligible ? `${r.fareYen}円` : '（対象外）'}
                </label>
              ))}
              <label>
                付き添い{' '}
                <input
                  type="number"
                  name="companions"
                  min="0"
                  max="2"
                  value={String(typed('companions') ?? '0')}
                  {...invalid('companions')}
                />
                {err('companions')}
              </label>
            </fieldset>
            <label>
              乗る場所{' '}
              <select name="from" {...invalid('from')}>
                <option value="home">自宅</option>
                {opts.destinations.map((d) => (
                  <option value={String(d.placeId)} selected={typed('from') === String(d.placeId)}>
                    {d.name}
                  </option>
                ))}
              </select>
              {err('from')}
            </label>
            <label>
              行き先{' '}
              <select name="to" {...invalid('to')}>
                {opts.destinations.map((d) => (
                  <option value={String(d.placeId)} selected={typed('to') === String(d.placeId)}>
                    {d.name}
                  </option>
                ))}
                <option value="home" selected={typed('to') === 'home'}>
                  自宅
                </option>
              </select>
              {err('to')}
            </label>
            <label>
              <select name="timeKind" aria-label="時刻の意味">
                <option value="arrive_by">この時刻までに着きたい</option>
                <option value="leave_after" selected={typed('timeKind') === 'leave_after'}>
                  この時刻から出たい
                </option>
              </select>{' '}
              <select name="time" aria-label="時刻" {...invalid('time')}>
                {opts.times.map((t) => (
                  <option selected={typed('time') === t}>{t}</option>
                ))}
              </select>
              {err('time')}
            </label>
            <input type="hidden" name="idempotencyKey" value={`cc-${c.var.staff.id}-${now.getTime()}`} />
            <button type="submit">予約する</button>
          </form>
        </section>
      ) : null}
    </Layout>,
    refused ? 400 : 200,
  );
}

callPages.get(
  '/calls',
  requireStaffPage('call_centre'),
  async (c) => await callPage(c, c.req.query('household') ? idOf(c.req.query('household')) : null),
);

const endpoint = z
  .string()
  .regex(/^(home|[1-9]\d{0,15})$/, '一覧から選んでください')
  .transform((v) =>
    v === 'home' ? ({ kind: 'home' } as const) : ({ kind: 'place', placeId: Number(v) } as const),
  );

/** The phone form, read into the API's booking input (BookTaxiInput checks the rest). */
const BookForm = z
  .object({
    idempotencyKey: z.string(),
    riderIds: z
      .union([z.string(), z.array(z.string())], { error: '乗る人を選んでください' })
      .transform((v) => ([] as string[]).concat(v).map(Number)),
    companions: z.coerce.number().int().min(0).max(2).optional(),
    from: endpoint,
    to: endpoint,
    timeKind: z.string(),
    time: z.string(),
  })
  .pipe(BookTaxiInput);

callPages.post(
  '/calls/households/:id/book',
  requireStaffPage('call_centre'),
  consoleForm(BookForm, async (c, refused) => await callPage(c, idOf(c.req.param('id')), refused)),
  async (c) => {
    const { db, clock } = c.var.deps;
    const hid = idOf(c.req.param('id'));
    const staff = c.var.staff;
    const answer = await bookTaxi(
      db,
      c.req.valid('form'),
      { householdId: hid, channel: 'call_centre', actor: actor(staff), staffId: staff.id },
      clock.now(),
    );
    // a refusal's message names the free times and the earliest arrival for staff to offer
    return redirectWithFlash(c, page(hid), {
      kind: answer.status === 'accepted' ? 'notice' : 'warning',
      text: answer.message,
    });
  },
);

callPages.post('/calls/bookings/:id/cancel', requireStaffPage('call_centre'), async (c) => {
  const { db, clock } = c.var.deps;
  const id = idOf(c.req.param('id'));
  const b = await cancelBooking(db, id, null, actor(c.var.staff), clock.now());
  const hid = (await db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get())!.householdId;
  return redirectWithFlash(c, page(hid), { kind: 'notice', text: '取り消しました' });
});

callPages.post(
  '/calls/bookings/:id/change',
  requireStaffPage('call_centre'),
  consoleForm(z.object({ time: z.string().regex(/^\d{2}:\d{2}$/, '時刻を選んでください') })),
  async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const old = await db
      .select()
      .from(taxiBookings)
      .where(eq(taxiBookings.id, idOf(c.req.param('id'))))
      .get();
    if (!old) throw notFound('Booking');
    const { time } = c.req.valid('form');
    const at = (placeId: number | null) =>
      placeId === null ? ({ kind: 'home' } as const) : ({ kind: 'place', placeId } as const);
    const input = BookTaxiInput.parse({
      idempotencyKey: `change-${old.id}-${time}-${now.getTime()}`,
      riderIds: old.riderIds,
      companions: old.passengers - old.riderIds.length,
      from: at(old.pickupPlaceId),
      to: at(old.dropoffPlaceId),
      timeKind: old.timeKind,
      time,
      returnOf: old.returnOfId ?? undefined,
    });
    try {
      const staff = c.var.staff;
      const msg = (
        await bookTaxi(
          db,
          input,
          {
            householdId: old.householdId,
            channel: 'call_centre',
            actor: actor(staff),
            staffId: staff.id,
            replaces: old,
          },
          now,
        )
      ).message;
      return redirectWithFlash(c, page(old.householdId), { kind: 'notice', text: msg });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return redirectWithFlash(c, page(old.householdId), { kind: 'error', text: e.message });
    }
  },
);
