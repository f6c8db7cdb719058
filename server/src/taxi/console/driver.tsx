import { Hono } from 'hono';
import { asc, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { households, staffUsers, taxiBookings, vehicles } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { takeFlash, redirectWithFlash } from '../../console/flash';
import { consoleForm, idOf } from '../../console/form';
import { Layout } from '../../console/layout';
import { MapScript, MapView, type MapFeature } from '../../console/map-view';
import { AppError, notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { formatJaDate, tokyoTime } from '../../lib/tokyo';
import { LiveScript } from '../../live/script';
import {
  assignDriverVehicle,
  getDriverVehicleId,
  handBackVehicle,
  vehicleHolders,
} from '../assign-driver-vehicle';
import { getManifest, type ManifestStop } from '../get-manifest';
import { publishRideEvent } from '../live-events';
import { recordRideEvent, type RideEvent } from '../record-ride-event';
import { recordDeparture } from '../record-departure';
import { undoableEvent, undoRideEvent, UNDO_MINUTES } from '../undo-ride-event';
import { actor, CarriedBadge, dateOf, KIND_JA, stopState } from './shared';

const ACTION_JA: Record<RideEvent | 'undo' | 'depart', string> = {
  depart: 'お迎えに向かう',
  pickup: '乗車した',
  dropoff: '降車した',
  no_show: '不在',
  undo: '取り消す',
};
const EVENT_JA: Record<RideEvent, string> = { pickup: '乗車', dropoff: '降車', no_show: '不在' };
const EARLY_PICKUP_MINUTES = 30;

// One thumb in a moving car: big type, big targets; the map beside the next stop in landscape,
// below it in portrait.
const tabletCss = `
main{max-width:none}
.tablet-top{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem;align-items:start}
@media (orientation:portrait),(max-width:900px){.tablet-top{grid-template-columns:1fr}}
.next{background:#fff;border:3px solid #1b2a5c;border-radius:12px;padding:1rem 1.25rem;margin:0 0 1rem}
.next .when{font-size:3rem;font-weight:bold;line-height:1.1}
.next .where{font-size:2rem;font-weight:bold;line-height:1.3}
.next .addr{font-size:1.5rem}
.next .who{font-size:1.5rem}
.next .notes{font-size:1.2rem}
.kind{display:inline-block;padding:.1rem .7rem;border-radius:6px;color:#fff;font-weight:bold;font-size:1.4rem;vertical-align:middle}
.kind.pickup{background:#0031d8}.kind.dropoff{background:#0b6e3a}
.acts{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1rem}
.acts button{min-height:72px;min-width:180px;font-size:1.6rem;font-weight:bold;border-radius:10px;padding:.5rem 1.5rem}
.confirm{background:#fff4d6;border:3px solid #7a4a00;border-radius:10px;padding:1rem;font-size:1.4rem;margin-bottom:1rem}
.undo-bar{display:flex;align-items:center;gap:1rem;flex-wrap:wrap;background:#e8f0fe;border:2px solid #0031d8;border-radius:10px;padding:.5rem 1rem;margin-bottom:1rem;font-size:1.2rem}
.undo-bar button{min-height:56px;min-width:140px;font-size:1.3rem}
.rest{width:100%;background:#fff;font-size:1.15rem}
.rest tr.done{color:#595959}
.rest .row-acts button{min-height:48px;margin:.15rem .3rem .15rem 0}
.pending{background:#fff4d6;border:2px dashed #7a4a00;padding:.5rem;font-size:1.2rem}
.carried{font-size:1rem;margin-left:.3rem}
`;

const minute = (d: Date) => Math.floor(d.getTime() / 60_000);
type Row = typeof taxiBookings.$inferSelect;

/** Why a tap needs a second, confirming tap (or null): 不在 always; a pickup long before its window; a drop-off in the pickup's minute. */
function needsConfirm(b: Row, event: RideEvent, now: Date): string | null {
  if (event === 'no_show') return '不在として記録します。よろしいですか。';
  if (event === 'pickup' && now.getTime() < b.pickupFrom.getTime() - EARLY_PICKUP_MINUTES * 60_000)
    return `お迎えの約束（${tokyoTime(b.pickupFrom)}〜）よりかなり早い乗車です。乗車として記録しますか。`;
  if (event === 'dropoff' && b.pickedUpAt && minute(b.pickedUpAt) === minute(now))
    return '乗車と同じ分の降車です。降車として記録しますか。';
  return null;
}

function ActionForm(props: { id: number; event: RideEvent | 'undo' | 'depart'; confirm?: boolean }) {
  return (
    <form
      class="inline"
      method="post"
      action={`/console/taxi/driver/bookings/${props.id}/${props.event}`}
      data-ride-action={props.event}
    >
      <input type="hidden" name="key" value={randomUUID()} />
      {props.confirm ? <input type="hidden" name="confirm" value="1" /> : null}
      <button
        type="submit"
        class={props.event === 'no_show' ? 'danger' : props.event === 'undo' ? 'secondary' : ''}
      >
        {props.confirm ? `はい、${ACTION_JA[props.event]}` : ACTION_JA[props.event]}
      </button>
    </form>
  );
}

function NextStop(props: { s: ManifestStop; address: string | null; departed?: boolean }) {
  const s = props.s;
  return (
    <section class="next" aria-label="次の停車地" data-booking={String(s.bookingId)} data-kind={s.kind}>
      <div>
        <span class={`kind ${s.kind}`}>{KIND_JA[s.kind]}</span> <span class="when">{s.time}</span>{' '}
        <span class="muted">
          {s.kind === 'pickup' ? `約束 ${s.windowFrom}〜${s.windowTo}` : `到着予定 ${s.windowFrom}`}
        </span>
        <CarriedBadge stop={s} />
      </div>
      <div class="where">{s.place}</div>
      {props.address ? <div class="addr">{props.address}</div> : null}
      <div class="who">
        {s.names.join('・')} 様 {s.passengers}人{s.phone ? ` ☎ ${s.phone}` : ''}{' '}
        <strong class="status">{s.statusLabel}</strong>
      </div>
      <div class="acts">
        {/* setting off tells the household's TV 「タクシーが向かっています」 */}
        {props.departed === false && s.kind === 'pickup' && s.actions.includes('pickup') ? (
          <ActionForm id={s.bookingId} event="depart" />
        ) : null}
        {s.actions.map((a) => (
          <ActionForm id={s.bookingId} event={a} />
        ))}
      </div>
      {s.kind === 'pickup' && s.actions.length === 1 && s.actions[0] === 'pickup' ? (
        <p class="muted notes">不在は {s.noShowFrom} から記録できます</p>
      ) : null}
    </section>
  );
}

/** The next stop on the map, with the rest of the day's open stops in their order. */
function nextStopMap(stops: ManifestStop[], next: ManifestStop, address: string | null): MapFeature[] {
  const open = stops.filter((s) => !s.done);
  const features: MapFeature[] = [];
  if (open.length > 1)
    features.push({
      kind: 'route',
      label: '',
      lat: next.lat,
      lon: next.lon,
      path: open.map((s) => [s.lat, s.lon]),
    });
  for (const s of open)
    if (s !== next)
      features.push({
        kind: s.place === '自宅' ? 'home' : 'stop',
        label: `${s.time} ${KIND_JA[s.kind]}`,
        lat: s.lat,
        lon: s.lon,
        state: stopState(s),
      });
  features.push({
    kind: next.place === '自宅' ? 'home' : 'stop',
    label: `次 ${next.time} ${next.place === '自宅' && address ? address : next.place}`,
    lat: next.lat,
    lon: next.lon,
    state: stopState(next),
  });
  // the next stop is drawn last (on top) but its name is placed first
  return [features.pop()!, ...features];
}

export const driverPages = new Hono<AppEnv>();

driverPages.get('/driver', requireStaffPage('driver'), async (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const staff = c.var.staff;
  const vs = await db.select().from(vehicles).orderBy(asc(vehicles.id)).all();
  const chosen =
    staff.role === 'driver'
      ? await getDriverVehicleId(db, staff.id)
      : c.req.query('vehicleId')
        ? idOf(c.req.query('vehicleId'))
        : (vs[0]?.id ?? null);
  const m = chosen ? await getManifest(db, chosen, dateOf(c.req.query('date'), now), now) : null;
  const holders = await vehicleHolders(db);
  const drivers =
    staff.role === 'admin'
      ? await db
          .select()
          .from(staffUsers)
          .where(eq(staffUsers.role, 'driver'))
          .orderBy(asc(staffUsers.id))
          .all()
      : [];
  const ids = [...new Set(m?.stops.map((s) => s.bookingId) ?? [])];
  const rows = new Map(
    (ids.length ? await db.select().from(taxiBookings).where(inArray(taxiBookings.id, ids)).all() : []).map(
      (r) => [r.id, r],
    ),
  );
  const next = m?.stops.find((s) => !s.done && s.actions.length > 0) ?? m?.stops.find((s) => !s.done);
  const nextRow = next ? rows.get(next.bookingId) : undefined;
  // 「自宅」 is the household's home: the driver needs its address, not the word
  const home =
    next && nextRow && (next.kind === 'pickup' ? nextRow.pickupPlaceId : nextRow.dropoffPlaceId) === null
      ? ((await db.select().from(households).where(eq(households.id, nextRow.householdId)).get())?.address ??
        null)
      : null;
  // the last tap that may still be taken back, newest first
  const undoable = [...rows.values()]
    .map((r) => ({ r, u: undoableEvent(r, now) }))
    .filter((x) => x.u !== null)
    .sort((a, b) => b.u!.at.getTime() - a.u!.at.getTime());
  const undoKind = (s: ManifestStop) => {
    const u = undoable.find((x) => x.r.id === s.bookingId)?.u;
    return u && (u.event === 'dropoff' ? 'dropoff' : 'pickup') === s.kind ? u : null;
  };
  const ask = z
    .object({ confirm: z.enum(['pickup', 'dropoff', 'no_show']), booking: z.coerce.number().int() })
    .safeParse({ confirm: c.req.query('confirm'), booking: c.req.query('booking') });
  const askRow = ask.success
    ? await db.select().from(taxiBookings).where(eq(taxiBookings.id, ask.data.booking)).get()
    : undefined;
  const question = ask.success && askRow ? needsConfirm(askRow, ask.data.confirm, now) : null;
  const last = undoable[0];
  return c.html(
    <Layout title="運転手 今日の運行" staff={staff} flash={takeFlash(c)}>
      <style>{tabletCss}</style>
      <script src="/console/taxi/driver.js" defer />
      <MapScript />
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
      {last ? (
        <div class="undo-bar" data-undo={String(last.r.id)}>
          <span>
            直前の操作：{tokyoTime(last.u!.at)} {EVENT_JA[last.u!.event]}（{last.r.pickupLabel}→
            {last.r.dropoffLabel}）。間違えたときは{UNDO_MINUTES}分以内なら取り消せます。
          </span>
          <ActionForm id={last.r.id} event="undo" />
        </div>
      ) : null}
      {m ? (
        <>
          {next ? (
            <div class="tablet-top">
              <NextStop
                s={next}
                address={home}
                departed={nextRow ? nextRow.departedAt !== null : undefined}
              />
              <MapView label="次の停車地の地図" features={nextStopMap(m.stops, next, home)} height={340} />
            </div>
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
                    <td>
                      {s.place}
                      <CarriedBadge stop={s} />
                    </td>
                    <td>{s.names.join('・')}</td>
                    <td class="num">{s.passengers}</td>
                    <td>{s.statusLabel}</td>
                    {/* A pooled day does not always go in plan order (a rider not there, another ready early). */}
                    <td class="row-acts">
                      {s.actions.map((a) => (
                        <ActionForm id={s.bookingId} event={a} />
                      ))}
                      {undoKind(s) ? <ActionForm id={s.bookingId} event="undo" /> : null}
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
      <details class="no-print" open={!chosen}>
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

const IdField = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, '一覧から選んでください')
  .transform(Number);

driverPages.post(
  '/driver/vehicle',
  requireStaffPage('driver'),
  consoleForm(z.object({ vehicleId: IdField })),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { vehicleId } = c.req.valid('form');
    if (c.var.staff.role !== 'driver') return c.redirect(`/console/taxi/driver?vehicleId=${vehicleId}`, 303);
    await assignDriverVehicle(db, c.var.staff.id, vehicleId, actor(c.var.staff), clock.now());
    return redirectWithFlash(c, '/console/taxi/driver', { kind: 'notice', text: 'この車両で運転します' });
  },
);

driverPages.post('/driver/vehicle/return', requireStaffPage('driver'), async (c) => {
  const { db, clock } = c.var.deps;
  await handBackVehicle(db, c.var.staff.id, actor(c.var.staff), clock.now());
  return redirectWithFlash(c, '/console/taxi/driver', { kind: 'notice', text: '車両を返しました' });
});

driverPages.post(
  '/vehicles/:id/driver',
  requireStaffPage('admin'),
  consoleForm(z.object({ staffId: IdField })),
  async (c) => {
    const { db, clock } = c.var.deps;
    const vehicleId = idOf(c.req.param('id'));
    await assignDriverVehicle(db, c.req.valid('form').staffId, vehicleId, actor(c.var.staff), clock.now(), {
      reassign: true,
    });
    return redirectWithFlash(c, `/console/taxi/driver?vehicleId=${vehicleId}`, {
      kind: 'notice',
      text: '運転手を割り当てました',
    });
  },
);

const RideForm = z.object({
  key: z.string().min(8, '操作をやり直してください').max(100).optional(),
  confirm: z.literal('1').optional(),
});

driverPages.post(
  '/driver/bookings/:id/:event',
  requireStaffPage('driver'),
  consoleForm(RideForm),
  async (c) => {
    const deps = c.var.deps;
    const now = deps.clock.now();
    const event = z.enum(['pickup', 'dropoff', 'no_show', 'undo', 'depart']).safeParse(c.req.param('event'));
    if (!event.success) throw notFound();
    const id = idOf(c.req.param('id'));
    const body = c.req.valid('form');
    const row = await deps.db.select().from(taxiBookings).where(eq(taxiBookings.id, id)).get();
    if (!row) throw notFound('Booking');
    const back = c.var.staff.role === 'driver' ? '' : `vehicleId=${row.vehicleId}`;
    const page = `/console/taxi/driver${back ? `?${back}` : ''}`;
    if (event.data === 'depart') {
      const d = await recordDeparture(deps.db, id, c.var.staff, now);
      return redirectWithFlash(c, page, {
        kind: 'notice',
        text: `お迎えに向かいます（到着 ${d.pickupEta}ごろ）`,
      });
    }
    if (event.data === 'undo') {
      try {
        await undoRideEvent(deps.db, id, c.var.staff, now, body.key);
      } catch (e) {
        // a late undo is an answer for the driver, not an error page in a moving car
        if (!(e instanceof AppError) || e.status !== 422) throw e;
        return redirectWithFlash(c, page, { kind: 'error', text: e.message });
      }
      await publishRideEvent(deps, id, 'undo');
      return redirectWithFlash(c, page, { kind: 'notice', text: '取り消しました' });
    }
    if (!body.confirm && row.status !== 'arrived' && needsConfirm(row, event.data, now))
      return c.redirect(
        `/console/taxi/driver?confirm=${event.data}&booking=${id}${back ? `&${back}` : ''}`,
        303,
      );
    await recordRideEvent(deps.db, id, event.data, c.var.staff, now, body.key);
    await publishRideEvent(deps, id, event.data);
    return c.redirect(page, 303);
  },
);
