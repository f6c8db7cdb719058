/**
 * Rows of history written straight into a seeded database, for the city dashboard's tests: each
 * helper writes the least a figure reads, with the demo's households, residents, seller and cars.
 */
import type { Db } from '../../db/src';
import {
  charges,
  debitBatches,
  debitItems,
  households,
  orderLines,
  orders,
  statements,
  taxiBookings,
  watchAlerts,
  watchReminderOccurrences,
  watchReminders,
} from '../../db/src/schema';
import { eq } from 'drizzle-orm';
import { fromTokyo } from '../../server/src/lib/tokyo';

let seq = 0;
const key = (what: string) => `${what}-${++seq}`;
const MIN = 60_000;

const hamletOf = async (db: Db, householdId: number) =>
  (await db.select({ h: households.hamletId }).from(households).where(eq(households.id, householdId)).get())!
    .h;

export interface OrderRow {
  householdId: number;
  deliveryDate: string;
  status?: 'received' | 'delivered' | 'at_hall' | 'cancelled';
  mode?: 'drone' | 'car' | null;
  reason?: string | null;
  /** Quantity and missing quantity of each line. */
  lines?: [qty: number, missing: number][];
}

export async function addOrder(db: Db, o: OrderRow): Promise<number> {
  const at = fromTokyo(o.deliveryDate, '09:00');
  const { id } = await db
    .insert(orders)
    .values({
      householdId: o.householdId,
      hamletId: await hamletOf(db, o.householdId),
      channel: 'tv',
      idempotencyKey: key('order'),
      status: o.status ?? 'delivered',
      deliveryDate: o.deliveryDate,
      totalYen: 1000,
      weightG: 1000,
      deliveryMode: o.mode === undefined ? 'drone' : o.mode,
      deliveryModeReason: o.reason ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: orders.id })
    .get();
  for (const [qty, missing] of o.lines ?? [[1, 0]])
    await db
      .insert(orderLines)
      .values({
        orderId: id,
        productId: 1,
        sellerId: 1,
        name: '牛乳',
        unitPriceYen: 200,
        taxRate: 8,
        qty,
        weightG: 1000,
        missingQty: missing,
      })
      .run();
  return id;
}

export interface RideRow {
  householdId: number;
  residentId: number;
  vehicleId: number;
  date: string;
  passengers?: number;
  status?: 'arrived' | 'cancelled' | 'no_show';
  /** Tokyo 'HH:MM' and point of the pick-up and the drop-off. */
  pickup: [time: string, lat: number, lon: number];
  dropoff: [time: string, lat: number, lon: number];
}

export async function addRide(db: Db, r: RideRow): Promise<number> {
  const pick = fromTokyo(r.date, r.pickup[0]);
  const drop = fromTokyo(r.date, r.dropoff[0]);
  return (
    await db
      .insert(taxiBookings)
      .values({
        householdId: r.householdId,
        residentId: r.residentId,
        riderIds: [r.residentId],
        passengers: r.passengers ?? 1,
        channel: 'tv',
        idempotencyKey: key('ride'),
        serviceDate: r.date,
        timeKind: 'leave_after',
        requestedTime: r.pickup[0],
        pickupLabel: '自宅',
        pickupLat: r.pickup[1],
        pickupLon: r.pickup[2],
        dropoffLabel: '病院',
        dropoffLat: r.dropoff[1],
        dropoffLon: r.dropoff[2],
        vehicleId: r.vehicleId,
        pickupFrom: pick,
        pickupTo: pick,
        expectedArrival: drop,
        latestArrival: drop,
        plannedPickupAt: pick,
        plannedDropoffAt: drop,
        directMinutes: 10,
        fares: { [r.residentId]: 300 },
        status: r.status ?? 'arrived',
        createdAt: pick,
        pickedUpAt: r.status && r.status !== 'arrived' ? null : pick,
        droppedOffAt: r.status && r.status !== 'arrived' ? null : drop,
      })
      .returning({ id: taxiBookings.id })
      .get()
  ).id;
}

