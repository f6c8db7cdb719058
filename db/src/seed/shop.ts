import { eq, inArray } from 'drizzle-orm';
import type { Db } from '..';
import * as s from '../schema';

/**
 * Shop demo data on top of the catalogue: a few items whose stock the store tracks (one sold
 * out), one item taken off the shelf, goods that may not fly (liquid fertiliser), and favourites
 * for household 1 so "お気に入り" has something to show.
 */
export async function seedShop(db: Db, now: Date): Promise<void> {
  const byName = async (name: string) =>
    await db.select().from(s.products).where(eq(s.products.name, name)).get();
  const set = async (name: string, values: Partial<typeof s.products.$inferInsert>) => {
    const p = await byName(name);
    if (p) await db.update(s.products).set(values).where(eq(s.products.id, p.id)).run();
  };
  await set('季節の花束 1束', { stock: 5 });
  await set('仏花 2束', { stock: 0 });
  await set('長いも 1/2本', { active: false });
  await set('液体肥料 1本', { airEligible: false });
  const favs: number[] = [];
  for (const n of ['たまご 10個', '牛乳 1000ml', '食パン 6枚切', 'キャベツ 1玉']) {
    const id = (await byName(n))?.id;
    if (id !== undefined) favs.push(id);
  }
  if (favs.length === 0) return;
  const hh = await db
    .select({ id: s.households.id })
    .from(s.households)
    .where(inArray(s.households.id, [1]))
    .get();
  if (!hh) return;
  await db
    .insert(s.favourites)
    .values(
      favs.map((productId, i) => ({ householdId: hh.id, productId, createdAt: new Date(now.getTime() + i) })),
    )
    .onConflictDoNothing()
    .run();
}
