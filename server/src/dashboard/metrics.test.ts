import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import {
  addAlert,
  addCharge,
  addDebit,
  addOrder,
  addReminderDue,
  addRide,
} from '../../../test/helpers/dashboard-rows';
import { fromTokyo } from '../lib/tokyo';
import { countFailedDebits, sumRevenue } from './billing';
import { countHouseholds } from './households';
import { lastPeriods, type Figure } from './range';
import { countDeliveries, countOrders } from './shop';
import { countRides } from './taxi';
import { countAlerts, countReminders } from './watch';

// Monday 2026-11-23 09:00 in Tokyo: the current week is 11-23, the one before 11-16.
const NOW = '2026-11-23T00:00:00Z';
let ctx: TestContext;
afterEach(() => ctx?.close());

const weeks = (hamletId: number | null = null) => lastPeriods('week', 12, ctx.clock.now(), hamletId);
/** The last two weeks of a series: [week of 11-16, week of 11-23]. */
const lastTwo = (figures: Figure[], id: string, label: string) =>
  figures
    .find((f) => f.id === id)!
    .series.find((s) => s.label === label)!
    .values.slice(-2);

describe('lastPeriods', () => {
  it('gives twelve Monday weeks or twelve months, oldest first, labelled in Japanese', async () => {
    ctx = await createTestContext({ now: NOW, seed: false });
    const w = weeks();
    expect(w.periods).toHaveLength(12);
    expect(w.periods.at(-1)).toEqual({
      key: '2026-11-23',
      label: '11月23日の週',
      from: '2026-11-23',
      to: '2026-11-30',
    });
    expect(w.periods[0]!.key).toBe('2026-09-07');
    const m = lastPeriods('month', 12, ctx.clock.now());
    expect(m.periods[0]).toEqual({
      key: '2025-12',
      label: '2025年12月',
      from: '2025-12-01',
      to: '2026-01-01',
    });
    expect(m.periods.at(-1)!.label).toBe('2026年11月');
    expect(m.to).toEqual(fromTokyo('2026-12-01'));
  });
});

