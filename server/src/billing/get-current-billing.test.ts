import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context';
import { DEFAULT_BILLING_SETTINGS } from './billing-settings';
import { getCurrentBilling } from './get-current-billing';
import { addCharge } from './testing';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ now: '2026-11-20T03:00:00Z' });
});
afterEach(() => ctx.close());

const at = Date.parse('2026-11-19T01:00:00Z');

function addOrder(householdId: number, status: string, totalYen: number): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO orders (household_id, hamlet_id, channel, idempotency_key, status, delivery_date, total_yen,
         weight_g, created_at, updated_at)
       VALUES (?, (SELECT hamlet_id FROM households WHERE id = ?), 'tv', ?, ?, '2026-11-21', ?, 500, ?, ?)`,
    )
    .run(householdId, householdId, `k-${Math.random()}`, status, totalYen, at, at);
}

function addRide(householdId: number, status: string, fares: Record<string, number>): void {
  const resident = ctx.sqlite
    .prepare<[number], number>('SELECT id FROM residents WHERE household_id = ? LIMIT 1')
    .pluck()
    .get(householdId)!;
  const vehicle = ctx.sqlite.prepare<[], number>('SELECT id FROM vehicles LIMIT 1').pluck().get()!;
  ctx.sqlite
    .prepare(
      `INSERT INTO taxi_bookings (household_id, resident_id, rider_ids, passengers, channel, idempotency_key,
         service_date, time_kind, requested_time, pickup_label, pickup_lat, pickup_lon, dropoff_label, dropoff_lat,
         dropoff_lon, vehicle_id, pickup_from, pickup_to, expected_arrival, latest_arrival, planned_pickup_at,
         planned_dropoff_at, direct_minutes, fares, status, created_at)
       VALUES (?, ?, ?, 1, 'tv', ?, '2026-11-21', 'arrive_by', '10:00', '自宅', 35.8, 138.0, '病院', 35.8, 138.0,
         ?, ?, ?, ?, ?, ?, ?, 10, ?, ?, ?)`,
    )
    .run(
      householdId,
      resident,
      JSON.stringify([resident]),
      `r-${Math.random()}`,
      vehicle,
      at,
      at,
      at,
      at,
      at,
      at,
      JSON.stringify(fares),
      status,
      at,
    );
}

describe('getCurrentBilling', () => {
  it('counts the monthly fee before the close writes it, from the billing settings', () => {
    addCharge(ctx.sqlite, { householdId: 1, kind: 'ride', amountYen: 500, month: '2026-11' });
    const b = getCurrentBilling(ctx.sqlite, 1, ctx.clock.now(), {
      ...DEFAULT_BILLING_SETTINGS,
      membership: { feeYen: 1200, chargeJoiningMonth: true },
    });
    expect(b.membership).toBe(1200);
    expect(b.runningTotal).toBe(1700);
  });

  it('shows no fee to a household that is not a member, nor before its first billed month', () => {
    ctx.sqlite.prepare('UPDATE households SET shop_member_since = NULL WHERE id = 1').run();
    ctx.sqlite.prepare("UPDATE households SET shop_member_since = '2026-11-05' WHERE id = 2").run();
    expect(getCurrentBilling(ctx.sqlite, 1, ctx.clock.now()).membership).toBe(0);
    const late = { ...DEFAULT_BILLING_SETTINGS, membership: { feeYen: 1000, chargeJoiningMonth: false } };
    expect(getCurrentBilling(ctx.sqlite, 2, ctx.clock.now(), late).membership).toBe(0);
    expect(getCurrentBilling(ctx.sqlite, 2, ctx.clock.now()).membership).toBe(1000);
  });

  it('does not count the fee twice once the close has written it', () => {
    ctx.sqlite
      .prepare(
        `INSERT INTO charges (household_id, kind, source_key, description, amount_yen, tax_rate, occurred_at, month, created_at)
         VALUES (1, 'membership', 'membership:1:2026-11', '月会費', 1000, 10, ?, '2026-11', ?)`,
      )
      .run(at, at);
    const b = getCurrentBilling(ctx.sqlite, 1, ctx.clock.now());
    expect(b.membership).toBe(1000);
    expect(b.runningTotal).toBe(1000);
  });

  it('names the debit date: the debit day of next month, moved to a bank business day', () => {
    // 2026-12-27 is a Sunday: the bank debits on Monday the 28th.
    expect(getCurrentBilling(ctx.sqlite, 1, ctx.clock.now()).debitDate).toBe('2026-12-28');
    const b = getCurrentBilling(ctx.sqlite, 1, ctx.clock.now(), {
      ...DEFAULT_BILLING_SETTINGS,
      debitDay: 10,
    });
    expect(b.debitDate).toBe('2026-12-10');
  });

  it('lists undelivered orders and rides to come apart from the total; cancelled and delivered ones not', () => {
    addOrder(1, 'received', 892);
    addOrder(1, 'at_hall', 300);
    addOrder(1, 'cancelled', 5000);
    addOrder(1, 'delivered', 700);
    addOrder(2, 'received', 999);
    addRide(1, 'booked', { '1': 500, '2': 500 });
    addRide(1, 'cancelled', { '1': 500 });
    addRide(1, 'arrived', { '1': 500 });
    const b = getCurrentBilling(ctx.sqlite, 1, ctx.clock.now());
    expect(b.planned).toEqual({ orders: { count: 2, yen: 1192 }, rides: { count: 1, yen: 1000 } });
    // Only charges (and the fee) are in the total: a booking is not a charge until it happens.
    expect(b.runningTotal).toBe(1000);
  });
});
