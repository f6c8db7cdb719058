import { Hono, type Context } from 'hono';
import { and, asc, eq, like, or, type SQL } from 'drizzle-orm';
import { categories, products, sellers } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { sellerCondition, staffScope, type StaffScope } from '../../auth/scope';
import { Layout } from '../../console/layout';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { AppError, notFound } from '../../lib/errors';
import type { AppEnv, StaffAuth } from '../../lib/router';
import type { DbOrTx } from '../../../../db/src';
import { createProduct, updateProduct, ProductInput } from '../../shop';
import { Checkbox, Field, FormError, Pager, pageOf, ScrollTable, SelectField, typed } from './ui';

const PAGE = 50;
const BASE = '/console/admin/products';
const GRID =
  'display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:0 1.5rem;align-items:start';

/** Store staff work on their own seller's catalogue (auth/scope.ts); admin on every seller's. */
export const productsPage = new Hono<AppEnv>();
productsPage.use('*', requireStaffPage('store_staff'));

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

async function categoryOptions(db: DbOrTx, scope: StaffScope) {
  return (
    await db
      .select({ id: categories.id, name: categories.name, seller: sellers.name })
      .from(categories)
      .innerJoin(sellers, eq(sellers.id, categories.sellerId))
      .where(sellerCondition(scope, categories.sellerId))
      .orderBy(asc(sellers.id), asc(categories.sort), asc(categories.id))
      .all()
  ).map((r) => ({ value: String(r.id), label: `${r.seller}：${r.name}` }));
}

