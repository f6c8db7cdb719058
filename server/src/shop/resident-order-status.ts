import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/src';
import type { OrderStatus } from '../../../db/src/schema';
import { OrderViewSchema, type OrderView } from './get-order-view';
import { listHouseholdOrders } from './list-household-orders';
import { orderDeadline } from './order-deadline';
import { getShopSettings, type ShopSettings } from './shop-settings';

/**
 * Why an order can no longer be cancelled, in the resident's words, or null while it can. The one
 * home of the rule: the cancel itself refuses with this text, and the TV offers 注文を取り消す only
 * when it is null, so the screen never offers what the server would refuse.
 */
export function cancelRefusal(
  order: { status: OrderStatus; deliveryDate: string },
  settings: ShopSettings,
  now: Date,
): string | null {
  switch (order.status) {
    case 'cancelled':
      return 'この注文は取り消し済みです';
    case 'delivered':
      return 'お届け済みの注文は取り消せません';
    case 'in_transit':
    case 'at_hall':
      return 'もうお届けに出ているので、この注文は取り消せません';
    case 'preparing':
      return 'お店が準備を始めたので、この注文は取り消せません';
    case 'received':
      return now.getTime() >= orderDeadline(order.deliveryDate, settings).getTime()
        ? `締め切り（${settings.calendar.cutoff}）を過ぎたので、この注文は取り消せません`
        : null;
  }
}

const MODE_JA = { drone: 'ドローン', car: '車' } as const;

/**
 * How the parcel travels, in the tense of its status: 「ドローンでお届けします」 before it leaves,
 * 「…運んでいます」 on the way, 「…届きました」 at the hall and 「…お届けしました」 once handed
 * over. A car's cause (「天候のため」) is said only while the parcel is still ahead or on its way.
 * Null when there is nothing to say (not planned yet, or cancelled).
 */
export function deliverySentence(
  status: OrderStatus,
  mode: 'drone' | 'car' | null,
  reason: string | null,
): string | null {
  if (status === 'cancelled') return null;
  if (status === 'delivered')
    return mode ? `${MODE_JA[mode]}でお届けしました。お受け取りになりました` : 'お受け取りになりました';
  if (status === 'at_hall')
    return `${mode ? `${MODE_JA[mode]}で` : ''}公民館に届きました。公民館でお受け取りください`;
  if (!mode) return null;
  // While the car is still on its way the resident hears why it is not the drone (「風が強いため」).
  const why = mode === 'car' && reason ? `${carCause(reason)}、` : '';
  if (status === 'in_transit') return `${why}${MODE_JA[mode]}で公民館へ運んでいます`;
  return `${why}${MODE_JA[mode]}でお届けします`;
}

/** The cause alone: the drone base writes 「風が強いため、車でお届けします」 or just 「風が強いため」. */
function carCause(reason: string): string {
  return reason.replace(/[、,]?\s*車でお届けします。?$/, '').trim() || reason;
}

export const HouseholdOrderSchema = OrderViewSchema.extend({
  /** True while the server would accept a cancel (受付 and before the day's cut-off). */
  cancellable: z.boolean(),
  /** Why it cannot be cancelled any more (Japanese), null while it can. */
  cancelRefusal: z.string().nullable(),
  /** How it travels, in the right tense for its status (Japanese), or null. */
  deliverySentence: z.string().nullable(),
}).openapi('ShopHouseholdOrder');
export type HouseholdOrder = z.infer<typeof HouseholdOrderSchema>;

/** An order as the household's TV shows it: the view plus what the resident may still do. */
export function toHouseholdOrder(view: OrderView, settings: ShopSettings, now: Date): HouseholdOrder {
  const refusal = cancelRefusal(view, settings, now);
  return {
    ...view,
    cancellable: refusal === null,
    cancelRefusal: refusal,
    deliverySentence: deliverySentence(view.status, view.deliveryMode, view.deliveryModeReason),
  };
}

/** The household's recent orders for its TV, newest first, each saying whether it can be cancelled now. */
export async function listHouseholdOrdersForTv(
  db: DbOrTx,
  householdId: number,
  now: Date,
): Promise<HouseholdOrder[]> {
  const settings = await getShopSettings(db);
  return (await listHouseholdOrders(db, householdId)).map((v) => toHouseholdOrder(v, settings, now));
}
