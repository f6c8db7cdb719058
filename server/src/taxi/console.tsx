import { Hono } from 'hono';
import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { households, staffUsers, taxiBookings, vehicles } from '../../../db/src/schema';
import { requireStaffPage } from '../auth/staff-auth';
import { Layout } from '../console/layout';
import type { Actor } from '../lib/audit';
import { AppError, badRequest, notFound } from '../lib/errors';
import type { AppEnv, StaffAuth } from '../lib/router';
import { formatJaDate, tokyoDate, tokyoTime, isTokyoDate } from '../lib/tokyo';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  assignDriverVehicle,
  getDriverVehicleId,
  handBackVehicle,
  vehicleHolders,
} from './assign-driver-vehicle';
import { bookTaxi, BookTaxiInput } from './book-taxi';
import { viewBookings } from './booking-view';
import { cancelBooking } from './cancel-booking';
import { getBookingOptions } from './get-booking-options';
import { getDayPlan, type DayPlan } from './get-day-plan';
import { getManifest, type ManifestStop } from './get-manifest';
import { recordRideEvent, type RideEvent } from './record-ride-event';
import { idOf } from '../console/form';
import { DateField } from '../console/date-field';
import { publishRideEvent } from './live-events';
import { LiveScript } from '../live/script';

const actor = (s: StaffAuth): Actor => ({ type: 'staff', id: s.id });
const dateOf = (raw: string | undefined, now: Date) => {
  if (!raw) return tokyoDate(now);
  if (!isTokyoDate(raw)) throw badRequest('invalid_date', `"${raw}" is not a date (YYYY-MM-DD)`);
  return raw;
};
const KIND_JA = { pickup: '乗車', dropoff: '降車' } as const;
const ACTION_JA: Record<RideEvent, string> = { pickup: '乗車した', dropoff: '降車した', no_show: '不在' };
const COLOURS = ['#d62828', '#1e63d6', '#1e9e4a', '#b8860b', '#7b2cbf', '#333'];

export const taxiConsole = new Hono<AppEnv>();

const driverJs = readFileSync(new URL('./driver-client.js', import.meta.url), 'utf8');
// The tablet's script, from our origin (the Content-Security-Policy allows no inline script).
taxiConsole.get('/driver.js', (c) => {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(driverJs);
});

// --- Driver tablet ---

const tabletCss = `
main{max-width:none}
.next{background:#fff;border:3px solid #23395d;border-radius:12px;padding:1rem 1.25rem;margin:.5rem 0 1rem}
.next .when{font-size:3rem;font-weight:bold;line-height:1.1}
.next .where{font-size:2rem;font-weight:bold}
.next .addr{font-size:1.5rem}
.next .who{font-size:1.5rem}
.kind{display:inline-block;padding:.1rem .7rem;border-radius:6px;color:#fff;font-weight:bold;font-size:1.4rem;vertical-align:middle}
.kind.pickup{background:#1e63d6}.kind.dropoff{background:#1e7a3e}
.acts{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1rem}
.acts button{min-height:72px;min-width:180px;font-size:1.6rem;font-weight:bold;border-radius:10px;padding:.5rem 1.5rem}
.confirm{background:#fff4e0;border:3px solid #b35c00;border-radius:10px;padding:1rem;font-size:1.4rem}
.rest{width:100%;background:#fff;font-size:1.15rem}
.rest tr.done{color:#777}
.rest .row-acts button{min-height:44px;margin:.15rem .3rem .15rem 0}
.pending{background:#fff4e0;border:2px dashed #b35c00;padding:.5rem;font-size:1.2rem}
`;

const minute = (d: Date) => Math.floor(d.getTime() / 60_000);

