import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/src';
import { hamlets, households, products, categories, residents } from '../../../db/src/schema';

/**
 * What an operator typed, in the form names are stored: katakana as hiragana (kana is stored in
 * hiragana), full-width digits as ASCII, spaces and hyphens dropped (「山田 花子」「0265-00-1234」).
 */
export function searchKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/[\s\-‐－]/g, '')
    .toLowerCase();
}

export interface HouseholdHit {
  id: number;
  name: string;
  hamletName: string;
  address: string;
  phone: string | null;
  residentNames: string[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
// Names are stored with a half-width or an ideographic space (U+3000) between surname and given name.
const squeezed = (col: unknown) => sql`replace(replace(${col}, ' ', ''), ${'\u3000'}, '')`;

/**
 * Households whose name, a resident's name or kana, or phone number contains what the operator
 * typed (the call centre's first question: 「お名前は？」). At most `limit`, in household order.
 */
export async function findHouseholds(db: DbOrTx, q: string, limit = 20): Promise<HouseholdHit[]> {
  const key = searchKey(q);
  if (key === '') return [];
  const pattern = `%${escapeLike(key)}%`;
  const digits = /^\d{3,}$/.test(key);
  const byResident = db
    .select({ id: residents.householdId })
    .from(residents)
    .where(
      or(
        sql`${squeezed(residents.name)} like ${pattern} escape '\\'`,
        sql`${squeezed(residents.kana)} like ${pattern} escape '\\'`,
      ),
    );
  const rows = await db
    .select({
      id: households.id,
      name: households.name,
      hamletName: hamlets.name,
      address: households.address,
      phone: households.phone,
    })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(
      or(
        sql`${squeezed(households.name)} like ${pattern} escape '\\'`,
        inArray(households.id, byResident),
        digits
          ? sql`replace(replace(${households.phone}, '-', ''), ' ', '') like ${pattern} escape '\\'`
          : undefined,
      ),
    )
    .orderBy(asc(households.id))
    .limit(limit)
    .all();
  if (rows.length === 0) return [];
  const names = new Map<number, string[]>();
  for (const r of await db
    .select({ householdId: residents.householdId, name: residents.name })
    .from(residents)
    .where(
      inArray(
        residents.householdId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(residents.id))
    .all())
    names.set(r.householdId, [...(names.get(r.householdId) ?? []), r.name]);
  return rows.map((r) => ({ ...r, residentNames: names.get(r.id) ?? [] }));
}

export interface ProductHit {
  id: number;
  name: string;
  categoryName: string;
  priceYen: number;
  unit: string;
}

/** Orderable products whose name or category contains what was typed (the phone order's 商品を探す). */
export async function searchProducts(db: DbOrTx, q: string, limit = 20): Promise<ProductHit[]> {
  const key = q.normalize('NFKC').trim();
  if (key === '') return [];
  const pattern = `%${key}%`;
  return await db
    .select({
      id: products.id,
      name: products.name,
      categoryName: categories.name,
      priceYen: products.priceYen,
      unit: products.unit,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(
      and(
        eq(products.active, true),
        or(like(products.name, pattern), like(categories.name, pattern), eq(products.id, Number(key) || -1)),
      ),
    )
    .orderBy(asc(categories.sort), asc(products.id))
    .limit(limit)
    .all();
}

/** Product names and prices of the given ids (the lines already on a phone order form). */
export async function productsByIds(db: DbOrTx, ids: number[]): Promise<Map<number, ProductHit>> {
  if (ids.length === 0) return new Map();
  return new Map(
    (
      await db
        .select({
          id: products.id,
          name: products.name,
          categoryName: categories.name,
          priceYen: products.priceYen,
          unit: products.unit,
        })
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(inArray(products.id, ids))
        .all()
    ).map((p) => [p.id, p]),
  );
}
