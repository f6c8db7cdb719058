import { and, asc, count, eq } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/src';
import { categories, favourites, products, sellers } from '../../../db/src/schema';
import { notFound } from '../lib/errors';

export const CategorySchema = z
  .object({ id: z.number(), name: z.string(), sellerName: z.string(), productCount: z.number() })
  .openapi('ShopCategory');

export const ProductSchema = z
  .object({
    id: z.number(),
    categoryId: z.number(),
    sellerId: z.number(),
    name: z.string(),
    priceYen: z.number(),
    taxRate: z.number(),
    weightG: z.number(),
    unit: z.string(),
    imageUrl: z.string().nullable(),
    /** False when inactive or out of stock: shown, but cannot be added. */
    available: z.boolean(),
    /** Japanese reason when not available. */
    unavailableReason: z.string().nullable(),
    maxPerOrder: z.number(),
    favourite: z.boolean(),
  })
  .openapi('ShopProduct');
export type Product = z.infer<typeof ProductSchema>;

export async function listCategories(db: DbOrTx) {
  return await db
    .select({
      id: categories.id,
      name: categories.name,
      sellerName: sellers.name,
      productCount: count(products.id),
    })
    .from(categories)
    .innerJoin(sellers, eq(sellers.id, categories.sellerId))
    .leftJoin(products, and(eq(products.categoryId, categories.id), eq(products.active, true)))
    .groupBy(categories.id)
    .orderBy(asc(categories.sort), asc(categories.id))
    .all();
}

type ProductRow = typeof products.$inferSelect;

export function toProductView(p: ProductRow, favourite: boolean): Product {
  const reason = !p.active ? '取り扱い中止' : p.stock !== null && p.stock <= 0 ? '品切れ' : null;
  return {
    id: p.id,
    categoryId: p.categoryId,
    sellerId: p.sellerId,
    name: p.name,
    priceYen: p.priceYen,
    taxRate: p.taxRate,
    weightG: p.weightG,
    unit: p.unit,
    imageUrl: p.imageUrl,
    available: reason === null,
    unavailableReason: reason,
    maxPerOrder: p.stock !== null ? Math.max(0, Math.min(p.maxPerOrder, p.stock)) : p.maxPerOrder,
    favourite,
  };
}

/** A category's products, with whether each is one of the household's favourites. */
export async function listProducts(
  db: DbOrTx,
  categoryId: number,
  householdId: number | null,
): Promise<Product[]> {
  const cat = await db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.id, categoryId))
    .get();
  if (!cat) throw notFound('Category');
  const favs = householdId ? await favouriteIds(db, householdId) : new Set<number>();
  return (
    await db
      .select()
      .from(products)
      .where(eq(products.categoryId, categoryId))
      .orderBy(asc(products.id))
      .all()
  ).map((p) => toProductView(p, favs.has(p.id)));
}

export async function favouriteIds(db: DbOrTx, householdId: number): Promise<Set<number>> {
  return new Set(
    (
      await db
        .select({ id: favourites.productId })
        .from(favourites)
        .where(eq(favourites.householdId, householdId))
        .all()
    ).map((f) => f.id),
  );
}
