import { api, type ApiClient } from './client.js';
import type { BodyOf, ResponseOf, Schema } from './types.js';

/** When and where an order placed now arrives; `message` is the Japanese sentence for the screen. */
export type ShopDeliveryInfo = Schema<'ShopDeliveryInfo'>;
export type ShopCategory = Schema<'ShopCategory'>;
export type ShopProduct = Schema<'ShopProduct'>;
export type ShopOrderLine = Schema<'ShopOrderLine'>;

/**
 * An order as the household's list shows it: with the server's word on whether a cancel would be
 * accepted now (`cancellable`, `cancelRefusal` in Japanese) and how it travels in the tense of its
 * status (`deliverySentence`: 「ドローンでお届けしました」 after delivery).
 */
export type ShopOrder = Schema<'ShopHouseholdOrder'>;
/** The order as placing it answers (without the household list's cancel and delivery words). */
export type PlacedOrder = ResponseOf<'/api/shop/orders', 'post'>;
export type PlaceOrderBody = BodyOf<'/api/shop/orders', 'post'>;

export type ShopLastOrder = Schema<'ShopLastOrder'>;

/** The household's cart as the server keeps it; `seq` is the highest write number it has seen. */
export type ShopCart = Schema<'ShopCart'>;

export const getDeliveryInfo = (client: ApiClient = api()) =>
  client.get<ShopDeliveryInfo>('/shop/delivery-info');
export const listCategories = (client: ApiClient = api()) =>
  client.get<ResponseOf<'/api/shop/categories', 'get'>>('/shop/categories');
export const listProducts = (categoryId: number, client: ApiClient = api()) =>
  client.get<ResponseOf<'/api/shop/categories/{id}/products', 'get'>>(
    `/shop/categories/${categoryId}/products`,
  );
export const listFavourites = (client: ApiClient = api()) =>
  client.get<ResponseOf<'/api/shop/favourites', 'get'>>('/shop/favourites');
export const setFavourite = (productId: number, favourite: boolean, client: ApiClient = api()) => {
  const body: BodyOf<'/api/shop/favourites/{id}', 'put'> = { favourite };
  return client.put<ResponseOf<'/api/shop/favourites/{id}', 'put'>>(`/shop/favourites/${productId}`, body);
};
/** よく買うもの: the products of the household's delivered orders, most often bought first. */
export const listFrequent = (client: ApiClient = api()) =>
  client.get<ResponseOf<'/api/shop/frequent', 'get'>>('/shop/frequent');
export const getCart = (client: ApiClient = api()) => client.get<ShopCart>('/shop/cart');
/** Absolute quantity (0 removes); the server ignores it unless `seq` is greater than the line's last. */
export const putCartLine = (productId: number, qty: number, seq: number, client: ApiClient = api()) => {
  const body: BodyOf<'/api/shop/cart/lines/{id}', 'put'> = { qty, seq };
  return client.put<ResponseOf<'/api/shop/cart/lines/{id}', 'put'>>(`/shop/cart/lines/${productId}`, body);
};
export const getLastOrder = (client: ApiClient = api()) => client.get<ShopLastOrder>('/shop/last-order');
export const placeOrder = (body: PlaceOrderBody, client: ApiClient = api()) =>
  client.post<PlacedOrder>('/shop/orders', body);
export const listOrders = (client: ApiClient = api()) =>
  client.get<ResponseOf<'/api/shop/orders', 'get'>>('/shop/orders');
export const cancelOrder = (orderId: number, client: ApiClient = api()) =>
  client.post<ResponseOf<'/api/shop/orders/{id}/cancel', 'post'>>(`/shop/orders/${orderId}/cancel`);
