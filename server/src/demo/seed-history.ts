import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db, Sqlite } from '../../../db/src';
import * as s from '../../../db/src/schema';
import { closeMonth } from '../billing/close-month';
import { monthsDue } from '../billing/close-order';
import { getBillingSettings } from '../billing/billing-settings';
import { exportDebitBatch, getDebitFile } from '../billing/export-debit-batch';
import { importDebitResult } from '../billing/import-debit-result';
import { readDebitFile } from '../billing/zengin/read-debit-file';
import { simulateBankResult } from '../billing/zengin/simulate-bank-result';
import type { ResultCode } from '../billing/zengin/types';
import { recordDailyInspection } from '../drone/record-daily-inspection';
import { landFlight } from '../drone/land-flight';
import { launchFlight } from '../drone/launch-flight';
import { moveCarParcels } from '../drone/move-car-parcels';
import { planDeliveryDay } from '../drone/plan-delivery-day';
import { recordWeatherCheck } from '../drone/record-weather-check';
import { returnFlight } from '../drone/return-flight';
import { systemActor, type Actor } from '../lib/audit';
import { AppError } from '../lib/errors';
import { Random } from '../lib/random';
import type { StaffAuth } from '../lib/router';
import { addDays, formatJaDate, formatJaDateTime, fromTokyo, tokyoDate } from '../lib/tokyo';
import { enqueueMail } from '../mail/outbox';
import { packOrder } from '../shop/pack-order';
import { pickLine } from '../shop/pick-line';
import { placeOrder } from '../shop/place-order';
import { recordHandover } from '../shop/record-handover';
import { startPicking } from '../shop/start-picking';
import { bookTaxi } from '../taxi/book-taxi';
import { recordRideEvent } from '../taxi/record-ride-event';
import { formatTokyoJa } from '../watch/detector/describe-reason';
import { PRESENCE_KEY, PRESENCE_LIFE, PRESENCE_TV, SLOT_MS } from '../watch/record-life-sign';
import { createReminder } from '../watch/reminders';

export interface SeedHistoryOptions {
  weeks: number;
  /** One seed for the whole history: the same seed and `now` give byte-identical rows. */
  seed?: number;
}

export interface HistorySummary {
  days: number;
  orders: number;
  flights: number;
  rides: number;
  alerts: number;
  closedMonths: string[];
  ms: number;
}

export const DEFAULT_HISTORY_SEED = 20261203;
const MIN = 60_000;

/** A Tokyo wall-clock instant: minutes after midnight of `date`. */
const at = (date: string, minutes: number) => new Date(fromTokyo(date).getTime() + minutes * MIN);
const hm = (h: number, m = 0) => h * 60 + m;

/** The real business functions refuse what the rules refuse; a refused step is simply not history. */
async function attempt<T>(fn: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) return undefined;
    throw err;
  }
}

const CALM = {
  groundWindTakeoffMps: 2,
  groundWindLandingMps: 1.5,
  bands: [
    { fromM: 0, toM: 50, windMps: 2.5 },
    { fromM: 50, toM: 150, windMps: 3.8 },
  ],
  rain: false,
};
const ALL_OK = Object.fromEntries(
  [
    'airframe',
    'propellers',
    'frame',
    'comms',
    'propulsion',
    'power',
    'autopilot',
    'controller',
    'battery',
  ].map((k) => [k, 'ok']),
) as Parameters<typeof recordDailyInspection>[2]['results'];

const RIDE_PLACES = [
  '長谷診療所',
  '高遠内科クリニック',
  '高遠食彩館（スーパー）',
  'はせ薬局',
  '長谷総合支所',
  '伊那中央病院',
];
const RIDE_TIMES = ['09:00', '09:30', '10:00', '10:30', '11:00', '13:00'];
const CONCERN_NOTES = ['足を引きずっていた', '少し元気がなかった', '咳をしていた'];

