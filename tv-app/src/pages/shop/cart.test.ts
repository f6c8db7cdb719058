import { describe, expect, it } from 'vitest';
import type { ShopProduct } from '../../api/shop.js';
import { Cart, weightText, yen } from './cart.js';

const product = (id: number, priceYen: number, weightG: number, maxPerOrder = 10): ShopProduct => ({
  id,
  categoryId: 1,
  name: `p${id}`,
  priceYen,
  taxRate: 8,
  weightG,
  unit: '1点',
  imageUrl: null,
  available: true,
  unavailableReason: null,
  maxPerOrder,
  favourite: false,
});

describe('Cart', () => {
  it('keeps quantities within 0 and the per-order limit and sums price and weight', () => {
    const cart = new Cart(() => 'k');
    const eggs = product(1, 258, 650, 3);
    expect(cart.add(eggs)).toBe(1);
    expect(cart.set(eggs, 9)).toBe(3);
    cart.add(product(2, 238, 1060));
    expect(cart.totalYen).toBe(3 * 258 + 238);
    expect(cart.weightG).toBe(3 * 650 + 1060);
    expect(cart.set(eggs, -1)).toBe(0);
    expect(cart.items.map((l) => l.product.id)).toEqual([2]);
  });

  it('reuses the idempotency key until the content changes', () => {
    let n = 0;
    const cart = new Cart(() => `key-${++n}`);
    cart.add(product(1, 100, 100));
    const first = cart.idempotencyKey();
    expect(cart.idempotencyKey()).toBe(first);
    cart.add(product(1, 100, 100));
    expect(cart.idempotencyKey()).not.toBe(first);
    cart.clear();
    expect(cart.count).toBe(0);
  });

  it('formats yen and weight in Japanese', () => {
    expect(yen(1280)).toBe('1,280円');
    expect(weightText(650)).toBe('650g');
    expect(weightText(1060)).toBe('1.1kg');
  });
});
