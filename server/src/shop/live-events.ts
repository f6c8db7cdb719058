import type { Deps } from '../deps';
import { publishLive } from '../live/publish';

export type ShopLiveType =
  'order.placed' | 'order.cancelled' | 'order.changed' | 'picking.changed' | 'handover.recorded';

/**
 * Tells the open shop boards (the store's picking board, the hall page) that an order of
 * `hamletId` changed. Called after the write committed; boards re-fetch what they show.
 */
export function publishShopEvent(deps: Deps, type: ShopLiveType, hamletId: number, orderId: number): void {
  publishLive(deps, { topic: 'shop', type, hamletId, data: { orderId } });
}