describe('city dashboard figures', () => {
  it('counts registered households and shopping members at each period end', async () => {
    ctx = await createTestContext({ now: NOW });
    const [f] = await countHouseholds(ctx.db, weeks(), ctx.clock.now());
    expect(f!.series[0]!.values.at(-1)).toBe(24);
    expect(f!.series[1]!.values.at(-1)).toBe(24);
    const [one] = await countHouseholds(ctx.db, weeks(1), ctx.clock.now());
    expect(one!.series[0]!.values.at(-1)).toBe(3);
  });

  it('counts orders and supplied items by delivery week, without cancelled orders or missing items', async () => {
    ctx = await createTestContext({ now: NOW });
    await addOrder(ctx.db, {
      householdId: 1,
      deliveryDate: '2026-11-17',
      lines: [
        [2, 0],
        [3, 1],
      ],
    });
    await addOrder(ctx.db, { householdId: 4, deliveryDate: '2026-11-18', mode: 'car', reason: '重量超過' });
    await addOrder(ctx.db, { householdId: 4, deliveryDate: '2026-11-18', status: 'cancelled' });
    await addOrder(ctx.db, {
      householdId: 7,
      deliveryDate: '2026-11-23',
      status: 'at_hall',
      mode: 'car',
      reason: '強風',
    });
    await addOrder(ctx.db, { householdId: 7, deliveryDate: '2026-11-24', status: 'received', mode: null });
    const orders = await countOrders(ctx.db, weeks(), ctx.clock.now());
    expect(lastTwo(orders, 'orders', '注文')).toEqual([2, 2]);
    expect(lastTwo(orders, 'orders', '品数')).toEqual([5, 2]);
    expect(lastTwo(await countOrders(ctx.db, weeks(1), ctx.clock.now()), 'orders', '注文')).toEqual([1, 0]);

    const deliveries = await countDeliveries(ctx.db, weeks(), ctx.clock.now());
    expect(lastTwo(deliveries, 'deliveries', 'ドローン')).toEqual([1, 0]);
    expect(lastTwo(deliveries, 'deliveries', '車')).toEqual([1, 1]);
    expect(lastTwo(deliveries, 'car-reasons', '重量超過')).toEqual([1, 0]);
    expect(lastTwo(deliveries, 'car-reasons', '強風')).toEqual([0, 1]);
  });

  it('counts rides, pooling, riders per vehicle-hour and loaded km against each ride alone', async () => {
    ctx = await createTestContext({ now: NOW });
    const date = '2026-11-17';
    // Car 1 carries A and B together for 20 minutes; car 2 carries C alone; D was cancelled.
    await addRide(ctx.db, {
      householdId: 1,
      residentId: 1,
      vehicleId: 1,
      date,
      pickup: ['09:00', 35.8, 138.1],
      dropoff: ['09:30', 35.9, 138.1],
    });
    await addRide(ctx.db, {
      householdId: 2,
      residentId: 2,
      vehicleId: 1,
      date,
      passengers: 2,
      pickup: ['09:10', 35.85, 138.1],
      dropoff: ['09:30', 35.9, 138.1],
    });
    await addRide(ctx.db, {
      householdId: 4,
      residentId: 5,
      vehicleId: 2,
      date,
      pickup: ['10:00', 35.8, 138.1],
      dropoff: ['10:20', 35.8, 138.2],
    });
    await addRide(ctx.db, {
      householdId: 4,
      residentId: 5,
      vehicleId: 2,
      date,
      status: 'cancelled',
      pickup: ['11:00', 35.8, 138.1],
      dropoff: ['11:20', 36.8, 138.2],
    });
    const f = await countRides(ctx.db, weeks(), ctx.clock.now());
    expect(lastTwo(f, 'rides', '乗車')).toEqual([3, 0]);
    expect(lastTwo(f, 'rides', '乗客')).toEqual([4, 0]);
    expect(lastTwo(f, 'pooling', '相乗り率')).toEqual([66.7, 0]);
    // 4 riders over 30 + 20 minutes of service
    expect(lastTwo(f, 'riders-per-hour', '乗客/車両時間')).toEqual([4.8, 0]);
    const degLat = 111.195 * 0.1;
    const degLon = 111.195 * 0.1 * Math.cos((35.8 * Math.PI) / 180);
    const [loaded] = lastTwo(f, 'vehicle-km', '乗客を乗せた走行');
    const [alone] = lastTwo(f, 'vehicle-km', '単独運行の場合');
    expect(loaded).toBeCloseTo(degLat + degLon, 0);
    expect(alone).toBeCloseTo(degLat * 1.5 + degLon, 0);
    // Only hamlet 2's household (ride C) in hamlet 2
    expect(lastTwo(await countRides(ctx.db, weeks(2), ctx.clock.now()), 'rides', '乗車')).toEqual([1, 0]);
  });

  it('counts alerts raised and acknowledged with the median minutes to acknowledgement', async () => {
    ctx = await createTestContext({ now: NOW });
    await addAlert(ctx.db, 1, fromTokyo('2026-11-17', '10:00'), 30);
    await addAlert(ctx.db, 1, fromTokyo('2026-11-18', '10:00'), 10);
    await addAlert(ctx.db, 2, fromTokyo('2026-11-19', '10:00'), null);
    await addAlert(ctx.db, 2, fromTokyo('2026-11-23', '06:00'), 45);
    const f = await countAlerts(ctx.db, weeks(), ctx.clock.now());
    expect(lastTwo(f, 'alerts', '発生')).toEqual([3, 1]);
    expect(lastTwo(f, 'alerts', '応答あり')).toEqual([2, 1]);
    expect(lastTwo(f, 'ack-minutes', '中央値')).toEqual([20, 45]);
  });

  it('counts reminders confirmed, and missed only an hour after they were due', async () => {
    ctx = await createTestContext({ now: NOW });
    await addReminderDue(ctx.db, 1, fromTokyo('2026-11-17', '08:00'), 5);
    await addReminderDue(ctx.db, 1, fromTokyo('2026-11-18', '08:00'), null);
    await addReminderDue(ctx.db, 1, fromTokyo('2026-11-23', '07:00'), null);
    await addReminderDue(ctx.db, 1, fromTokyo('2026-11-23', '08:30'), null); // 30 minutes ago: still open
    await addReminderDue(ctx.db, 1, fromTokyo('2026-11-23', '12:00'), null); // not due yet
    const f = await countReminders(ctx.db, weeks(), ctx.clock.now());
    expect(lastTwo(f, 'reminders', '確認済み')).toEqual([1, 0]);
    expect(lastTwo(f, 'reminders', '未確認')).toEqual([1, 1]);
  });

  it('sums revenue without carry-overs, the goods commission, and failed debits', async () => {
    ctx = await createTestContext({ now: NOW });
    await addCharge(ctx.db, {
      householdId: 1,
      kind: 'goods',
      yen: 1000,
      at: fromTokyo('2026-11-17', '12:00'),
    });
    await addCharge(ctx.db, { householdId: 1, kind: 'ride', yen: 300, at: fromTokyo('2026-11-18', '12:00') });
    await addCharge(ctx.db, {
      householdId: 1,
      kind: 'carry_over',
      yen: 500,
      at: fromTokyo('2026-11-18', '12:00'),
    });
    await addCharge(ctx.db, {
      householdId: 4,
      kind: 'membership',
      yen: 550,
      at: fromTokyo('2026-11-23', '00:00'),
    });
    const rev = await sumRevenue(ctx.db, weeks(), ctx.clock.now());
    expect(lastTwo(rev, 'revenue', '売上（税込）')).toEqual([1300, 550]);
    expect(lastTwo(rev, 'revenue', '手数料')).toEqual([100, 0]);
    expect(lastTwo(await sumRevenue(ctx.db, weeks(2), ctx.clock.now()), 'revenue', '売上（税込）')).toEqual([
      0, 550,
    ]);

    await addDebit(ctx.db, {
      householdId: 1,
      yen: 2000,
      status: 'failed',
      resultAt: fromTokyo('2026-11-18', '15:00'),
    });
    await addDebit(ctx.db, {
      householdId: 2,
      yen: 3000,
      status: 'paid',
      resultAt: fromTokyo('2026-11-18', '15:00'),
    });
    const debits = await countFailedDebits(ctx.db, weeks(), ctx.clock.now());
    expect(lastTwo(debits, 'failed-debits', '振替不能')).toEqual([1, 0]);
    expect(lastTwo(debits, 'failed-debit-yen', '振替不能額')).toEqual([2000, 0]);
  });
});
