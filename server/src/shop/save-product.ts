import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/src';
import { categories, products } from '../../../db/src/schema';
import { inSellerScope, type StaffScope } from '../auth/scope';
import type { Actor } from '../lib/audit';
import { recordAudit } from '../lib/audit';
import { notFound } from '../lib/errors';

/** A form's empty field is "not given", not an empty string. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const intField = (min: number, max: number, label: string) =>
  z.coerce
    .number({ error: `${label}は数字で入れてください` })
    .int(`${label}は整数で入れてください`)
    .min(min, `${label}は${min}以上にしてください`)
    .max(max, `${label}は${max}以下にしてください`);

/** A product as staff enter it (console form or API): tax-inclusive integer yen at 8 % or 10 %. */
export const ProductInput = z.object({
  name: z.string().trim().min(1, '商品名を入れてください').max(80, '商品名は80文字までです'),
  kana: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(80, 'よみは80文字までです')
      .regex(/^[\u3040-\u30FF\u3000\s・ー]+$/, 'よみはひらがなかカタカナで入れてください')
      .optional(),
  ),
  categoryId: z.coerce.number({ error: '分類を選んでください' }).int().positive('分類を選んでください'),
  priceYen: intField(1, 1_000_000, '価格'),
  taxRate: z.coerce.number().refine((r) => r === 8 || r === 10, '税率は8%か10%を選んでください'),
  unit: z.string().trim().min(1, '単位を入れてください').max(20, '単位は20文字までです'),
  weightG: intField(1, 30_000, '重さ'),
  imageUrl: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(200)
      .regex(/^\/[\w\-/.]+\.(png|jpe?g|webp)$/, '画像は /images/… の形で入れてください（省略できます）')
      .optional(),
  ),
  /** Empty = not tracked (always available); 0 = 品切れ. */
  stock: z.preprocess(blankToUndefined, intField(0, 100_000, '在庫').optional()),
  active: checkbox,
});
export type ProductInput = z.infer<typeof ProductInput>;

async function categoryOf(db: DbOrTx, scope: StaffScope, categoryId: number) {
  const cat = await db.select().from(categories).where(eq(categories.id, categoryId)).get();
  // A category of another seller is "not there" for store staff, as the product would be.
  if (!cat || !inSellerScope(scope, cat.sellerId)) throw notFound('Category');
  return cat;
}

const columnsOf = (input: ProductInput) => ({
  name: input.name,
  kana: input.kana ?? null,
  categoryId: input.categoryId,
  priceYen: input.priceYen,
  taxRate: input.taxRate,
  unit: input.unit,
  weightG: input.weightG,
  imageUrl: input.imageUrl ?? null,
  stock: input.stock ?? null,
  active: input.active,
});

/** Adds a product to the seller of its category; store staff only to their own seller. */
export async function createProduct(
  db: Db,
  scope: StaffScope,
  actor: Actor,
  input: ProductInput,
  now: Date,
): Promise<number> {
  return await db.transaction(async (tx) => {
    const cat = await categoryOf(tx, scope, input.categoryId);
    const row = await tx
      .insert(products)
      .values({ ...columnsOf(input), sellerId: cat.sellerId })
      .returning({ id: products.id })
      .get();
    await recordAudit(tx, now, actor, 'product.create', 'product', row.id, { name: input.name });
    return row.id;
  });
}

/** Changes a product; it stays with its seller (a category of another seller is refused). */
export async function updateProduct(
  db: Db,
  scope: StaffScope,
  actor: Actor,
  productId: number,
  input: ProductInput,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await tx.select().from(products).where(eq(products.id, productId)).get();
    if (!current || !inSellerScope(scope, current.sellerId)) throw notFound('Product');
    const cat = await categoryOf(tx, scope, input.categoryId);
    if (cat.sellerId !== current.sellerId) throw notFound('Category');
    await tx
      .update(products)
      .set(columnsOf(input))
      .where(and(eq(products.id, productId), eq(products.sellerId, current.sellerId)))
      .run();
    await recordAudit(tx, now, actor, 'product.update', 'product', productId, {
      priceYen: input.priceYen,
      stock: input.stock ?? null,
      active: input.active,
    });
  });
}
