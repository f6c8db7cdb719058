import type { ShopProduct } from '../../api/shop.js';

export interface CartLine {
  product: ShopProduct;
  qty: number;
}

/**
 * The box's cart, kept for the run of the app. The idempotency key belongs to the cart's
 * content: pressing 決定 twice or resending after a dropped answer reuses it, so the server
 * makes one order; any change to the cart makes a new key.
 */
export class Cart {
  private lines = new Map<number, CartLine>();
  private key: string | null = null;

  constructor(private readonly newKey: () => string = defaultKey) {}

  qtyOf(productId: number): number {
    return this.lines.get(productId)?.qty ?? 0;
  }

  /** Sets a quantity within 0…maxPerOrder; returns the quantity kept. */
  set(product: ShopProduct, qty: number): number {
    const q = Math.max(0, Math.min(product.maxPerOrder, Math.round(qty)));
    if (q === this.qtyOf(product.id)) return q;
    if (q === 0) this.lines.delete(product.id);
    else this.lines.set(product.id, { product, qty: q });
    this.key = null;
    return q;
  }

  add(product: ShopProduct, delta = 1): number {
    return this.set(product, this.qtyOf(product.id) + delta);
  }

  get items(): CartLine[] {
    return [...this.lines.values()];
  }

  get count(): number {
    return this.items.reduce((s, l) => s + l.qty, 0);
  }

  get totalYen(): number {
    return this.items.reduce((s, l) => s + l.qty * l.product.priceYen, 0);
  }

  get weightG(): number {
    return this.items.reduce((s, l) => s + l.qty * l.product.weightG, 0);
  }

  /** The key to send with this content; the same until the content changes or the order is placed. */
  idempotencyKey(): string {
    this.key ??= this.newKey();
    return this.key;
  }

  clear(): void {
    this.lines.clear();
    this.key = null;
  }
}

function defaultKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return `tv-${c.randomUUID()}`;
  return `tv-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export const cart = new Cart();

export const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
export const weightText = (g: number) =>
  g >= 1000 ? `${(Math.round(g / 100) / 10).toLocaleString('ja-JP')}kg` : `${g}g`;
