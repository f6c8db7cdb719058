import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { households, residents } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import type { Actor } from '../../lib/audit';
import { AppError, badRequest, notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { formatJaFullDate, fromTokyo, tokyoDate } from '../../lib/tokyo';
import { publishLive } from '../../live/publish';
import { bookTaxi, BookTaxiInput, cancelBooking, changeBookingTime } from '../../taxi';
import { endAwayPeriod, setAwayByStaff, summariseResidents } from '../../watch';
import { loadResidentCall } from '../load-resident-call';
import { searchResidents } from '../search-residents';
import { AwayForm, BookRideForm, ChangeRideForm, FIELD_JA } from './forms';
import { ResidentPage } from './resident-page';
import { SearchPage } from './search-page';

/** The call centre's console: search, then one page per resident with the call's actions. */
export const callcentreConsole = new Hono<AppEnv>();
callcentreConsole.use('*', requireStaffPage('call_centre'));

const actor = (c: Context<AppEnv>): Actor => ({ type: 'staff', id: c.var.staff.id });
const pageOf = (residentId: number) => `/console/callcentre/residents/${residentId}`;

/** The resident named in the path and their household (404 for anything else). */
async function residentOf(c: Context<AppEnv>) {
  const id = idOf(c.req.param('id'));
  const row = await c.var.deps.db
    .select({ householdId: residents.householdId, hamletId: households.hamletId })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(eq(residents.id, id))
    .get();
  if (!row) throw notFound('Resident');
  return { residentId: id, ...row };
}

/** A refused form comes back to the page it was sent from, saying which field is wrong. */
const backWithErrors = (c: Context<AppEnv>, refused: RefusedForm) =>
  redirectWithFlash(c, pageOf(idOf(c.req.param('id'))), {
    kind: 'error',
    text: Object.entries(refused.errors)
      .map(([k, m]) => `${FIELD_JA[k] ?? k}：${m}`)
      .join('／'),
  });

/** A refusal of the business rules (a taken slot, a ride already on its way) is said on the page. */
async function orFlash(c: Context<AppEnv>, residentId: number, run: () => Promise<string> | string) {
  try {
    return redirectWithFlash(c, pageOf(residentId), { kind: 'notice', text: await run() });
  } catch (e) {
    // Not found and forbidden stay errors: they answer a forged id, not the caller's wish.
    if (!(e instanceof AppError) || e.status >= 500 || e.status === 404 || e.status === 403) throw e;
    return redirectWithFlash(c, pageOf(residentId), { kind: 'error', text: e.message });
  }
}

callcentreConsole.get('/', async (c) => {
  const q = (c.req.query('q') ?? '').slice(0, 60);
  const { db, clock } = c.var.deps;
  return c.html(
    <SearchPage
      staff={c.var.staff}
      q={q}
      hits={await searchResidents(db, q, clock.now())}
      flash={takeFlash(c)}
    />,
  );
});

callcentreConsole.get('/residents/:id', async (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const call = await loadResidentCall(db, idOf(c.req.param('id')), now);
  return c.html(<ResidentPage staff={c.var.staff} call={call} now={now} flash={takeFlash(c)} />);
});

callcentreConsole.post('/residents/:id/rides', consoleForm(BookRideForm, backWithErrors), async (c) => {
  const { deps } = c.var;
  const r = await residentOf(c);
  const f = c.req.valid('form');
  const endpoint = (v: string) =>
    v === 'home' ? ({ kind: 'home' } as const) : ({ kind: 'place', placeId: Number(v) } as const);
  const input = BookTaxiInput.safeParse({ ...f, from: endpoint(f.from), to: endpoint(f.to) });
  if (!input.success) throw badRequest('invalid_request', '乗る人・行き先・時刻を選んでください');
  const answer = await bookTaxi(
    deps.db,
    input.data,
    { householdId: r.householdId, channel: 'call_centre', actor: actor(c), staffId: c.var.staff.id },
    deps.clock.now(),
  );
  if (answer.status === 'accepted')
    publishLive(deps, {
      topic: 'taxi',
      type: 'ride.booked',
      hamletId: r.hamletId,
      data: { bookingId: answer.booking?.id ?? null },
    });
  const alternatives = answer.alternatives.length
    ? `（空いている時刻：${answer.alternatives.join('、')}）`
    : '';
  return redirectWithFlash(c, pageOf(r.residentId), {
    kind: answer.status === 'accepted' ? 'notice' : 'warning',
    text: `${answer.message}${alternatives}`,
  });
});

callcentreConsole.post('/residents/:id/rides/:bid/cancel', async (c) => {
  const { deps } = c.var;
  const r = await residentOf(c);
  const bookingId = idOf(c.req.param('bid'));
  return orFlash(c, r.residentId, async () => {
    await cancelBooking(deps.db, bookingId, r.householdId, actor(c), deps.clock.now());
    publishLive(deps, { topic: 'taxi', type: 'ride.cancelled', hamletId: r.hamletId, data: { bookingId } });
    return '予約を取り消しました';
  });
});

callcentreConsole.post(
  '/residents/:id/rides/:bid/change',
  consoleForm(ChangeRideForm, backWithErrors),
  async (c) => {
    const { deps } = c.var;
    const r = await residentOf(c);
    const bookingId = idOf(c.req.param('bid'));
    const { time } = c.req.valid('form');
    return orFlash(c, r.residentId, async () => {
      const answer = await changeBookingTime(
        deps.db,
        bookingId,
        r.householdId,
        time,
        { actor: actor(c), staffId: c.var.staff.id },
        deps.clock.now(),
      );
      if (answer.status !== 'accepted') throw badRequest('refused', answer.message);
      publishLive(deps, { topic: 'taxi', type: 'ride.changed', hamletId: r.hamletId, data: { bookingId } });
      return `時刻を ${time} に変えました。${answer.message}`;
    });
  },
);

callcentreConsole.post('/residents/:id/away', consoleForm(AwayForm, backWithErrors), async (c) => {
  const { db, clock } = c.var.deps;
  const r = await residentOf(c);
  const f = c.req.valid('form');
  const now = clock.now();
  const members = new Set(
    (
      await db
        .select({ id: residents.id })
        .from(residents)
        .where(eq(residents.householdId, r.householdId))
        .all()
    ).map((m) => m.id),
  );
  if (!f.residentIds.every((id) => members.has(id))) throw notFound('Resident');
  // Leaving today starts now; the return is noon of the day back, as the TV's 留守にします does.
  const from = f.from <= tokyoDate(now) ? now : fromTokyo(f.from);
  const until = fromTokyo(f.until, '12:00');
  return orFlash(c, r.residentId, async () => {
    if (until <= now) throw badRequest('invalid_period', '帰る日は今日より後の日にしてください');
    for (const residentId of f.residentIds)
      await setAwayByStaff(db, { residentId, from, until }, c.var.staff.id, now);
    return `留守を登録しました（${f.residentIds.length}人、${formatJaFullDate(f.until)} 12:00 まで）`;
  });
});

callcentreConsole.post('/residents/:id/away/:aid/end', async (c) => {
  const { db, clock } = c.var.deps;
  const r = await residentOf(c);
  const awayId = idOf(c.req.param('aid'));
  const now = clock.now();
  const memberIds = (
    await db
      .select({ id: residents.id })
      .from(residents)
      .where(eq(residents.householdId, r.householdId))
      .all()
  ).map((m) => m.id);
  // Only an away period of this household, so a forged id cannot end another's.
  if (!(await summariseResidents(db, memberIds, now)).some((w) => w.away.some((a) => a.id === awayId)))
    throw notFound('Away period');
  return orFlash(c, r.residentId, async () => {
    await db.transaction(async (tx) => await endAwayPeriod(tx, awayId, c.var.staff, now));
    return '留守を終えました';
  });
});