/** Why a tap needs a second, confirming tap (or null): 不在 always; a pickup long before its window; a drop-off in the pickup's minute. */
function needsConfirm(b: typeof taxiBookings.$inferSelect, event: RideEvent, now: Date): string | null {
  if (event === 'no_show') return '不在として記録します。よろしいですか。';
  if (event === 'pickup' && now.getTime() < b.pickupFrom.getTime() - EARLY_PICKUP_MINUTES * 60_000)
    return `お迎えの約束（${tokyoTime(b.pickupFrom)}〜）よりかなり早い乗車です。乗車として記録しますか。`;
  if (event === 'dropoff' && b.pickedUpAt && minute(b.pickedUpAt) === minute(now))
    return '乗車と同じ分の降車です。降車として記録しますか。';
  return null;
}
const EARLY_PICKUP_MINUTES = 30;

function ActionForm(props: { id: number; event: RideEvent; confirm?: boolean }) {
  return (
    <form
      class="inline"
      method="post"
      action={`/console/taxi/driver/bookings/${props.id}/${props.event}`}
      data-ride-action={props.event}
    >
      <input type="hidden" name="key" value={randomUUID()} />
      {props.confirm ? <input type="hidden" name="confirm" value="1" /> : null}
      <button type="submit" class={props.event === 'no_show' ? 'danger' : ''}>
        {props.confirm ? `はい、${ACTION_JA[props.event]}` : ACTION_JA[props.event]}
      </button>
    </form>
  );
}

function NextStop(props: { s: ManifestStop; address: string | null }) {
  const s = props.s;
  return (
    <section class="next" aria-label="次の停車地" data-booking={String(s.bookingId)} data-kind={s.kind}>
      <div>
        <span class={`kind ${s.kind}`}>{KIND_JA[s.kind]}</span> <span class="when">{s.time}</span>{' '}
        <span class="muted">
          {s.kind === 'pickup' ? `約束 ${s.windowFrom}〜${s.windowTo}` : `到着予定 ${s.windowFrom}`}
        </span>
      </div>
      <div class="where">{s.place}</div>
      {props.address ? <div class="addr">{props.address}</div> : null}
      <div class="who">
        {s.names.join('・')} 様 {s.passengers}人{s.phone ? ` ☎ ${s.phone}` : ''}{' '}
        <strong class="status">{s.statusLabel}</strong>
      </div>
      <div class="acts">
        {s.actions.map((a) => (
          <ActionForm id={s.bookingId} event={a} />
        ))}
      </div>
      {s.kind === 'pickup' && s.actions.length === 1 && s.actions[0] === 'pickup' ? (
        <p class="muted">不在は {s.noShowFrom} から記録できます</p>
      ) : null}
    </section>
  );
}

