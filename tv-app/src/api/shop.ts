import { api, type ApiClient } from './client.js';

export interface ShopDeliveryInfo {
  date: string;
  isToday: boolean;
  cutoff: string;
  hallName: string;
  /** Japanese sentence for the screen. */
  message: string;
}

export interface ShopCategory {
  id: number;
  name: string;
  sellerName: string;
  productCount: number;
}

export interface ShopProduct {
  id: number;
  categoryId: number;
  name: string;
  priceYen: number;
  taxRate: number;
  weightG: number;
  unit: string;
  imageUrl: string | null;
  available: boolean;
  unavailableReason: string | null;
  maxPerOrder: number;
  favourite: boolean;
}

export interface ShopOrderLine {
  id: number;
  productId: number;
  name: string;
  unitPriceYen: number;
  qty: number;
  missingQty: number;
  amountYen: number;
}

export interface ShopOrder {
  id: number;
  status: 'received' | 'preparing' | 'in_transit' | 'at_hall' | 'delivered' | 'cancelled';
  statusLabel: string;
  hallName: string;
  deliveryDate: string;
  deliveryMode: 'drone' | 'car' | null;
  deliveryModeReason: string | null;
  totalYen: number;
  weightG: number;
  lines: ShopOrderLine[];
  missingNotes: string[];
  /** The server's word on whether a cancel would be accepted now (受付 and before the cut-off). */
  cancellable: boolean;
  /** Why not, in Japanese; null while it can be cancelled. */
  cancelRefusal: string | null;
  /** How it travels, in the tense of its status (「ドローンでお届けしました」 after delivery). */
  deliverySentence: string | null;
}

export interface ShopLastOrder {
  orderId: number | null;
  lines: Array<{ product: ShopProduct; qty: number }>;
}

/** The household's cart as the server keeps it; `seq` is the highest write number it has seen. */
export interface ShopCart {
  seq: number;
  lines: Array<{ product: ShopProduct; qty: number }>;
}

export const getDeliveryInfo = (client: ApiClient = api()) =>
  client.get<ShopDeliveryInfo>('/shop/delivery-info');
export const listCategories = (client: ApiClient = api()) => client.get<ShopCategory[]>('/shop/categories');
export const listProducts = (categoryId: number, client: ApiClient = api()) =>
  client.get<ShopProduct[]>(`/shop/categories/${categoryId}/products`);
export const listFavourites = (client: ApiClient = api()) => client.get<ShopProduct[]>('/shop/favourites');
export const setFavourite = (productId: number, favourite: boolean, client: ApiClient = api()) =>
  client.put<{ ok: boolean }>(`/shop/favourites/${productId}`, { favourite });
/** よく買うもの: the products of the household's delivered orders, most often bought first. */
export const listFrequent = (client: ApiClient = api()) => client.get<ShopProduct[]>('/shop/frequent');
export const getCart = (client: ApiClient = api()) => client.get<ShopCart>('/shop/cart');
/** Absolute quantity (0 removes); the server ignores it unless `seq` is greater than the line's last. */
export const putCartLine = (productId: number, qty: number, seq: number, client: ApiClient = api()) =>
  client.put<ShopCart>(`/shop/cart/lines/${productId}`, { qty, seq });
export const getLastOrder = (client: ApiClient = api()) => client.get<ShopLastOrder>('/shop/last-order');
export const placeOrder = (
  body: { idempotencyKey: string; lines: Array<{ productId: number; qty: number }> },
  client: ApiClient = api(),
) => client.post<ShopOrder>('/shop/orders', body);
export const listOrders = (client: ApiClient = api()) => client.get<ShopOrder[]>('/shop/orders');
export const cancelOrder = (orderId: number, client: ApiClient = api()) =>
  client.post<ShopOrder>(`/shop/orders/${orderId}/cancel`);
