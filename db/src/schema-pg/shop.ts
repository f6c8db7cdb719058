import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, timestamp } from './columns';
import { hamlets, households, residents, staffUsers } from './core';

export const ORDER_STATUSES = [
  'received',
  'preparing',
  'in_transit',
  'at_hall',
  'delivered',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const sellers = pgTable('sellers', {
  id: id(),
  name: text().notNull(),
  kind: text({ enum: ['supermarket', 'drugstore', 'florist', 'other'] }).notNull(),
  /** Commission in basis points of goods sales (1000 = 10 %). */
  commissionBp: integer().notNull().default(1000),
  invoiceRegNo: text(),
  address: text(),
});

export const categories = pgTable('categories', {
  id: id(),
  sellerId: integer()
    .notNull()
    .references(() => sellers.id),
  name: text().notNull(),
  sort: integer().notNull().default(0),
});

/** Prices are tax-inclusive yen with their rate (8 = reduced rate for food, 10 = standard). */
export const products = pgTable(
  'products',
  {
    id: id(),
    sellerId: integer()
      .notNull()
      .references(() => sellers.id),
    categoryId: integer()
      .notNull()
      .references(() => categories.id),
    name: text().notNull(),
    /** Reading in katakana, so staff find a product by how it sounds (null = not yet entered). */
    kana: text(),
    priceYen: integer().notNull(),
    taxRate: integer().notNull(),
    weightG: integer().notNull(),
    unit: text().notNull().default('1点'),
    active: boolean().notNull().default(true),
    /** null = not tracked (always available). */
    stock: integer(),
    maxPerOrder: integer().notNull().default(10),
    /** Picture path under the TV app (null = the TV shows a placeholder). */
    imageUrl: text(),
    /** False for goods that may not fly (e.g. potted flowers): the parcel goes by car. */
    airEligible: boolean().notNull().default(true),
  },
  (t) => [index('products_category_idx').on(t.categoryId)],
);

export const orders = pgTable(
  'orders',
  {
    id: id(),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    residentId: integer().references(() => residents.id),
    hamletId: integer()
      .notNull()
      .references(() => hamlets.id),
    channel: text({ enum: ['tv', 'call_centre'] }).notNull(),
    placedByStaffId: integer().references(() => staffUsers.id),
    idempotencyKey: text().notNull(),
    status: text({ enum: ORDER_STATUSES }).notNull(),
    /** Tokyo date of delivery, from the cut-off calendar at order time. */
    deliveryDate: text().notNull(),
    totalYen: integer().notNull(),
    weightG: integer().notNull(),
    deliveryMode: text({ enum: ['drone', 'car'] }),
    /** Why the parcel goes by car (shown to the resident). */
    deliveryModeReason: text(),
    /** Set when the store has packed the parcel; the drone base plans only packed parcels. */
    packedAt: timestamp(),
    createdAt: createdAt(),
    updatedAt: timestamp().notNull(),
  },
  (t) => [
    uniqueIndex('orders_idempotency_uq').on(t.householdId, t.idempotencyKey),
    index('orders_delivery_idx').on(t.deliveryDate, t.status),
    index('orders_household_idx').on(t.householdId, t.createdAt),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    productId: integer()
      .notNull()
      .references(() => products.id),
    sellerId: integer()
      .notNull()
      .references(() => sellers.id),
    name: text().notNull(),
    unitPriceYen: integer().notNull(),
    taxRate: integer().notNull(),
    qty: integer().notNull(),
    weightG: integer().notNull(),
    /** Quantity the store could not supply (not charged). */
    missingQty: integer().notNull().default(0),
    /** Set when the store has picked the line. */
    pickedAt: timestamp(),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId)],
);

/** Every status change of an order, with time and actor. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: id(),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    at: timestamp().notNull(),
    status: text().notNull(),
    actorType: text({ enum: ['staff', 'device', 'system'] }).notNull(),
    actorId: integer(),
    note: text(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

export const favourites = pgTable(
  'favourites',
  {
    householdId: integer()
      .notNull()
      .references(() => households.id),
    productId: integer()
      .notNull()
      .references(() => products.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.productId] })],
);

export const HANDOVER_OUTCOMES = ['handed', 'concern', 'absent'] as const;
export type HandoverOutcome = (typeof HANDOVER_OUTCOMES)[number];

/**
 * Each attempt of a support worker to hand a parcel over in person. 'absent' (不在) and 'concern'
 * (気になる) are kept for the watching feature; only 'handed' and 'concern' deliver the order.
 */
export const handovers = pgTable(
  'handovers',
  {
    id: id(),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    householdId: integer()
      .notNull()
      .references(() => households.id),
    /** Who received the parcel, when known. */
    residentId: integer().references(() => residents.id),
    staffId: integer()
      .notNull()
      .references(() => staffUsers.id),
    at: timestamp().notNull(),
    outcome: text({ enum: HANDOVER_OUTCOMES }).notNull(),
    note: text(),
  },
  (t) => [
    index('handovers_order_idx').on(t.orderId),
    index('handovers_household_idx').on(t.householdId, t.at),
  ],
);

/** Runtime-editable shop rules (one row, id 1); absent = the defaults in server/src/shop. */
export const shopSettings = pgTable('shop_settings', {
  id: integer().primaryKey(),
  /** DeliveryCalendarSettings (cut-off, weekdays, holidays, closed/open dates). */
  calendar: jsonb().$type<Record<string, unknown>>().notNull(),
  /** Heaviest order that can be delivered at all (car and a volunteer carrying it). */
  maxOrderWeightG: integer().notNull(),
  maxLinesPerOrder: integer().notNull(),
  updatedAt: timestamp().notNull(),
});

/**
 * The household's cart, kept on the server so it survives the TV being switched off. One row per
 * product ever touched: qty 0 is kept as a tombstone so that its `seq` still refuses an older write
 * that arrives late. `seq` is the client's sequence number of the write that set the row; a write
 * is applied only when its seq is greater (the last press wins, whatever order requests arrive in).
 */
export const cartLines = pgTable(
  'cart_lines',
  {
    householdId: integer()
      .notNull()
      .references(() => households.id),
    productId: integer()
      .notNull()
      .references(() => products.id),
    qty: integer().notNull(),
    // The client may send any safe integer (e.g. a clock), beyond PostgreSQL's 4-byte integer.
    seq: bigint({ mode: 'number' }).notNull(),
    updatedAt: timestamp().notNull(),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.productId] })],
);
