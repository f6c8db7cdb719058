import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import type { ShopCart, ShopProduct } from '../../api/shop.js';
import { Cart, type CartStore, weightText, yen } from './cart.js';

const product = (id: number, priceYen: number, weightG: number, maxPerOrder = 10): ShopProduct => ({
  id,
  categoryId: 1,
  sellerId: 1,
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

/**
 * The server's rule in a few lines (a write counts only with a greater seq than the line's last),
 * answering when the test says so, so the test can reorder and delay answers.
 */
function store() {
  const lines = new Map<number, { product: ShopProduct; qty: number; seq: number }>();
  const waiting: Array<() => void> = [];
  let down = false;
  const view = (): ShopCart => ({
    seq: Math.max(0, ...[...lines.values()].map((l) => l.seq)),
    lines: [...lines.values()].filter((l) => l.qty > 0).map(({ product, qty }) => ({ product, qty })),
  });
  const later = <T>(f: () => T) =>
    new Promise<T>((ok, fail) =>
      waiting.push(() => (down ? fail(new ApiError(0, 'network', 'down')) : ok(f()))),
    );
  const products = new Map<number, ShopProduct>();
  const api: CartStore = {
    load: () => later(view),
    save: (id, qty, seq) =>
      later(() => {
        const old = lines.get(id);
        if (!old || seq > old.seq) lines.set(id, { product: products.get(id)!, qty, seq });
        return view();
      }),
  };
  return {
    api,
    lines,
    products,
    setDown: (v: boolean) => (down = v),
    /** Answers everything waiting, including what the answers start. */
    async answerAll() {
      while (waiting.length > 0) {
        waiting.shift()!();
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  };
}

describe('Cart kept on the server', () => {
  it('saves the last quantity of quick presses and reads it back in a new run of the app', async () => {
    const s = store();
    const eggs = product(1, 258, 650, 5);
    s.products.set(1, eggs);
    let now = 1000;
    const a = new Cart(
      () => 'k',
      s.api,
      {},
      () => now++,
    );
    a.add(eggs);
    a.add(eggs);
    a.add(eggs);
    await s.answerAll();
    expect(s.lines.get(1)?.qty).toBe(3);

    const b = new Cart(
      () => 'k2',
      s.api,
      {},
      () => 1,
    );
    const loaded = b.load();
    await s.answerAll();
    expect(await loaded).toBe(true);
    expect(b.items.map((l) => [l.product.id, l.qty])).toEqual([[1, 3]]);
    // The second run continues after the server's seq even with a clock behind it.
    b.set(eggs, 1);
    await s.answerAll();
    expect(s.lines.get(1)?.qty).toBe(1);
  });

  it('keeps a change made while the cart loads, and the order key when the content is the same', async () => {
    const s = store();
    const eggs = product(1, 258, 650);
    const rice = product(2, 1980, 2000);
    s.products.set(1, eggs).set(2, rice);
    s.lines.set(1, { product: eggs, qty: 2, seq: 5 });
    let n = 0;
    const c = new Cart(
      () => `key-${++n}`,
      s.api,
      {},
      () => 10,
    );
    const loaded = c.load();
    c.add(rice);
    await s.answerAll();
    await loaded;
    expect(c.items.map((l) => [l.product.id, l.qty])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    const key = c.idempotencyKey();
    const again = c.load();
    await s.answerAll();
    await again;
    expect(c.idempotencyKey()).toBe(key);
  });

  it('keeps the cart on the TV when the server cannot be reached, says so once, and saves it later', async () => {
    const s = store();
    const eggs = product(1, 258, 650);
    s.products.set(1, eggs);
    let offline = 0;
    const c = new Cart(
      () => 'k',
      s.api,
      { offline: () => offline++ },
      () => 10,
    );
    s.setDown(true);
    c.add(eggs);
    await s.answerAll();
    c.add(eggs);
    await s.answerAll();
    expect(c.qtyOf(1)).toBe(2);
    expect(offline).toBe(1);
    s.setDown(false);
    const loaded = c.load();
    await s.answerAll();
    expect(await loaded).toBe(true);
    expect(c.qtyOf(1)).toBe(2);
    expect(s.lines.get(1)?.qty).toBe(2);
  });

  it('takes out lines that cannot be ordered now and says which', async () => {
    const s = store();
    const gone = { ...product(1, 258, 650), name: 'たまご', available: false, unavailableReason: '品切れ' };
    s.products.set(1, gone);
    s.lines.set(1, { product: gone, qty: 2, seq: 5 });
    const dropped: string[][] = [];
    const c = new Cart(
      () => 'k',
      s.api,
      { dropped: (names) => dropped.push(names) },
      () => 10,
    );
    const loaded = c.load();
    await s.answerAll();
    await loaded;
    expect(c.count).toBe(0);
    expect(dropped).toEqual([['たまご']]);
    expect(s.lines.get(1)?.qty).toBe(0);
  });
});
