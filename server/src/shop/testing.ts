import { eq } from 'drizzle-orm';
import { products } from '../../../db/src/schema';
import type { TestContext } from '../../../test/helpers/context';

/** Shared steps of the shop's API tests (not shipped: only *.test.ts files import it). */
export const TUE_0900 = '2026-11-24T00:00:00Z'; // Tue 24 Nov 2026 09:00 in Tokyo

export async function productId(ctx: TestContext, name: string): Promise<number> {
  const p = await ctx.db.select({ id: products.id }).from(products).where(eq(products.name, name)).get();
  if (!p) throw new Error(`no product ${name}`);
  return p.id;
}

let keySeq = 0;
export const newKey = () => `test-key-${++keySeq}-${Math.random().toString(36).slice(2)}`;

export async function order(
  ctx: TestContext,
  lines: { productId: number; qty: number }[],
  opts: { box?: number; key?: string } = {},
) {
  const res = await ctx.json(
    'POST',
    '/api/shop/orders',
    { idempotencyKey: opts.key ?? newKey(), lines },
    ctx.device(opts.box ?? 1),
  );
  return { res, body: (await res.json()) as Record<string, unknown> & { id: number; status: string } };
}

/** Response bodies in tests are checked with toMatchObject, so they are read loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readJson = (res: Response): Promise<any> => res.json();
