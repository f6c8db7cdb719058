import { eq, inArray } from 'drizzle-orm';
import type { Db } from '..';
import * as s from '../schema';

/**
 * Shop demo data on top of the catalogue: a few items whose stock the store tracks (one sold
 * out), one item taken off the shelf, goods that may not fly (liquid fertiliser), and favourites
 * for household 1 so "お気に入り" has something to show.
 */
export function seedShop(db: Db, now: Date): void {
  const byName = (name: string) => db.select().from(s.products).where(eq(s.products.name, name)).get();
  const set = (name: string, values: Partial<typeof s.products.$inferInsert>) => {
    const p = byName(name);
    if (p) db.update(s.products).set(values).where(eq(s.products.id, p.id)).run();
  };
  set('季節の花束 1束', { stock: 5 });
  set('仏花 2束', { stock: 0 });
  set('長いも 1/2本', { active: false });
  set('液体肥料 1本', { airEligible: false });
  const favs = ['たまご 10個', '牛乳 1000ml', '食パン 6枚切', 'キャベツ 1玉']
    .map((n) => byName(n)?.id)
    .filter((id): id is number => id !== undefined);
  if (favs.length === 0) return;
  const hh = db
    .select({ id: s.households.id })
    .from(s.households)
    .where(inArray(s.households.id, [1]))
    .get();
  if (!hh) return;
  db.insert(s.favourites)
    .values(
      favs.map((productId, i) => ({ householdId: hh.id, productId, createdAt: new Date(now.getTime() + i) })),
    )
    .onConflictDoNothing()
    .run();
}
