import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { hamlets, households } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { redirectWithFlash, takeFlash, type Flash } from '../../console/flash';
import { consoleForm, idOf } from '../../console/form';
import { Layout } from '../../console/layout';
import { AppError, notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { formatJaFullDate } from '../../lib/tokyo';
import { cancelOrder } from '../cancel-order';
import { changeOrder } from '../change-order';
import { findHouseholds, productsByIds, searchProducts } from '../find-households';
import { listHouseholdOrders } from '../list-household-orders';
import { publishShopEvent } from '../live-events';
import { placeOrder } from '../place-order';
import { actor, yen } from './shared';

export const phonePages = new Hono<AppEnv>();

const phoneCss = `
.phone-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;align-items:start}
@media (max-width:1100px){.phone-grid{grid-template-columns:1fr}}
.panel{background:#fff;border:1px solid #c9d1dc;border-radius:8px;padding:.75rem 1rem;margin-bottom:1rem}
.panel h2{margin-top:0}
.lines td input[name=qty]{width:7em}
.hits{list-style:none;padding:0;margin:0}
.hits li{display:flex;justify-content:space-between;gap:1rem;align-items:center;padding:.35rem 0;border-bottom:1px solid #e3e8ef}
.search-row{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
`;

/** One line of the order being taken: as typed, so a refused form shows it again unchanged. */
interface DraftLine {
  productId: string;
  qty: string;
}
interface Draft {
  householdId: number;
  idempotencyKey: string;
  lines: DraftLine[];
  productQuery: string;
  /** Errors by line index (`lines.0.qty`) or `_form`. */
  errors: Record<string, string>;
}

const list = (v: unknown): string[] =>
  v === undefined ? [] : ([] as unknown[]).concat(v).map((x) => (typeof x === 'string' ? x : ''));

const ID = /^[1-9][0-9]{0,15}$/;

/** The phone order as posted: parallel productId[] / qty[] fields, one pair per line. */
const PhoneOrderForm = z
  .object({
    idempotencyKey: z.string().min(8).max(100),
    productId: z.union([z.string(), z.array(z.string())]).optional(),
    qty: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .superRefine((f, ctx) => {
    const ids = list(f.productId);
    const qtys = list(f.qty);
    if (ids.length === 0)
      ctx.addIssue({ code: 'custom', path: ['_form'], message: '商品を1つ以上追加してください' });
    ids.forEach((id, i) => {
      if (!ID.test(id))
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'productId'],
          message: '商品を選び直してください',
        });
      const q = (qtys[i] ?? '').normalize('NFKC').trim();
      if (!/^\d{1,2}$/.test(q) || Number(q) < 1)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'qty'],
          message: `${i + 1}行目：数量は1〜99の数字で入力してください`,
        });
    });
  })
  .transform((f) => ({
    idempotencyKey: f.idempotencyKey,
    lines: list(f.productId).map((id, i) => ({
      productId: Number(id),
      qty: Number((list(f.qty)[i] ?? '').normalize('NFKC').trim()),
    })),
  }));

/** 「1点」 is the default unit and says nothing; others (「1束」「半玉」) tell the size. */
const withUnit = (p: { name: string; unit: string }) =>
  p.unit === '1点' ? p.name : `${p.name}（${p.unit}）`;

async function householdOf(c: Context<AppEnv>, id: number) {
  const h = await c.var.deps.db
    .select({
      id: households.id,
      name: households.name,
      phone: households.phone,
      address: households.address,
      hamlet: hamlets.name,
    })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .where(eq(households.id, id))
    .get();
  if (!h) throw notFound('Household');
  return h;
}

function newKey(c: Context<AppEnv>, householdId: number) {
  return `phone-${c.var.staff.id}-${householdId}-${c.var.deps.clock.now().getTime()}`;
}

function HouseholdSearch(props: { q: string }) {
  return (
    <form method="get" action="/console/shop/phone" class="panel" role="search">
      <label for="household-q">世帯を探す（お名前・ふりがな・電話番号）</label>
      <div class="search-row">
        <input
          id="household-q"
          name="q"
          value={props.q}
          placeholder="例：やまだ／山田／0265"
          autocomplete="off"
        />
        <button type="submit">探す</button>
      </div>
    </form>
  );
}