/** An alert opened at `openedAt`, acknowledged `ackMinutes` later (null: never), closed either way. */
export async function addAlert(
  db: Db,
  residentId: number,
  openedAt: Date,
  ackMinutes: number | null,
): Promise<number> {
  return (
    await db
      .insert(watchAlerts)
      .values({
        residentId,
        condition: 'no_activity',
        reasonCode: 'no_activity',
        reasonJa: 'テレビが長く使われていません',
        openedAt,
        stepAt: openedAt,
        acknowledgedAt: ackMinutes === null ? null : new Date(openedAt.getTime() + ackMinutes * MIN),
        closedAt: new Date(openedAt.getTime() + 24 * 60 * MIN),
        closeReason: 'recovered',
      })
      .returning({ id: watchAlerts.id })
      .get()
  ).id;
}

/** One due reminder; `confirmedAfterMinutes` null = never confirmed. */
export async function addReminderDue(
  db: Db,
  residentId: number,
  dueAt: Date,
  confirmedAfterMinutes: number | null,
): Promise<number> {
  const reminder = await db
    .insert(watchReminders)
    .values({
      residentId,
      text: 'お薬を飲みましょう',
      recurrence: 'once',
      time: '08:00',
      startDate: '2026-01-01',
      createdAt: dueAt,
    })
    .returning({ id: watchReminders.id })
    .get();
  return (
    await db
      .insert(watchReminderOccurrences)
      .values({
        reminderId: reminder.id,
        residentId,
        dueAt,
        confirmedAt:
          confirmedAfterMinutes === null ? null : new Date(dueAt.getTime() + confirmedAfterMinutes * MIN),
      })
      .returning({ id: watchReminderOccurrences.id })
      .get()
  ).id;
}

export async function addCharge(
  db: Db,
  c: { householdId: number; kind: 'membership' | 'goods' | 'ride' | 'carry_over'; yen: number; at: Date },
): Promise<void> {
  await db
    .insert(charges)
    .values({
      householdId: c.householdId,
      kind: c.kind,
      sourceKey: key('charge'),
      description: c.kind,
      amountYen: c.yen,
      taxRate: c.kind === 'goods' ? 8 : 10,
      sellerId: c.kind === 'goods' ? 1 : null,
      occurredAt: c.at,
      month: '2026-11',
      createdAt: c.at,
    })
    .run();
}

/** A debit of `yen` that the bank's result file, read at `resultAt`, reported as paid or failed. */
export async function addDebit(
  db: Db,
  d: { householdId: number; yen: number; resultAt: Date; status: 'paid' | 'failed' },
): Promise<void> {
  const month = key('month');
  const statement = await db
    .insert(statements)
    .values({
      householdId: d.householdId,
      month,
      issuedOn: '2026-11-01',
      issuerName: '市',
      issuerRegNo: 'T0000000000000',
      recipientName: '住民',
      cableCustomerNo: `C${seq}`,
      total8: d.yen,
      tax8: 0,
      total10: 0,
      tax10: 0,
      chargesTotal: d.yen,
      carriedOver: 0,
      amountDue: d.yen,
      lineCount: 1,
      createdAt: d.resultAt,
    })
    .returning({ id: statements.id })
    .get();
  const batch = await db
    .insert(debitBatches)
    .values({
      month,
      debitDate: '2026-11-27',
      recordCount: 1,
      totalAmount: d.yen,
      requestFile: Buffer.from(''),
      createdAt: d.resultAt,
      importedAt: d.resultAt,
    })
    .returning({ id: debitBatches.id })
    .get();
  await db
    .insert(debitItems)
    .values({
      batchId: batch.id,
      householdId: d.householdId,
      statementId: statement.id,
      customerNumber: `C${seq}`,
      amount: d.yen,
      newCode: 0,
      status: d.status,
      resultCode: d.status === 'failed' ? 1 : 0,
      resultAt: d.resultAt,
    })
    .run();
}
