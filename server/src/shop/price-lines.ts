import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { products } from '../../../db/src/schema';
import { unprocessable } from '../lib/errors';
import type { ShopSettings } from './shop-settings';

export interface PricedLine {
  productId: number;
  sellerId: number;
  name: string;
  unitPriceYen: number;
  taxRate: number;
  qty: number;
  weightG: number;
}

const kg = (g: number) => (Math.round(g / 100) / 10).toLocaleString('ja-JP');

/** A product as read for pricing (the full `products` row). */
export type PricedProduct = typeof products.$inferSelect;

/**
 * Checks every rule a cart must meet and fixes the price at today's shelf price. Duplicate
 * products are merged so a quantity limit cannot be dodged by listing an item twice. Every
 * refusal is a 422 with a Japanese message the TV shows as is. `loadProducts` reads the cart's
 * products in one query; the order path passes a prepared statement.
 */
export async function priceLines(
  db: DbOrTx,
  input: { productId: number; qty: number }[],
  settings: ShopSettings,
  loadProducts: (ids: number[]) => Promise<PricedProduct[]> = async (ids) =>
    await db.select().from(products).where(inArray(products.id, ids)).all(),
): Promise<{ lines: PricedLine[]; totalYen: number; weightG: number; tracked: PricedLine[] }> {
  const qtyById = new Map<number, number>();
  for (const l of input) qtyById.set(l.productId, (qtyById.get(l.productId) ?? 0) + l.qty);
  if (qtyById.size > settings.maxLinesPerOrder) {
    throw unprocessable('too_many_lines', `1回の注文は ${settings.maxLinesPerOrder} 品までです`);
  }
  const rows = await loadProducts([...qtyById.keys()]);
  const byId = new Map(rows.map((p) => [p.id, p]));
  const lines: PricedLine[] = [];
  const tracked: PricedLine[] = [];
  for (const [productId, qty] of qtyById) {
    const p = byId.get(productId);
    if (!p) throw unprocessable('product_unavailable', 'この商品は今は注文できません', { productId });
    if (!p.active)
      throw unprocessable('product_inactive', `「${p.name}」は今は取り扱っていません`, { productId });
    if (p.stock !== null && p.stock < qty) {
      throw unprocessable(
        'out_of_stock',
        p.stock <= 0 ? `「${p.name}」は品切れです` : `「${p.name}」は残り ${p.stock}点です`,
        { productId, stock: p.stock },
      );
    }
    if (qty > p.maxPerOrder) {
      throw unprocessable('quantity_limit', `「${p.name}」は1回に ${p.maxPerOrder}点までです`, {
        productId,
        max: p.maxPerOrder,
      });
    }
    const line = {
      productId,
      sellerId: p.sellerId,
      name: p.name,
      unitPriceYen: p.priceYen,
      taxRate: p.taxRate,
      qty,
      weightG: p.weightG * qty,
    };
    lines.push(line);
    if (p.stock !== null) tracked.push(line);
  }
  const weightG = lines.reduce((s, l) => s + l.weightG, 0);
  if (weightG > settings.maxOrderWeightG) {
    throw unprocessable(
      'too_heavy',
      `重さが ${kg(settings.maxOrderWeightG)}kg を超えるため届けられません（今 ${kg(weightG)}kg）`,
      { weightG, maxG: settings.maxOrderWeightG },
    );
  }
  return {
    lines,
    totalYen: lines.reduce((s, l) => s + l.unitPriceYen * l.qty, 0),
    weightG,
    // Only lines with tracked stock need a stock update; most goods are untracked.
    tracked,
  };
}