async function phonePage(c: Context<AppEnv>, flash: Flash | undefined, q: string, draft: Draft | null) {
  const { deps, staff } = c.var;
  const hits = draft ? [] : await findHouseholds(deps.db, q);
  if (!draft)
    return (
      <Layout title="電話注文" staff={staff} flash={flash}>
        <style>{phoneCss}</style>
        <HouseholdSearch q={q} />
        {q.trim() !== '' ? (
          hits.length === 0 ? (
            <p>「{q}」に当たる世帯はありません。ふりがなや電話番号でも探せます。</p>
          ) : (
            <section class="panel" aria-label="見つかった世帯">
              <h2>見つかった世帯（{hits.length}件）</h2>
              <ul class="hits" data-household-hits>
                {hits.map((h) => (
                  <li>
                    <span>
                      <strong>{h.name}</strong>（{h.residentNames.join('・')}）<br />
                      <span class="muted">
                        {h.hamletName}・{h.address}・{h.phone ?? '電話なし'}
                      </span>
                    </span>
                    <a class="button" href={`/console/shop/phone?household=${h.id}`}>
                      {h.name}の注文を受ける
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )
        ) : (
          <p class="hint">お電話の方のお名前を聞いて、上の欄で世帯を探してください。</p>
        )}
      </Layout>
    );

  const h = await householdOf(c, draft.householdId);
  const lineIds = draft.lines.map((l) => (ID.test(l.productId) ? Number(l.productId) : 0));
  const known = await productsByIds(
    deps.db,
    lineIds.filter((x) => x > 0),
  );
  const found = await searchProducts(deps.db, draft.productQuery);
  const orders = await listHouseholdOrders(deps.db, h.id);
  const formError = draft.errors._form;
  return (
    <Layout title={`電話注文：${h.name}`} staff={staff} flash={flash}>
      <style>{phoneCss}</style>
      <p>
        <strong>{h.name}</strong>・{h.hamlet}・{h.address}・{h.phone ?? '電話なし'}{' '}
        <a href="/console/shop/phone">別の世帯を探す</a>
      </p>
      <div class="phone-grid">
        <form
          method="post"
          action={`/console/shop/phone/orders?household=${h.id}`}
          class="panel"
          id="phone-order"
        >
          <h2>新しい注文</h2>
          {/* Enter in any field redraws the form (search, quantities kept); only the button orders. */}
          <button
            type="submit"
            formmethod="get"
            formaction="/console/shop/phone"
            class="visually-hidden"
            tabindex={-1}
            aria-hidden="true"
          >
            更新
          </button>
          <input type="hidden" name="household" value={String(h.id)} />
          <input type="hidden" name="idempotencyKey" value={draft.idempotencyKey} />
          {formError ? (
            <p class="field-error" id="phone-form-error" role="alert">
              {formError}
            </p>
          ) : null}
          {draft.lines.length === 0 ? (
            <p class="muted">まだ商品がありません。下の「商品を探す」で探して「追加」を押してください。</p>
          ) : (
            <table class="lines">
              <thead>
                <tr>
                  <th>商品</th>
                  <th class="num">税込</th>
                  <th>数量</th>
                  <th>
                    <span class="visually-hidden">削除</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.lines.map((l, i) => {
                  const p = known.get(lineIds[i]!);
                  const err = draft.errors[`lines.${i}.qty`] ?? draft.errors[`lines.${i}.productId`];
                  const errId = `line-error-${i}`;
                  return (
                    <tr data-line-index={i} class={err ? 'invalid' : undefined}>
                      <td>
                        <input type="hidden" name="productId" value={l.productId} />
                        {p ? withUnit(p) : `商品 ${l.productId}`}
                        {err ? (
                          <>
                            <br />
                            <span class="field-error" id={errId}>
                              {err}
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td class="num">{p ? yen(p.priceYen) : ''}</td>
                      <td>
                        <input
                          name="qty"
                          value={l.qty}
                          inputmode="numeric"
                          autocomplete="off"
                          aria-label={`${i + 1}行目 ${p?.name ?? ''} の数量`}
                          aria-invalid={err ? 'true' : undefined}
                          aria-describedby={err ? errId : undefined}
                        />
                      </td>
                      <td>
                        <button
                          type="submit"
                          name="remove"
                          value={String(i)}
                          formmethod="get"
                          formaction="/console/shop/phone"
                          class="button secondary"
                          aria-label={`${i + 1}行目 ${p?.name ?? ''} を外す`}
                        >
                          外す
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <p>
            <button type="submit" class="button">
              この内容で注文する
            </button>
          </p>
          <section aria-label="商品を探す">
            <h3>商品を探す</h3>
            <label for="product-q">商品名・売り場・商品番号</label>
            <div class="search-row">
              <input
                id="product-q"
                name="pq"
                value={draft.productQuery}
                placeholder="例：たまご／牛乳／パン"
                autocomplete="off"
              />
              <button type="submit" formmethod="get" formaction="/console/shop/phone" name="find" value="1">
                探す
              </button>
            </div>
            {draft.productQuery.trim() !== '' ? (
              found.length === 0 ? (
                <p>「{draft.productQuery}」に当たる商品はありません。</p>
              ) : (
                <ul class="hits" data-product-hits>
                  {found.map((p) => (
                    <li>
                      <span>
                        {p.name}（{p.unit}）
                        <span class="muted">
                          ・{p.categoryName}・{yen(p.priceYen)}
                        </span>
                      </span>
                      <button
                        type="submit"
                        name="add"
                        value={String(p.id)}
                        formmethod="get"
                        formaction="/console/shop/phone"
                        aria-label={`${p.name} を追加`}
                      >
                        追加
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </section>
        </form>
        <section class="panel">
          <h2>この世帯の注文</h2>
          {orders.length === 0 ? <p>まだ注文はありません。</p> : null}
          {orders.map((o) => (
            <div data-order={o.id} class="order-card">
              <p>
                <strong>#{o.id}</strong> {formatJaFullDate(o.deliveryDate)} 配達・{o.statusLabel}・
                {yen(o.totalYen)}
              </p>
              <ul>
                {o.lines.map((l) => (
                  <li>
                    [{l.productId}] {l.name} × {l.qty}
                  </li>
                ))}
              </ul>
              {o.status === 'received' ? (
                <details>
                  <summary>#{o.id} を変更・取り消す</summary>
                  <form method="post" action={`/console/shop/phone/orders/${o.id}/lines?household=${h.id}`}>
                    <label>
                      新しい内容（1行に1品：「商品番号 数量」）
                      <textarea name="lines" rows={3} cols={20} aria-label={`#${o.id} の新しい内容`}>
                        {o.lines.map((l) => `${l.productId} ${l.qty}`).join('\n')}
                      </textarea>
                    </label>
                    <button type="submit">#{o.id} を変更</button>
                  </form>
                  <form method="post" action={`/console/shop/phone/orders/${o.id}/cancel?household=${h.id}`}>
                    <button type="submit" class="button danger">
                      #{o.id} を取り消す
                    </button>
                  </form>
                </details>
              ) : null}
            </div>
          ))}
        </section>
      </div>
    </Layout>
  );
}

phonePages.get('/phone', requireStaffPage('call_centre'), async (c) => {
  const raw = c.req.query('household');
  if (!raw) return c.html(await phonePage(c, takeFlash(c), c.req.query('q') ?? '', null));
  const householdId = idOf(raw);
  const ids = c.req.queries('productId') ?? [];
  const qtys = c.req.queries('qty') ?? [];
  let lines: DraftLine[] = ids.map((productId, i) => ({ productId, qty: qtys[i] ?? '1' }));
  const remove = c.req.query('remove');
  if (remove !== undefined && /^\d+$/.test(remove)) lines = lines.filter((_, i) => i !== Number(remove));
  const add = c.req.query('add');
  if (add !== undefined && ID.test(add)) {
    // Adding what is already on the order counts it once more rather than making a second line.
    const same = lines.find((l) => l.productId === add);
    if (same) same.qty = String((Number(same.qty) || 0) + 1);
    else lines.push({ productId: add, qty: '1' });
  }
  const key = c.req.query('idempotencyKey');
  return c.html(
    await phonePage(c, takeFlash(c), '', {
      householdId,
      idempotencyKey: key && key.length >= 8 && key.length <= 100 ? key : newKey(c, householdId),
      lines,
      productQuery: c.req.query('pq') ?? '',
      errors: {},
    }),
  );
});

/** The form drawn again with everything the operator typed and what is wrong with it. */
function refusedDraft(
  c: Context<AppEnv>,
  values: Record<string, unknown>,
  errors: Record<string, string>,
): Draft {
  const householdId = idOf(c.req.query('household'));
  const ids = list(values.productId);
  const qtys = list(values.qty);
  const key = typeof values.idempotencyKey === 'string' ? values.idempotencyKey : '';
  return {
    householdId,
    idempotencyKey: key.length >= 8 && key.length <= 100 ? key : newKey(c, householdId),
    lines: ids.map((productId, i) => ({ productId, qty: qtys[i] ?? '' })),
    productQuery: typeof values.pq === 'string' ? values.pq : '',
    errors,
  };
}

phonePages.post(
  '/phone/orders',
  requireStaffPage('call_centre'),
  consoleForm(PhoneOrderForm, async (c, { values, errors }) =>
    c.html(
      await phonePage(
        c,
        { kind: 'error', text: '注文できません。赤字の行を直してください。' },
        '',
        refusedDraft(c, values, errors),
      ),
      400,
    ),
  ),
  async (c) => {
    const { deps, staff } = c.var;
    const householdId = idOf(c.req.query('household'));
    const input = c.req.valid('form');
    try {
      const { order } = await placeOrder(
        deps.db,
        input,
        { householdId, channel: 'call_centre', actor: actor(staff), staffId: staff.id },
        deps.clock.now(),
      );
      publishShopEvent(deps, 'order.placed', order.hamletId, order.id);
      return redirectWithFlash(c, `/console/shop/phone?household=${householdId}`, {
        kind: 'notice',
        text: `#${order.id} を受け付けました（${formatJaFullDate(order.deliveryDate)} 配達・${yen(order.totalYen)}）`,
      });
    } catch (err) {
      // A refusal of the order itself (too heavy, a product no longer sold, …) keeps the form too,
      // and names the line when the refusal names its product.
      if (!(err instanceof AppError) || err.status === 404) throw err;
      const body = await c.req.parseBody({ all: true });
      const ids = list(body.productId);
      const productId = (err.details as { productId?: number } | undefined)?.productId;
      const at = productId === undefined ? -1 : ids.indexOf(String(productId));
      const errors =
        at >= 0 ? { [`lines.${at}.productId`]: `${at + 1}行目：${err.message}` } : { _form: err.message };
      return c.html(
        await phonePage(
          c,
          { kind: 'error', text: '注文できません。赤字のところを直してください。' },
          '',
          refusedDraft(c, body as Record<string, unknown>, errors),
        ),
        err.status === 409 ? 409 : 422,
      );
    }
  },
);

/** 「12 2」 per line, as the call centre reads product numbers from the paper catalogue. */
const ChangeLinesForm = z.object({
  lines: z.string().transform((raw, ctx) => {
    const lines = [];
    for (const l of raw
      .split(/\r?\n/)
      .map((x) => x.normalize('NFKC').trim())
      .filter(Boolean)) {
      const m = /^(\d+)\s*[x×\s]\s*(\d+)$/.exec(l);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: `「${l}」は「商品番号 数量」の形で入力してください` });
        return z.NEVER;
      }
      lines.push({ productId: Number(m[1]), qty: Number(m[2]) });
    }
    if (lines.length === 0) {
      ctx.addIssue({ code: 'custom', message: '商品を1つ以上入力してください' });
      return z.NEVER;
    }
    return lines;
  }),
});

phonePages.post(
  '/phone/orders/:id/lines',
  requireStaffPage('call_centre'),
  consoleForm(ChangeLinesForm),
  async (c) => {
    const { deps, staff } = c.var;
    const id = idOf(c.req.param('id'));
    const household = idOf(c.req.query('household'));
    const o = await changeOrder(deps.db, id, c.req.valid('form').lines, actor(staff), deps.clock.now());
    publishShopEvent(deps, 'order.changed', o.hamletId, id);
    return redirectWithFlash(c, `/console/shop/phone?household=${household}`, {
      kind: 'notice',
      text: `#${id} を変更しました`,
    });
  },
);

phonePages.post('/phone/orders/:id/cancel', requireStaffPage('call_centre'), async (c) => {
  const { deps, staff } = c.var;
  const id = idOf(c.req.param('id'));
  const household = idOf(c.req.query('household'));
  const o = await cancelOrder(deps.db, id, actor(staff), deps.clock.now(), { note: '電話で取り消し' });
  publishShopEvent(deps, 'order.cancelled', o.hamletId, id);
  return redirectWithFlash(c, `/console/shop/phone?household=${household}`, {
    kind: 'notice',
    text: `#${id} を取り消しました`,
  });
});