productsPage.get('/', async (c) => {
  const { db } = c.var.deps;
  const scope = staffScope(c.var.staff);
  const q = (c.req.query('q') ?? '').trim().slice(0, 40);
  const state = c.req.query('state') ?? '';
  const page = pageOf(c.req.query('page'));
  const conds: (SQL | undefined)[] = [sellerCondition(scope, products.sellerId)];
  if (q) {
    const pat = `%${escapeLike(q)}%`;
    conds.push(or(like(products.name, pat), like(products.kana, pat)));
  }
  if (state === 'out') conds.push(eq(products.stock, 0));
  if (state === 'inactive') conds.push(eq(products.active, false));
  const rows = await db
    .select({
      id: products.id,
      name: products.name,
      kana: products.kana,
      priceYen: products.priceYen,
      taxRate: products.taxRate,
      unit: products.unit,
      stock: products.stock,
      active: products.active,
      category: categories.name,
      seller: sellers.name,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(and(...conds))
    .orderBy(asc(sellers.id), asc(categories.sort), asc(products.id))
    .limit(PAGE + 1)
    .offset((page - 1) * PAGE)
    .all();
  const showSeller = scope.sellerIds === null;
  return c.html(
    <Layout title="商品と在庫" staff={c.var.staff} flash={takeFlash(c)}>
      <form
        method="get"
        action={BASE}
        role="search"
        style="display:flex;gap:1rem;align-items:end;flex-wrap:wrap"
      >
        <Field label="商品名・よみで検索" name="q" value={q} />
        <SelectField
          label="表示"
          name="state"
          value={state}
          empty="すべて"
          options={[
            { value: 'out', label: '品切れのみ' },
            { value: 'inactive', label: '販売停止のみ' },
          ]}
        />
        <div class="field">
          <button type="submit">検索</button>
        </div>
        <div class="field" style="margin-left:auto">
          <a class="button secondary" href={`${BASE}/new`}>
            商品を追加
          </a>
        </div>
      </form>
      <p class="hint">在庫が「—」の商品は数を数えていません（いつでも注文できます）。0にすると品切れです。</p>
      <ScrollTable label="商品の一覧">
        <thead>
          <tr>
            <th scope="col">商品名</th>
            {showSeller ? <th scope="col">店舗</th> : null}
            <th scope="col">分類</th>
            <th scope="col" class="num">
              価格（税込）
            </th>
            <th scope="col" class="num">
              税率
            </th>
            <th scope="col">単位</th>
            <th scope="col" class="num">
              在庫
            </th>
            <th scope="col">販売</th>
            <th scope="col">
              <span class="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PAGE).map((p) => (
            <tr>
              <td>
                {p.name}
                {p.kana ? <span class="hint">{p.kana}</span> : null}
              </td>
              {showSeller ? <td>{p.seller}</td> : null}
              <td>{p.category}</td>
              <td class="num">{p.priceYen.toLocaleString('ja-JP')}円</td>
              <td class="num">{p.taxRate}%</td>
              <td>{p.unit}</td>
              <td class="num">
                {p.stock === null ? (
                  '—'
                ) : p.stock === 0 ? (
                  <span class="badge bad">品切れ</span>
                ) : (
                  `${p.stock}`
                )}
              </td>
              <td>
                {p.active ? <span class="badge ok">販売中</span> : <span class="badge neutral">停止</span>}
              </td>
              <td>
                <a href={`${BASE}/${p.id}`} aria-label={`${p.name}を編集`}>
                  編集
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {rows.length === 0 ? <p>該当する商品はありません。</p> : null}
      <Pager base={BASE} query={{ q, state }} page={page} hasNext={rows.length > PAGE} />
    </Layout>,
  );
});

function ProductForm(props: {
  staff: StaffAuth;
  title: string;
  action: string;
  values: Record<string, unknown>;
  errors?: Record<string, string>;
  categories: { value: string; label: string }[];
}) {
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <Layout title={props.title} staff={props.staff}>
      <p>
        <a href={BASE}>← 商品の一覧へ</a>
      </p>
      <FormError errors={e} />
      <form method="post" action={props.action} novalidate>
        <div style={GRID}>
          <Field label="商品名" name="name" value={typed(v, 'name')} error={e.name} required />
          <Field
            label="よみ"
            name="kana"
            value={typed(v, 'kana')}
            error={e.kana}
            hint="ひらがなかカタカナ（例：ぎゅうにゅう）"
          />
          <SelectField
            label="分類"
            name="categoryId"
            value={typed(v, 'categoryId')}
            options={props.categories}
            empty="選んでください"
            error={e.categoryId}
          />
          <Field
            label="価格（税込・円）"
            name="priceYen"
            value={typed(v, 'priceYen')}
            error={e.priceYen}
            inputmode="numeric"
            hint="整数の円で（例：198）"
          />
          <SelectField
            label="税率"
            name="taxRate"
            value={typed(v, 'taxRate', '8')}
            options={[
              { value: '8', label: '8%（軽減税率：食品）' },
              { value: '10', label: '10%（標準税率）' },
            ]}
            error={e.taxRate}
          />
          <Field
            label="単位"
            name="unit"
            value={typed(v, 'unit', '1点')}
            error={e.unit}
            hint="例：1本、1パック"
          />
          <Field
            label="重さ（g）"
            name="weightG"
            value={typed(v, 'weightG')}
            error={e.weightG}
            inputmode="numeric"
          />
          <Field
            label="在庫数"
            name="stock"
            value={typed(v, 'stock')}
            error={e.stock}
            inputmode="numeric"
            hint="空欄＝数えない（いつでも注文可）、0＝品切れ"
          />
          <Field
            label="画像（省略可）"
            name="imageUrl"
            value={typed(v, 'imageUrl')}
            error={e.imageUrl}
            hint="テレビアプリの画像の場所（例：/images/products/milk.png）"
          />
        </div>
        <Checkbox
          label="販売する（テレビに表示する）"
          name="active"
          checked={v.active === undefined || v.active === 'on' || v.active === true}
        />
        <button type="submit">保存する</button>
      </form>
    </Layout>
  );
}

/** The form again with what was typed and each field's error (400: nothing was written). */
const redraw =
  (title: string, action: (c: Context<AppEnv>) => string) =>
  async (c: Context<AppEnv>, refused: RefusedForm) =>
    c.html(
      <ProductForm
        staff={c.var.staff}
        title={title}
        action={action(c)}
        values={refused.values}
        errors={refused.errors}
        categories={await categoryOptions(c.var.deps.db, staffScope(c.var.staff))}
      />,
      400,
    );

productsPage.get('/new', async (c) =>
  c.html(
    <ProductForm
      staff={c.var.staff}
      title="商品を追加"
      action={BASE}
      values={{}}
      categories={await categoryOptions(c.var.deps.db, staffScope(c.var.staff))}
    />,
  ),
);

productsPage.post(
  '/',
  consoleForm(
    ProductInput,
    redraw('商品を追加', () => BASE),
  ),
  async (c) => {
    const { db, clock } = c.var.deps;
    const input = c.req.valid('form');
    try {
      await createProduct(
        db,
        staffScope(c.var.staff),
        { type: 'staff', id: c.var.staff.id },
        input,
        clock.now(),
      );
    } catch (e) {
      if (e instanceof AppError && e.status === 404)
        return redraw('商品を追加', () => BASE)(c, {
          values: input as unknown as Record<string, unknown>,
          errors: { categoryId: '分類を選んでください' },
        });
      throw e;
    }
    return redirectWithFlash(c, BASE, { kind: 'notice', text: `「${input.name}」を追加しました` });
  },
);

async function loadProduct(c: { var: { deps: { db: DbOrTx }; staff: StaffAuth } }, id: number) {
  const scope = staffScope(c.var.staff);
  const p = await c.var.deps.db
    .select()
    .from(products)
    .where(and(eq(products.id, id), sellerCondition(scope, products.sellerId)))
    .get();
  if (!p) throw notFound('Product');
  return p;
}

productsPage.get('/:id', async (c) => {
  const p = await loadProduct(c, idOf(c.req.param('id')));
  return c.html(
    <ProductForm
      staff={c.var.staff}
      title={`商品を編集：${p.name}`}
      action={`${BASE}/${p.id}`}
      values={{
        name: p.name,
        kana: p.kana ?? '',
        categoryId: String(p.categoryId),
        priceYen: String(p.priceYen),
        taxRate: String(p.taxRate),
        unit: p.unit,
        weightG: String(p.weightG),
        stock: p.stock === null ? '' : String(p.stock),
        imageUrl: p.imageUrl ?? '',
        active: p.active,
      }}
      categories={await categoryOptions(c.var.deps.db, staffScope(c.var.staff))}
    />,
  );
});

productsPage.post(
  '/:id',
  // The id is checked (and scoped) before the body, so a product of another seller is a 404 either way.
  async (c, next) => {
    await loadProduct(c, idOf(c.req.param('id')));
    await next();
  },
  consoleForm(
    ProductInput,
    redraw('商品を編集', (c) => `${BASE}/${c.req.param('id')}`),
  ),
  async (c) => {
    const { db, clock } = c.var.deps;
    const id = idOf(c.req.param('id'));
    const input = c.req.valid('form');
    try {
      await updateProduct(
        db,
        staffScope(c.var.staff),
        { type: 'staff', id: c.var.staff.id },
        id,
        input,
        clock.now(),
      );
    } catch (e) {
      if (e instanceof AppError && e.status === 404)
        return redraw('商品を編集', () => `${BASE}/${id}`)(c, {
          values: input as unknown as Record<string, unknown>,
          errors: { categoryId: 'この商品の店舗の分類を選んでください' },
        });
      throw e;
    }
    return redirectWithFlash(c, BASE, { kind: 'notice', text: `「${input.name}」を保存しました` });
  },
);