taxiConsole.get('/driver', requireStaffPage('driver'), (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const staff = c.var.staff;
  const vs = db.select().from(vehicles).orderBy(asc(vehicles.id)).all();
  const chosen =
    staff.role === 'driver'
      ? getDriverVehicleId(db, staff.id)
      : Number(c.req.query('vehicleId') ?? vs[0]?.id);
  const m = chosen ? getManifest(db, chosen, dateOf(c.req.query('date'), now), now) : null;
  const holders = vehicleHolders(db);
  const drivers =
    staff.role === 'admin'
      ? db.select().from(staffUsers).where(eq(staffUsers.role, 'driver')).orderBy(asc(staffUsers.id)).all()
      : [];
  const next = m?.stops.find((s) => !s.done && s.actions.length > 0) ?? m?.stops.find((s) => !s.done);
  const nextRow = next
    ? db.select().from(taxiBookings).where(eq(taxiBookings.id, next.bookingId)).get()
    : undefined;
  // 「自宅」 is the household's home: the driver needs its address, not the word
  const home =
    next && nextRow && (next.kind === 'pickup' ? nextRow.pickupPlaceId : nextRow.dropoffPlaceId) === null
      ? (db.select().from(households).where(eq(households.id, nextRow.householdId)).get()?.address ?? null)
      : null;
  const ask = z
    .object({ confirm: z.enum(['pickup', 'dropoff', 'no_show']), booking: z.coerce.number().int() })
    .safeParse({ confirm: c.req.query('confirm'), booking: c.req.query('booking') });
  const askRow = ask.success
    ? db.select().from(taxiBookings).where(eq(taxiBookings.id, ask.data.booking)).get()
    : undefined;
  const question = ask.success && askRow ? needsConfirm(askRow, ask.data.confirm, now) : null;
  return c.html(
    <Layout title="運転手 今日の運行" staff={staff}>
      <style>{tabletCss}</style>
      <script src="/console/taxi/driver.js" defer />
      <LiveScript topics={['taxi']} />
      <div id="pending" class="pending" hidden role="status" />
      {question && ask.success ? (
        <div class="confirm" role="alertdialog" aria-label="確認">
          <p>{question}</p>
          <div class="acts">
            <ActionForm id={ask.data.booking} event={ask.data.confirm} confirm />
            <form class="inline" method="get" action="/console/taxi/driver">
              <button type="submit" class="secondary">
                やめる
              </button>
            </form>
          </div>
        </div>
      ) : null}
      {m ? (
        <>
          {next ? (
            <NextStop s={next} address={home} />
          ) : m.stops.length > 0 ? (
            <p class="next">今日の停車地はすべて終わりました。</p>
          ) : null}
          <h2>
            {m.vehicle.name}（{m.vehicle.plate}） {formatJaDate(m.date)} の停車地
          </h2>
          {m.stops.length === 0 ? (
            <p>今日の予約はまだありません。</p>
          ) : (
            <table class="rest">
              <thead>
                <tr>
                  <th>時刻</th>
                  <th>乗降</th>
                  <th>場所</th>
                  <th>利用者</th>
                  <th class="num">人数</th>
                  <th>状態</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {m.stops.map((s) => (
                  <tr
                    class={`stop${s.done ? ' done' : ''}`}
                    data-booking={String(s.bookingId)}
                    data-kind={s.kind}
                  >
                    <td>{s.time}</td>
                    <td>{KIND_JA[s.kind]}</td>
                    <td>{s.place}</td>
                    <td>{s.names.join('・')}</td>
                    <td class="num">{s.passengers}</td>
                    <td>{s.statusLabel}</td>
                    {/* A pooled day does not always go in plan order (a rider not there, another ready early). */}
                    <td class="row-acts">
                      {s.actions.map((a) => (
                        <ActionForm id={s.bookingId} event={a} />
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : (
        <p>運転する車両を選んでください。</p>
      )}
      <details class="no-print">
        <summary>車両</summary>
        <form method="post" action="/console/taxi/driver/vehicle">
          <label>
            車両{' '}
            <select name="vehicleId">
              {vs.map((v) => (
                <option value={String(v.id)} selected={v.id === chosen}>
                  {v.name}（{v.plate}）
                  {holders.get(v.id) && holders.get(v.id)!.staffId !== staff.id
                    ? ` 運転中：${holders.get(v.id)!.name}`
                    : ''}
                </option>
              ))}
            </select>{' '}
            <button type="submit">この車両で運転する</button>
          </label>
        </form>
        {staff.role === 'driver' && chosen ? (
          <form method="post" action="/console/taxi/driver/vehicle/return">
            <button type="submit">車両を返す（運転を終える）</button>
          </form>
        ) : null}
        {staff.role === 'admin' && chosen ? (
          <form method="post" action={`/console/taxi/vehicles/${chosen}/driver`}>
            <label>
              この車両の運転手{' '}
              <select name="staffId">
                {drivers.map((d) => (
                  <option value={String(d.id)} selected={holders.get(chosen)?.staffId === d.id}>
                    {d.name}
                  </option>
                ))}
              </select>{' '}
              <button type="submit">割り当てる</button>
            </label>
          </form>
        ) : null}
      </details>
    </Layout>,
  );
});

taxiConsole.post('/driver/vehicle', requireStaffPage('driver'), async (c) => {
  const { db, clock } = c.var.deps;
  const body = await c.req.parseBody();
  const vehicleId = idOf(String(body.vehicleId ?? ''));
  if (c.var.staff.role !== 'driver') return c.redirect(`/console/taxi/driver?vehicleId=${vehicleId}`, 303);
  assignDriverVehicle(db, c.var.staff.id, vehicleId, actor(c.var.staff), clock.now());
  return c.redirect('/console/taxi/driver', 303);
});

taxiConsole.post('/driver/vehicle/return', requireStaffPage('driver'), (c) => {
  const { db, clock } = c.var.deps;
  handBackVehicle(db, c.var.staff.id, actor(c.var.staff), clock.now());
  return c.redirect('/console/taxi/driver', 303);
});

taxiConsole.post('/vehicles/:id/driver', requireStaffPage('admin'), async (c) => {
  const { db, clock } = c.var.deps;
  const body = await c.req.parseBody();
  const vehicleId = idOf(c.req.param('id'));
  assignDriverVehicle(db, idOf(String(body.staffId ?? '')), vehicleId, actor(c.var.staff), clock.now(), {
    reassign: true,
  });
  return c.redirect(`/console/taxi/driver?vehicleId=${vehicleId}`, 303);
});

taxiConsole.post('/driver/bookings/:id/:event', requireStaffPage('driver'), async (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const event = z.enum(['pickup', 'dropoff', 'no_show']).safeParse(c.req.param('event'));
  if (!event.success) throw notFound();
  const id = idOf(c.req.param('id'));
  const body = z
    .object({ key: z.string().min(8).max(100).optional(), confirm: z.literal('1').optional() })
    .safeParse(await c.req.parseBody());
  if (!body.success) throw badRequest('invalid_request', '操作をやり直してください');
  const row = db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get();
  if (!row) throw notFound('Booking');
  const back = c.var.staff.role === 'driver' ? '' : `vehicleId=${row.vehicleId}`;
  if (!body.data.confirm && row.status !== 'arrived' && needsConfirm(row, event.data, now))
    return c.redirect(
      `/console/taxi/driver?confirm=${event.data}&booking=${id}${back ? `&${back}` : ''}`,
      303,
    );
  recordRideEvent(db, id, event.data, c.var.staff, now, body.data.key);
  publishRideEvent(c.var.deps, id, event.data);
  return c.redirect(`/console/taxi/driver${back ? `?${back}` : ''}`, 303);
});

// --- City view ---

function PlanMap(props: { plan: DayPlan }) {
  const pts = props.plan.vehicles.flatMap((v) => [
    v.depot,
    ...v.stops.map((s) => ({ lat: s.lat, lon: s.lon })),
  ]);
  const W = 900;
  const H = 560;
  const pad = 30;
  const minLat = Math.min(...pts.map((p) => p.lat));
  const maxLat = Math.max(...pts.map((p) => p.lat));
  const minLon = Math.min(...pts.map((p) => p.lon));
  const maxLon = Math.max(...pts.map((p) => p.lon));
  const sx = (lon: number) => pad + ((lon - minLon) / (maxLon - minLon || 1)) * (W - 2 * pad);
  const sy = (lat: number) => H - pad - ((lat - minLat) / (maxLat - minLat || 1)) * (H - 2 * pad);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label="車両ごとの停車地の地図"
      style="background:#eef3ea;max-width:900px"
    >
      {props.plan.vehicles.map((v, i) => {
        const colour = COLOURS[i % COLOURS.length]!;
        const line = [v.depot, ...v.stops.map((s) => ({ lat: s.lat, lon: s.lon }))]
          .map((p) => `${sx(p.lon).toFixed(1)},${sy(p.lat).toFixed(1)}`)
          .join(' ');
        return (
          <g data-vehicle={String(v.id)}>
            <polyline points={line} fill="none" stroke={colour} stroke-width="3" opacity="0.7" />
            <rect x={sx(v.depot.lon) - 7} y={sy(v.depot.lat) - 7} width="14" height="14" fill={colour} />
            {v.stops.map((s, k) => (
              <g>
                <circle
                  cx={sx(s.lon)}
                  cy={sy(s.lat)}
                  r="9"
                  fill={s.kind === 'pickup' ? colour : '#fff'}
                  stroke={colour}
                  stroke-width="3"
                />
                <text x={sx(s.lon) + 11} y={sy(s.lat) - 8} font-size="13">
                  {`${k + 1} ${s.time}`}
                </text>
              </g>
            ))}
          </g>
        );
      })}
    </svg>
  );
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

taxiConsole.get('/city', requireStaffPage('city_staff'), (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const plan = getDayPlan(db, dateOf(c.req.query('date'), now), now);
  const f = plan.figures;
  return c.html(
    <Layout title={`乗合タクシー 運行状況 ${formatJaDate(plan.date)}`} staff={c.var.staff}>
      <LiveScript topics={['taxi']} />
      <form method="get" class="no-print">
        <DateField label="日付" name="date" value={plan.date} /> <button type="submit">表示</button>
      </form>
      <div class="cards" id="figures">
        <div class="card">
          乗車（完了） <strong data-figure="rides">{f.rides}</strong> 件 / {f.riders} 人
        </div>
        <div class="card">
          車両時間あたり乗客 <strong data-figure="ridersPerVehicleHour">{f.ridersPerVehicleHour}</strong> 人
        </div>
        <div class="card">
          相乗り率 <strong data-figure="sharedRideShare">{pct(f.sharedRideShare)}</strong>
        </div>
        <div class="card">
          平均迂回 <strong data-figure="meanDetour">{pct(f.meanDetour)}</strong>
        </div>
        <div class="card">
          定時率 <strong data-figure="onTimeShare">{pct(f.onTimeShare)}</strong>
        </div>
        <div class="card">
          不在 {f.noShows} 件 / 取消 {f.cancelled} 件
        </div>
      </div>
      <h2>地図（■ 車庫、● 乗車、○ 降車）</h2>
      <PlanMap plan={plan} />
      {plan.vehicles.map((v, i) => (
        <section>
          <h2 style={`color:${COLOURS[i % COLOURS.length]}`}>{v.name}</h2>
          {v.stops.length === 0 ? (
            <p class="muted">予約なし</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>時刻</th>
                  <th>乗降</th>
                  <th>場所</th>
                  <th>利用者</th>
                  <th class="num">人数</th>
                  <th>状態</th>
                </tr>
              </thead>
              <tbody>
                {v.stops.map((s, k) => (
                  <tr>
                    <td>{k + 1}</td>
                    <td>{s.time}</td>
                    <td>{KIND_JA[s.kind]}</td>
                    <td>{s.place}</td>
                    <td>{s.names.join('・')}</td>
                    <td class="num">{s.passengers}</td>
                    <td>{s.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </Layout>,
  );
});

// --- Call centre ---

taxiConsole.get('/calls', requireStaffPage('call_centre'), (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const hs = db.select().from(households).orderBy(asc(households.id)).all();
  const hid = c.req.query('household') ? idOf(c.req.query('household')) : null;
  const opts = hid ? getBookingOptions(db, hid, now) : null;
  const bookings = hid
    ? viewBookings(
        db,
        db
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
          .all(),
        now,
      )
    : [];
  const msg = c.req.query('msg');
  return c.html(
    <Layout title="乗合タクシー 電話受付" staff={c.var.staff}>
      <LiveScript topics={['taxi']} />
      {msg ? (
        <p class="notice" role="status">
          {msg}
        </p>
      ) : null}
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
                    <select name="time">
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
          <h2>新しい予約</h2>
          {opts.closedMessage ? <p class="error">{opts.closedMessage}</p> : null}
          <form method="post" action={`/console/taxi/calls/households/${hid}/book`}>
            <fieldset>
              <legend>乗る人</legend>
              {opts.residents.map((r, i) => (
                <label>
                  <input
                    type="checkbox"
                    name="riderIds"
                    value={String(r.id)}
                    checked={i === 0 && r.eligible}
                    disabled={!r.eligible}
                  />{' '}
                  {r.name} {r.eligible ? `${r.fareYen}円` : '（対象外）'}
                </label>
              ))}
              <label>
                付き添い <input type="number" name="companions" min="0" max="2" value="0" />
              </label>
            </fieldset>
            <label>
              乗る場所{' '}
              <select name="from">
                <option value="home">自宅</option>
                {opts.destinations.map((d) => (
                  <option value={String(d.placeId)}>{d.name}</option>
                ))}
              </select>
            </label>
            <label>
              行き先{' '}
              <select name="to">
                {opts.destinations.map((d) => (
                  <option value={String(d.placeId)}>{d.name}</option>
                ))}
                <option value="home">自宅</option>
              </select>
            </label>
            <label>
              <select name="timeKind">
                <option value="arrive_by">この時刻までに着きたい</option>
                <option value="leave_after">この時刻から出たい</option>
              </select>{' '}
              <select name="time">
                {opts.times.map((t) => (
                  <option>{t}</option>
                ))}
              </select>
            </label>
            <input type="hidden" name="idempotencyKey" value={`cc-${c.var.staff.id}-${now.getTime()}`} />
            <button type="submit">予約する</button>
          </form>
        </section>
      ) : null}
    </Layout>,
  );
});

const endpointOf = (v: string) =>
  v === 'home' ? ({ kind: 'home' } as const) : ({ kind: 'place', placeId: idOf(v) } as const);

taxiConsole.post('/calls/households/:id/book', requireStaffPage('call_centre'), async (c) => {
  const { db, clock } = c.var.deps;
  const hid = idOf(c.req.param('id'));
  const body = await c.req.parseBody({ all: true });
  const riders = ([] as unknown[]).concat(body.riderIds ?? []).map((x) => Number(x));
  const input = BookTaxiInput.safeParse({
    idempotencyKey: String(body.idempotencyKey ?? ''),
    riderIds: riders,
    companions: Number(body.companions ?? 0),
    from: endpointOf(String(body.from ?? 'home')),
    to: endpointOf(String(body.to ?? 'home')),
    timeKind: body.timeKind,
    time: body.time,
  });
  if (!input.success) throw badRequest('invalid_request', '乗る人・行き先・時刻を選んでください');
  const staff = c.var.staff;
  const answer = bookTaxi(
    db,
    input.data,
    { householdId: hid, channel: 'call_centre', actor: actor(staff), staffId: staff.id },
    clock.now(),
  );
  return c.redirect(`/console/taxi/calls?household=${hid}&msg=${encodeURIComponent(answer.message)}`, 303);
});

taxiConsole.post('/calls/bookings/:id/cancel', requireStaffPage('call_centre'), (c) => {
  const { db, clock } = c.var.deps;
  const id = idOf(c.req.param('id'));
  const b = cancelBooking(db, id, null, actor(c.var.staff), clock.now());
  const hid = db.select().from(taxiBookings).where(eq(taxiBookings.id, b.id)).get()!.householdId;
  return c.redirect(`/console/taxi/calls?household=${hid}&msg=${encodeURIComponent('取り消しました')}`, 303);
});

taxiConsole.post('/calls/bookings/:id/change', requireStaffPage('call_centre'), async (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const old = db
    .select()
    .from(taxiBookings)
    .where(eq(taxiBookings.id, idOf(c.req.param('id'))))
    .get();
  if (!old) throw notFound('Booking');
  const body = await c.req.parseBody();
  const endpoint = (placeId: number | null) =>
    placeId === null ? ({ kind: 'home' } as const) : ({ kind: 'place', placeId } as const);
  const input = BookTaxiInput.safeParse({
    idempotencyKey: `change-${old.id}-${String(body.time)}-${now.getTime()}`,
    riderIds: old.riderIds,
    companions: old.passengers - old.riderIds.length,
    from: endpoint(old.pickupPlaceId),
    to: endpoint(old.dropoffPlaceId),
    timeKind: old.timeKind,
    time: body.time,
    returnOf: old.returnOfId ?? undefined,
  });
  if (!input.success) throw badRequest('invalid_request', '時刻を選んでください');
  let msg: string;
  try {
    const staff = c.var.staff;
    msg = bookTaxi(
      db,
      input.data,
      {
        householdId: old.householdId,
        channel: 'call_centre',
        actor: actor(staff),
        staffId: staff.id,
        replaces: old,
      },
      now,
    ).message;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    msg = e.message;
  }
  return c.redirect(`/console/taxi/calls?household=${old.householdId}&msg=${encodeURIComponent(msg)}`, 303);
});
