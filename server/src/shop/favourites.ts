import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { favourites, products } from '../../../db/src/schema';
import { notFound } from '../lib/errors';
import { toProductView, type Product } from './list-catalogue';

export async function listFavourites(db: DbOrTx, householdId: number): Promise<Product[]> {
  return (
    await db
      .select({ p: products })
      .from(favourites)
      .innerJoin(products, eq(products.id, favourites.productId))
      .where(eq(favourites.householdId, householdId))
      .orderBy(asc(favourites.createdAt), asc(products.id))
      .all()
  ).map((r) => toProductView(r.p, true));
}

/** Adds or removes a favourite; setting the same state twice is harmless. */
export async function setFavourite(
  db: DbOrTx,
  householdId: number,
  productId: number,
  on: boolean,
  now: Date,
): Promise<void> {
  const p = await db.select({ id: products.id }).from(products).where(eq(products.id, productId)).get();
  if (!p) throw notFound('Product');
  if (on) {
    await db
      .insert(favourites)
      .values({ householdId, productId, createdAt: now })
      .onConflictDoNothing()
      .run();
  } else {
    await db
      .delete(favourites)
      .where(and(eq(favourites.householdId, householdId), eq(favourites.productId, productId)))
      .run();
  }
}