/**
 * Weeks of plausible history before `now`, for the demo only: residents order on the TV, the store
 * picks, the drone base flies (or sends the car when it rains, blows or a parcel is too heavy),
 * support workers hand over, residents ride the shared taxi, watched residents live their days,
 * a few alerts are raised and answered, and every month that has ended is closed by the real close.
 * Runs the product's own functions with simulated times, so the history obeys the same rules.
 */
export async function seedHistory(
  db: Db,
  sqlite: Sqlite,
  now: Date,
  opts: SeedHistoryOptions,
): Promise<HistorySummary> {
  const started = performance.now();
  const summary: HistorySummary = {
    days: 0,
    orders: 0,
    flights: 0,
    rides: 0,
    alerts: 0,
    closedMonths: [],
    ms: 0,
  };
  if (opts.weeks <= 0) return summary;
  const rng = new Random(opts.seed ?? DEFAULT_HISTORY_SEED);
  const today = tokyoDate(now);
  const first = addDays(today, -opts.weeks * 7);

  await db.transaction(async (tx) => {
    const h = await new History(tx as unknown as Db, sqlite, rng, now).load();
    await h.enrol(first, opts.weeks);
    await h.startReminders(first);
    for (let date = first; date < today; date = addDays(date, 1)) {
      await h.shopDay(date);
      await h.taxiDay(date);
      summary.days++;
    }
    await h.watchDays(first, today);
    summary.orders = h.orders;
    summary.flights = h.flights;
    summary.rides = h.rides;
    summary.alerts = h.alerts;
  });

  const settings = await getBillingSettings(db);
  for (const month of monthsDue(sqlite, now)) {
    await closeMonth(db, month, now, settings);
    // The operator exports the 口座振替 request right after the close, so the debit data is real too.
    const batch = await attempt(() => exportDebitBatch(sqlite, month, now, settings));
    // The bank's answer came back two days after the debit day, with two accounts short of funds.
    const answered = batch && addDays(batch.debitDate, 2);
    if (answered && answered < today) {
      const request = getDebitFile(sqlite, month);
      const records = readDebitFile(request, { kind: 'request' }).records;
      const failed = new Map<string, ResultCode>();
      for (let k = 0; k < Math.min(2, records.length); k++) failed.set(rng.one(records).customerNumber, 1);
      await attempt(() =>
        importDebitResult(sqlite, simulateBankResult(request, failed), at(answered, hm(10))),
      );
    }
    summary.closedMonths.push(month);
  }
  // Everything above happened in the past: its mail went out then, not at the next start.
  sqlite
    .prepare(
      `UPDATE mail_outbox SET state = 'sent', attempts = 1, sent_at = created_at + 60000, claimed_at = created_at
       WHERE sent_at IS NULL AND created_at <= ?`,
    )
    .run(now.getTime());
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

type Staff = typeof s.staffUsers.$inferSelect;

class History {
  orders = 0;
  flights = 0;
  rides = 0;
  alerts = 0;
  staff!: Staff[];
  households!: (typeof s.households.$inferSelect)[];
  residents!: (typeof s.residents.$inferSelect)[];
  products!: (typeof s.products.$inferSelect)[];
  /** Everyday goods; a heavy order (rice, water) is the exception that goes by car. */
  light!: (typeof s.products.$inferSelect)[];
  drones!: (typeof s.drones.$inferSelect)[];
  places!: Map<string, number>;
  watched!: number[];
  readonly reminders: { id: number; residentId: number; time: number }[] = [];
  /** The Tokyo date each household joined engawa (its box was installed). */
  readonly enrolledOn = new Map<number, string>();
  /** The Tokyo date each household's shopping membership began. */
  readonly memberOn = new Map<number, string>();

  constructor(
    readonly db: Db,
    readonly sqlite: Sqlite,
    readonly rng: Random,
    readonly now: Date,
  ) {}

  /** Reads what the history is made from (the seeded demo core). */
  async load(): Promise<this> {
    const db = this.db;
    this.staff = await db.select().from(s.staffUsers).orderBy(asc(s.staffUsers.id)).all();
    this.households = await db.select().from(s.households).orderBy(asc(s.households.id)).all();
    this.residents = await db.select().from(s.residents).orderBy(asc(s.residents.id)).all();
    this.products = await db
      .select()
      .from(s.products)
      .where(and(eq(s.products.active, true), isNull(s.products.stock)))
      .orderBy(asc(s.products.id))
      .all();
    this.light = this.products.filter((p) => p.weightG < 1500);
    this.drones = await db.select().from(s.drones).orderBy(asc(s.drones.id)).all();
    this.places = new Map((await db.select().from(s.places).all()).map((p) => [p.name, p.id]));
    this.watched = (
      await db
        .select({ id: s.watchSettings.residentId })
        .from(s.watchSettings)
        .where(eq(s.watchSettings.enabled, true))
        .orderBy(asc(s.watchSettings.residentId))
        .all()
    ).map((r) => r.id);
    return this;
  }

  /**
   * A service grows: most households joined before the history starts (those of watched residents
   * with a daily reminder among them), the others one by one over the weeks. Nobody orders, rides
   * or is watched before joining, so the enrolment chart and the activity agree.
   */
  async enrol(first: string, weeks: number): Promise<void> {
    const { rng } = this;
    const watchedHouseholds = new Set(
      this.residents.filter((r) => this.watched.slice(0, 4).includes(r.id)).map((r) => r.householdId),
    );
    for (const hh of this.households) {
      const early = watchedHouseholds.has(hh.id) || rng.chance(0.35);
      const date = early ? addDays(first, -rng.int(1, 150)) : addDays(first, rng.int(0, weeks * 7 - 2));
      this.enrolledOn.set(hh.id, date);
      // Shopping is signed up for separately, the same day or after trying the box for a while.
      const member = rng.chance(0.5) ? date : addDays(date, rng.int(3, 24));
      this.memberOn.set(hh.id, member);
      const createdAt = at(date, hm(10) + rng.int(0, 360));
      await this.db
        .update(s.households)
        .set({ createdAt, shopMemberSince: member })
        .where(eq(s.households.id, hh.id))
        .run();
      await this.db.update(s.residents).set({ createdAt }).where(eq(s.residents.householdId, hh.id)).run();
    }
  }

  /** Households that had joined before `date` (a box installed today is used from tomorrow). */
  householdsOn(date: string): (typeof s.households.$inferSelect)[] {
    return this.households.filter((h) => this.enrolledOn.get(h.id)! < date);
  }

  /** Whether a resident's household had joined before `date`. */
  residentOn(residentId: number, date: string): boolean {
    const householdId = this.residents.find((r) => r.id === residentId)!.householdId;
    return this.enrolledOn.get(householdId)! < date;
  }

  login(loginId: string): Staff {
    return this.staff.find((x) => x.loginId === loginId)!;
  }

  auth(st: Staff): StaffAuth & Actor {
    return {
      type: 'staff',
      id: st.id,
      role: st.role,
      name: st.name,
      hamletId: st.hamletId,
      sellerId: st.sellerId,
    };
  }

  /** The support worker of a hamlet, or the city staff where the hamlet has none. */
  handoverStaff(hamletId: number): Staff {
    return (
      this.staff.find((x) => x.role === 'support_worker' && x.hamletId === hamletId) ?? this.login('city')
    );
  }

  /** Orders placed on the TV before the cut-off, picked, packed, flown or driven, handed over. */
  async shopDay(date: string): Promise<void> {
    const { db, rng } = this;
    const count = rng.int(2, 5);
    for (let i = 0; i < count; i++) {
      const hh = rng.one(this.householdsOn(date).filter((h) => this.memberOn.get(h.id)! < date));
      const heavy = rng.chance(0.08);
      const lines = heavy
        ? [{ productId: rng.one(this.products.filter((p) => p.weightG >= 1500)).id, qty: 3 }]
        : Array.from({ length: rng.int(1, 4) }, () => ({
            productId: rng.one(this.light).id,
            qty: rng.int(1, 2),
          }));
      const unique = [...new Map(lines.map((l) => [l.productId, l])).values()];
      const byPhone = rng.chance(0.2);
      const placed = await attempt(
        async () =>
          await placeOrder(
            db,
            { idempotencyKey: `demo-history-${date}-${i}`, lines: unique },
            byPhone
              ? {
                  householdId: hh.id,
                  channel: 'call_centre',
                  actor: this.auth(this.login('callcentre')),
                  staffId: this.login('callcentre').id,
                }
              : { householdId: hh.id, channel: 'tv', actor: { type: 'device', id: hh.id } },
            at(date, hm(7, 30) + rng.int(0, 180)),
          ),
      );
      if (placed) this.orders++;
    }

    await startPicking(db, at(date, hm(11, 1)));
    await attempt(async () => await planDeliveryDay(db, date, systemActor, at(date, hm(11, 2))));
    const due = await db
      .select()
      .from(s.orders)
      .where(and(eq(s.orders.deliveryDate, date), eq(s.orders.status, 'preparing')))
      .orderBy(asc(s.orders.id))
      .all();
    let t = hm(11, 10);
    for (const o of due) {
      const lines = await db
        .select()
        .from(s.orderLines)
        .where(eq(s.orderLines.orderId, o.id))
        .orderBy(asc(s.orderLines.id))
        .all();
      for (const l of lines) {
        const store = this.staff.find((x) => x.role === 'store_staff' && x.sellerId === l.sellerId)!;
        const missing = l.qty >= 2 && rng.chance(0.06) ? 1 : 0;
        await attempt(
          async () => await pickLine(db, l.id, { missingQty: missing }, this.auth(store), at(date, (t += 1))),
        );
      }
      await attempt(
        async () => await packOrder(db, o.id, this.auth(this.login('store')), at(date, (t += 2))),
      );
    }
    if (due.length === 0) return;
    await this.flyDay(date);
    await this.handoverDay(date);
  }

  /** The drone base's afternoon: inspections, the weather decision, each flight launched, landed and back. */
  async flyDay(date: string): Promise<void> {
    const { db, rng } = this;
    const pilot = this.auth(this.login('drone'));
    for (const d of this.drones) {
      await attempt(
        async () =>
          await recordDailyInspection(
            db,
            d.id,
            { date, place: 'ドローンポート', results: ALL_OK },
            pilot,
            at(date, hm(12, 0)),
          ),
      );
    }
    const weather = rng.pick([
      ['calm', 80],
      ['rain', 10],
      ['wind', 10],
    ] as const);
    const input =
      weather === 'rain'
        ? { ...CALM, rain: true }
        : weather === 'wind'
          ? { ...CALM, groundWindLandingMps: 6.5, bands: [{ fromM: 0, toM: 150, windMps: 7.5 }] }
          : CALM;
    let checkedAt = hm(12, 20);
    await attempt(async () => await recordWeatherCheck(db, date, input, pilot, at(date, checkedAt)));

    const flights = await db
      .select()
      .from(s.droneFlights)
      .where(and(eq(s.droneFlights.deliveryDate, date), eq(s.droneFlights.status, 'planned')))
      .orderBy(asc(s.droneFlights.plannedDepartAt), asc(s.droneFlights.id))
      .all();
    const free = new Map<number, number>();
    for (const f of flights) {
      let t = Math.max(hm(12, 30), free.get(f.droneId) ?? 0);
      if (t - checkedAt > 50) {
        checkedAt = t - 5;
        await attempt(async () => await recordWeatherCheck(db, date, CALM, pilot, at(date, checkedAt)));
      }
      if (
        !(await attempt(
          async () => await launchFlight(db, f.id, { pilotLicenceNo: '0123456789' }, pilot, at(date, t)),
        ))
      )
        continue;
      const outbound = rng.int(9, 14);
      await attempt(async () => await landFlight(db, f.id, pilot, at(date, (t += outbound))));
      await attempt(async () => await returnFlight(db, f.id, {}, pilot, at(date, (t += outbound + 4))));
      free.set(f.droneId, t + 20);
      this.flights++;
    }

    // Parcels the drone cannot carry (weather, weight, goods that may not fly) go by kei car.
    const carHalls = await db
      .selectDistinct({ hamletId: s.orders.hamletId })
      .from(s.orders)
      .where(
        and(
          eq(s.orders.deliveryDate, date),
          eq(s.orders.deliveryMode, 'car'),
          eq(s.orders.status, 'preparing'),
        ),
      )
      .orderBy(asc(s.orders.hamletId))
      .all();
    for (const { hamletId } of carHalls) {
      await attempt(
        async () => await moveCarParcels(db, date, hamletId, 'dispatch', pilot, at(date, hm(13, 30))),
      );
      await attempt(
        async () => await moveCarParcels(db, date, hamletId, 'arrive', pilot, at(date, hm(14, 10))),
      );
    }
  }

  /** At the hall: most parcels handed over, a few 気になる, a few 不在 and handed later. */
  async handoverDay(date: string): Promise<void> {
    const { db, rng } = this;
    const waiting = (
      await db.select().from(s.orders).where(eq(s.orders.deliveryDate, date)).orderBy(asc(s.orders.id)).all()
    ).filter((o) => o.status === 'at_hall' || (o.status === 'in_transit' && o.deliveryMode === 'car'));
    let t = hm(14, 30);
    for (const o of waiting) {
      const worker = this.auth(this.handoverStaff(o.hamletId));
      const roll = rng.next();
      if (roll < 0.06) {
        await attempt(
          async () => await recordHandover(db, o.id, { outcome: 'absent' }, worker, at(date, (t += 4))),
        );
        await attempt(
          async () =>
            await recordHandover(
              db,
              o.id,
              { outcome: 'handed' },
              worker,
              at(date, hm(17, 30) + rng.int(0, 40)),
            ),
        );
      } else if (roll < 0.12) {
        const note = rng.one(CONCERN_NOTES);
        await attempt(
          async () =>
            await recordHandover(db, o.id, { outcome: 'concern', note }, worker, at(date, (t += 4))),
        );
      } else {
        await attempt(
          async () => await recordHandover(db, o.id, { outcome: 'handed' }, worker, at(date, (t += 4))),
        );
      }
    }
  }

  /** Same-day bookings in the morning, some shared by neighbours, then the drivers' taps. */
  async taxiDay(date: string): Promise<void> {
    const { db, rng } = this;
    const booked: number[] = [];
    const count = rng.int(2, 5);
    for (let i = 0; i < count; i++) {
      const joined = new Set(this.householdsOn(date).map((x) => x.id));
      const r = rng.one(this.residents.filter((x) => joined.has(x.householdId)));
      const hh = this.households.find((x) => x.id === r.householdId)!;
      const placeId = this.places.get(rng.one(RIDE_PLACES));
      if (placeId === undefined) continue;
      const time = rng.one(RIDE_TIMES);
      const riders = [r];
      // A neighbour of the same hamlet going the same way: the dispatcher pools them.
      const neighbour = rng.chance(0.4)
        ? this.residents.find((x) => {
            const xh = this.households.find((y) => y.id === x.householdId)!;
            return xh.hamletId === hh.hamletId && xh.id !== hh.id && x.id > r.id && joined.has(xh.id);
          })
        : undefined;
      if (neighbour) riders.push(neighbour);
      for (const [k, rider] of riders.entries()) {
        const home = this.households.find((x) => x.id === rider.householdId)!;
        const answer = await attempt(
          async () =>
            await bookTaxi(
              db,
              {
                idempotencyKey: `demo-history-${date}-${i}-${k}`,
                riderIds: [rider.id],
                companions: 0,
                from: { kind: 'home' },
                to: { kind: 'place', placeId },
                timeKind: 'leave_after',
                time,
              },
              { householdId: home.id, channel: 'tv', actor: { type: 'device', id: home.id } },
              at(date, hm(7, 0) + i * 3 + k),
            ),
        );
        if (answer?.status === 'accepted' && answer.booking) booked.push(answer.booking.id);
      }
    }
    const rows: (typeof s.taxiBookings.$inferSelect)[] = [];
    for (const id of booked)
      rows.push((await db.select().from(s.taxiBookings).where(eq(s.taxiBookings.id, id)).get())!);
    rows.sort((a, b) => a.pickupFrom.getTime() - b.pickupFrom.getTime() || a.id - b.id);
    for (const b of rows) {
      const dv = await db
        .select()
        .from(s.driverVehicles)
        .where(eq(s.driverVehicles.vehicleId, b.vehicleId))
        .get();
      const driver = dv ? this.staff.find((x) => x.id === dv.staffId)! : this.login('city');
      const auth = this.auth(driver);
      if (rng.chance(0.04)) {
        await attempt(
          async () =>
            await recordRideEvent(db, b.id, 'no_show', auth, new Date(b.pickupFrom.getTime() + 12 * MIN)),
        );
        continue;
      }
      const pickedUp = new Date(b.pickupFrom.getTime() + rng.int(0, 8) * MIN);
      if (!(await attempt(async () => await recordRideEvent(db, b.id, 'pickup', auth, pickedUp)))) continue;
      const arrived = new Date(Math.max(b.expectedArrival.getTime(), pickedUp.getTime() + 5 * MIN));
      if (await attempt(async () => await recordRideEvent(db, b.id, 'dropoff', auth, arrived))) this.rides++;
    }
  }

  /** A daily medicine reminder from the first day, so confirmed and missed ones have a past. */
  async startReminders(first: string): Promise<void> {
    const city = this.login('city');
    for (const residentId of this.watched.slice(0, 4)) {
      const time = this.rng.one(['07:30', '12:00', '19:00']);
      await attempt(
        async () =>
          await createReminder(
            this.db,
            { residentId, text: 'お薬の時間です', recurrence: 'daily', time, startDate: first },
            { staffId: city.id },
            at(first, 0),
          ),
      );
      const row = (
        await this.db
          .select()
          .from(s.watchReminders)
          .where(eq(s.watchReminders.residentId, residentId))
          .orderBy(asc(s.watchReminders.id))
          .all()
      ).find((x) => x.startDate === first);
      if (row) {
        const [hh, mm] = time.split(':').map(Number) as [number, number];
        this.reminders.push({ id: row.id, residentId, time: hm(hh, mm) });
      }
    }
    // The families of the first watched residents asked for the daily mail.
    for (const residentId of this.watched.slice(0, 3)) {
      await this.db
        .update(s.watchSettings)
        .set({ dailyMail: true })
        .where(eq(s.watchSettings.residentId, residentId))
        .run();
    }
  }

  /**
   * A day of a watched resident in 15-minute slots: up between 6 and 7, the TV in the morning, at
   * noon and in the evening, bed between 21 and 22, quiet nights. An alert day stays silent all
   * morning until someone answers.
   */
  async watchDays(first: string, today: string): Promise<void> {
    const { db, rng } = this;
    const nowMs = this.now.getTime();
    const insertSlot = this.sqlite.prepare(
      'INSERT INTO watch_presence (resident_id, slot, flags) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET flags = flags | excluded.flags',
    );
    const lastSign = new Map<number, number>();
    const alertDays = new Map<string, number>();
    const days: string[] = [];
    for (let d = first; d <= today; d = addDays(d, 1)) days.push(d);
    for (let k = 0; k < Math.round((days.length - 1) / 5); k++) {
      const day = days[rng.int(0, days.length - 2)]!;
      const present = this.watched.filter((id) => this.residentOn(id, day));
      if (present.length) alertDays.set(`${rng.one(present)}:${day}`, k);
    }
    const city = this.login('city');

    for (const date of days) {
      for (const residentId of this.watched) {
        if (!this.residentOn(residentId, date)) continue;
        const alertKey = `${residentId}:${date}`;
        const alertOn = alertDays.has(alertKey);
        const wake = hm(6) + rng.int(0, 4) * 15;
        const sleep = hm(21) + rng.int(0, 4) * 15;
        // On an alert day the resident was silent until the answer came (e.g. a fall, a late night).
        const silentUntil = alertOn ? hm(12) + rng.int(0, 6) * 15 : 0;
        for (let m = wake; m < sleep; m += 15) {
          if (m < silentUntil) continue;
          const watching = (m < hm(9) && m >= wake + 30) || (m >= hm(11, 30) && m < hm(13)) || m >= hm(18);
          let flags = 0;
          if (watching && rng.chance(0.85)) flags |= PRESENCE_TV;
          if (flags && rng.chance(0.6)) flags |= PRESENCE_KEY;
          if (!watching && rng.chance(0.08)) flags |= PRESENCE_LIFE;
          if (m === wake) flags |= PRESENCE_KEY | PRESENCE_TV;
          const startMs = at(date, m).getTime();
          if (!flags || startMs + SLOT_MS > nowMs) continue;
          insertSlot.run(residentId, Math.floor(startMs / SLOT_MS), flags);
          lastSign.set(residentId, startMs + 10 * MIN);
        }
        if (alertOn && at(date, silentUntil).getTime() < nowMs)
          await this.raiseAlert(residentId, date, wake, silentUntil, city);
        await this.remind(residentId, date, alertOn ? silentUntil : wake);
        if (date < today) await this.dailyMail(residentId, date, at(date, hm(20)));
      }
    }
    for (const [residentId, ms] of lastSign) {
      await db
        .update(s.watchState)
        .set({ lastSignAt: ms, nextCheckAt: null })
        .where(eq(s.watchState.residentId, residentId))
        .run();
    }
  }

  /** An alert opened at 10:30 after a silent morning, answered by the family or a support worker. */
  async raiseAlert(
    residentId: number,
    date: string,
    wake: number,
    answeredAt: number,
    city: Staff,
  ): Promise<void> {
    const { db, rng } = this;
    const since = at(date, wake - 15 - 10 * 60).getTime();
    const opened = at(date, hm(10, 30));
    const resident = this.residents.find((r) => r.id === residentId)!;
    const hh = this.households.find((x) => x.id === resident.householdId)!;
    const worker = this.staff.find((x) => x.role === 'support_worker' && x.hamletId === hh.hamletId);
    const contact = await db
      .select()
      .from(s.familyContacts)
      .where(eq(s.familyContacts.residentId, residentId))
      .orderBy(asc(s.familyContacts.priority))
      .get();
    const ackAt = at(date, Math.min(answeredAt - 5, hm(10, 30) + rng.int(8, 80)));
    const byFamily = contact !== undefined && rng.chance(0.6);
    const escalated = ackAt.getTime() - opened.getTime() > 30 * MIN;
    const hours = Math.floor((opened.getTime() - since) / 3_600_000);
    const alert = await db
      .insert(s.watchAlerts)
      .values({
        residentId,
        condition: 'no_activity',
        reasonCode: 'no_activity',
        reasonJa: `${formatTokyoJa(since)}から${hours}時間、テレビの操作・買い物・タクシーなどの活動がありません。`,
        openedAt: opened,
        step: escalated ? 1 : 0,
        stepAt: escalated ? new Date(opened.getTime() + 30 * MIN) : opened,
        acknowledgedAt: ackAt,
        closedAt: at(date, answeredAt),
        closeReason: 'recovered',
      })
      .returning()
      .get();
    const steps: { tier: string; recipients: string[]; at: Date }[] = [];
    if (contact) steps.push({ tier: 'contact', recipients: [`contact:${contact.id}`], at: opened });
    if (escalated || !contact) {
      const st = worker ?? city;
      steps.push({
        tier: worker ? 'support_worker' : 'city_staff',
        recipients: [`staff:${st.id}`],
        at: new Date(opened.getTime() + (contact ? 30 * MIN : 0)),
      });
    }
    for (const [step, st] of steps.entries()) {
      await db
        .insert(s.watchAlertSteps)
        .values({ alertId: alert.id, step, ...st })
        .run();
      const to = st.recipients[0]!.startsWith('contact:') ? contact!.email : (worker ?? city).email;
      if (to)
        await enqueueMail(
          db,
          {
            dedupeKey: `watch:alert:${alert.id}:${step}`,
            to,
            subject: `【見守り】${resident.name}さんの様子をご確認ください`,
            text: `${alert.reasonJa}\n（${formatJaDateTime(st.at)}）`,
          },
          st.at,
        );
    }
    const action = rng.pick([
      ['reached', 5],
      ['fine', 3],
      ['visiting', 2],
    ] as const);
    if (byFamily) {
      const token = await db
        .insert(s.watchAckTokens)
        .values({
          alertId: alert.id,
          tokenHash: createHash('sha256').update(`demo-history-ack-${alert.id}`).digest('hex'),
          contactId: contact!.id,
          expiresAt: new Date(opened.getTime() + 24 * 60 * MIN),
          createdAt: opened,
        })
        .returning()
        .get();
      await db.insert(s.watchAcks).values({ alertId: alert.id, tokenId: token.id, action, at: ackAt }).run();
    } else {
      await db
        .insert(s.watchAcks)
        .values({ alertId: alert.id, staffId: (worker ?? city).id, action, at: ackAt })
        .run();
    }
    this.alerts++;
  }

  /** The day's medicine reminder: confirmed on the TV within minutes, now and then missed. */
  async remind(residentId: number, date: string, awakeFrom: number): Promise<void> {
    for (const r of this.reminders.filter((x) => x.residentId === residentId)) {
      const due = at(date, r.time);
      if (due.getTime() > this.now.getTime()) continue;
      const missed = r.time < awakeFrom || this.rng.chance(0.07);
      await this.db
        .insert(s.watchReminderOccurrences)
        .values({
          reminderId: r.id,
          residentId,
          dueAt: due,
          confirmedAt: missed ? null : new Date(due.getTime() + this.rng.int(1, 20) * MIN),
          // A missed one was mailed about then; the reminder job must not mail it again now.
          missedMailAt: missed ? new Date(due.getTime() + 30 * MIN) : null,
        })
        .onConflictDoNothing()
        .run();
    }
  }

  /** お元気メール for the families who asked for it, as send-daily-mail writes it. */
  async dailyMail(residentId: number, date: string, sentAt: Date): Promise<void> {
    if (!this.watched.slice(0, 3).includes(residentId)) return;
    const resident = this.residents.find((r) => r.id === residentId)!;
    const contacts = await this.db
      .select()
      .from(s.familyContacts)
      .where(eq(s.familyContacts.residentId, residentId))
      .all();
    for (const c of contacts) {
      await enqueueMail(
        this.db,
        {
          dedupeKey: `watch:daily:${residentId}:${date}:contact:${c.id}`,
          to: c.email,
          subject: `【お元気メール】${resident.name}さん ${formatJaDate(date)}`,
          text: `${c.name} 様\n\n${resident.name}さんは今日もお元気に過ごしています。`,
        },
        sentAt,
      );
    }
  }
}
