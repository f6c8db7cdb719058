import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireStaffPage } from '../../auth/staff-auth';
import { staffScope } from '../../auth/scope';
import { DateField } from '../../console/date-field';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { consoleForm, idOf } from '../../console/form';
import { Layout } from '../../console/layout';
import { LiveScript } from '../../live/script';
import type { AppEnv } from '../../lib/router';
import { formatJaFullDate, tokyoTime } from '../../lib/tokyo';
import { buildPickingList, type PickingRow } from '../build-picking-list';
import { orderDeadline } from '../order-deadline';
import { packOrder } from '../pack-order';
import { pickLine } from '../pick-line';
import { pickingListCsv } from '../picking-list-csv';
import { pickingProgress, type PickingProgress } from '../picking-progress';
import { publishShopEvent } from '../live-events';
import { getShopSettings } from '../shop-settings';
import { unpickLine } from '../unpick-line';
import { actor, dateOf } from './shared';

export const pickingPages = new Hono<AppEnv>();

const pickingJs = readFileSync(new URL('./picking-client.js', import.meta.url), 'utf8');
// The board's script, from our origin (the Content-Security-Policy allows no inline script).
pickingPages.get('/picking.js', (c) => {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(pickingJs);
});

/** Screen and paper: on paper each hall is one sheet with tick boxes, without menu or buttons. */
const pickingCss = `
.pick-summary{display:flex;flex-wrap:wrap;gap:var(--sp-3,1rem);align-items:center;margin:.5rem 0 1rem}
.pick-summary .figure{font-size:1.25rem}
.pick-summary progress,.hall-sheet progress{width:14rem;height:1rem;vertical-align:middle}
.pick-tools{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap;margin:.5rem 0}
.hall-sheet{background:#fff;border:1px solid #c9d1dc;border-radius:8px;padding:.75rem 1rem;margin:0 0 1.25rem}
.hall-sheet>header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;justify-content:space-between}
.hall-sheet h2{margin:0}
.hall-sheet .meta{margin:0}
.pick-table{width:100%}
.pick-table td,.pick-table th{vertical-align:middle}
.pick-table tr.picked{background:#eef7f0}
.pick-table tr.missing{background:#fff4e0}
.pick-table tr.cancelled{background:#fde8e8}
.pick-table .acts{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.pick-table .acts button{min-height:40px}
.pick-table details{display:inline-block}
.pick-table details[open]{display:block;margin-top:.25rem}
.pick-table details input{width:4em}
.pick-table summary{display:inline-flex;align-items:center;min-height:40px;padding:0 .8rem;border:2px solid #b35c00;border-radius:6px;color:#8a4600;font-weight:bold;cursor:pointer;background:#fff}
.pick-table summary:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.tick{display:none;width:3.5em;text-align:center}
td.tick{font-size:1.4rem}
#pick-status:empty{display:none}
@media print{
  .hall-sheet{break-after:page;border:none;padding:0}
  .hall-sheet:last-of-type{break-after:auto}
  .pick-table .acts,.pick-tools,.pick-summary,.date-pick{display:none}
  .tick{display:table-cell}
  .pick-table th:last-child,.pick-table td:last-child{display:none}
  .pick-table tr.picked,.pick-table tr.missing{background:none}
}
`;

function Progress(props: { p: PickingProgress; label: string }) {
  const { p } = props;
  const done = p.picked + p.missing;
  return (
    <span class="figure" data-progress>
      <progress value={String(done)} max={String(Math.max(p.lines, 1))} aria-label={props.label} />{' '}
      <strong>
        {done}/{p.lines}
      </strong>{' '}
      行（ピック済み {p.picked}・欠品 {p.missing}・残り {p.remaining}）・梱包 {p.packed}/{p.orders}
    </span>
  );
}

function Row(props: { r: PickingRow; date: string; firstOfOrder: boolean }) {
  const { r, date } = props;
  const base = `/console/shop/picking/lines/${r.lineId}`;
  const cls =
    r.orderStatus === 'cancelled' ? 'cancelled' : r.picked ? (r.missingQty > 0 ? 'missing' : 'picked') : '';
  return (
    <tr data-line={r.lineId} data-order={r.orderId} class={cls}>
      <td class="tick" aria-hidden="true">
        {r.picked ? '☑' : '☐'}
      </td>
      <td>#{r.orderId}</td>
      <td>{r.householdName}</td>
      <td>{r.productName}</td>
      <td class="num">{r.qty}</td>
      <td>
        {r.orderStatus === 'cancelled' ? (
          <strong>取り消し・棚に戻してください</strong>
        ) : r.picked ? (
          r.missingQty > 0 ? (
            <span class="badge warn">欠品 {r.missingQty}</span>
          ) : (
            <span class="badge ok">ピック済み</span>
          )
        ) : (
          <span class="badge neutral">未</span>
        )}
      </td>
      <td>
        {r.orderStatus === 'cancelled' || r.packed ? (
          r.packed ? (
            <span class="muted">梱包済み</span>
          ) : null
        ) : (
          <div class="acts">
            {r.picked ? (
              <form method="post" action={`${base}/undo?date=${date}`} data-pick data-undo>
                <button
                  type="submit"
                  class="button secondary"
                  aria-label={`#${r.orderId} ${r.productName} を未ピックに戻す`}
                >
                  戻す
                </button>
              </form>
            ) : (
              <>
                <form method="post" action={`${base}?date=${date}`} data-pick>
                  <input type="hidden" name="missingQty" value="0" />
                  <button type="submit" aria-label={`#${r.orderId} ${r.productName} をピック済みにする`}>
                    ピック済み
                  </button>
                </form>
                <details>
                  <summary>欠品</summary>
                  <form method="post" action={`${base}?date=${date}`} data-pick>
                    <label>
                      足りない数
                      <input
                        name="missingQty"
                        inputmode="numeric"
                        value={String(r.qty)}
                        aria-label={`#${r.orderId} ${r.productName} の欠品数`}
                      />
                    </label>{' '}
                    <button type="submit" class="button danger">
                      欠品として記録
                    </button>
                  </form>
                </details>
              </>
            )}
            {props.firstOfOrder ? (
              <form method="post" action={`/console/shop/picking/orders/${r.orderId}/pack?date=${date}`}>
                <button type="submit" class="button secondary">
                  #{r.orderId} を梱包済みにする
                </button>
              </form>
            ) : null}
          </div>
        )}
      </td>
    </tr>
  );
}

pickingPages.get('/picking', requireStaffPage('store_staff'), async (c) => {
  const { deps, staff } = c.var;
  const now = deps.clock.now();
  const date = dateOf(c.req.query('date'), now);
  const scope = staffScope(staff);
  const list = await buildPickingList(deps.db, date, scope);
  const cutoff = orderDeadline(date, await getShopSettings(deps.db));
  const all = list.sellers.flatMap((s) => s.hamlets.flatMap((h) => h.rows));
  const total = pickingProgress(all);
  return c.html(
    <Layout title={`ピッキング ${formatJaFullDate(date)}`} staff={staff} flash={takeFlash(c)}>
      <style>{pickingCss}</style>
      <LiveScript topics={['shop']} />
      <script src="/console/shop/picking.js" defer />
      <form method="get" class="date-pick no-print">
        <DateField label="配達日" name="date" value={date} />
        <button type="submit">表示</button>{' '}
        <a href={`/console/shop/picking.csv?date=${date}`} download>
          CSVをダウンロード
        </a>
      </form>
      <p class="meta">
        注文の締め切り <strong>{tokyoTime(cutoff)}</strong>
        {now.getTime() >= cutoff.getTime()
          ? '（締め切り済み：これ以上注文は増えません）'
          : '（締め切りまで注文が増えます）'}
      </p>
      <div class="pick-summary" id="pick-summary" hidden={all.length === 0}>
        <span>この日全体</span>
        <Progress p={total} label="この日全体の進み具合" />
      </div>
      <div class="pick-tools no-print">
        <button type="button" data-print hidden>
          印刷
        </button>
        <span id="pick-undo" data-live-keep />
        <p id="pick-status" role="status" aria-live="polite" class="notice" data-live-keep />
      </div>
      {list.sellers.length === 0 ? <p>この日の注文はありません。</p> : null}
      {list.sellers.map((s) =>
        s.hamlets.map((h) => (
          <section class="hall-sheet" id={`hall-${s.sellerId}-${h.hamletId}`} data-hall={h.hamletId}>
            <header>
              <h2>
                {h.hallName}（{h.hamletName}）
              </h2>
              <p class="meta muted">
                {list.sellers.length > 1 ? `${s.sellerName}・` : ''}
                {formatJaFullDate(date)}・締め切り {tokyoTime(cutoff)}
              </p>
              <Progress p={pickingProgress(h.rows)} label={`${h.hallName}の進み具合`} />
            </header>
            <table class="pick-table">
              <thead>
                <tr>
                  <th class="tick">確認</th>
                  <th>注文</th>
                  <th>世帯</th>
                  <th>商品</th>
                  <th class="num">数量</th>
                  <th>状態</th>
                  <th class="no-print">操作</th>
                </tr>
              </thead>
              <tbody>
                {h.rows.map((r, i) => (
                  <Row
                    r={r}
                    date={date}
                    firstOfOrder={i === h.rows.findIndex((x) => x.orderId === r.orderId)}
                  />
                ))}
              </tbody>
            </table>
          </section>
        )),
      )}
    </Layout>,
  );
});

pickingPages.get('/picking.csv', requireStaffPage('store_staff'), async (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.query('date'), deps.clock.now());
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="picking-${date}.csv"`);
  return c.body(pickingListCsv(await buildPickingList(deps.db, date, staffScope(staff))));
});

const PickForm = z.object({
  missingQty: z.coerce
    .number({ error: '欠品数は数字で入力してください' })
    .int({ error: '欠品数は0以上の整数で入力してください' })
    .min(0, { error: '欠品数は0以上の整数で入力してください' })
    .max(99, { error: '欠品数は99以下にしてください' }),
});

const boardUrl = (date: string) => `/console/shop/picking?date=${date}`;

pickingPages.post('/picking/lines/:id', requireStaffPage('store_staff'), consoleForm(PickForm), async (c) => {
  const { deps, staff } = c.var;
  const { missingQty } = c.req.valid('form');
  const lineId = idOf(c.req.param('id'));
  const now = deps.clock.now();
  const at = await pickLine(deps.db, lineId, { missingQty }, actor(staff), now, staffScope(staff));
  publishShopEvent(deps, 'picking.changed', at.hamletId, at.orderId);
  const date = dateOf(c.req.query('date'), now);
  return redirectWithFlash(c, boardUrl(date), {
    kind: missingQty > 0 ? 'warning' : 'notice',
    text:
      missingQty > 0
        ? `#${at.orderId} の行を欠品 ${missingQty} として記録しました`
        : `#${at.orderId} の行をピック済みにしました`,
  });
});

pickingPages.post('/picking/lines/:id/undo', requireStaffPage('store_staff'), async (c) => {
  const { deps, staff } = c.var;
  const now = deps.clock.now();
  const at = await unpickLine(deps.db, idOf(c.req.param('id')), actor(staff), now, staffScope(staff));
  publishShopEvent(deps, 'picking.changed', at.hamletId, at.orderId);
  const date = dateOf(c.req.query('date'), now);
  return redirectWithFlash(c, boardUrl(date), {
    kind: 'notice',
    text: `#${at.orderId} の行を未ピックに戻しました`,
  });
});

pickingPages.post('/picking/orders/:id/pack', requireStaffPage('store_staff'), async (c) => {
  const { deps, staff } = c.var;
  const id = idOf(c.req.param('id'));
  const now = deps.clock.now();
  const o = await packOrder(deps.db, id, actor(staff), now, staffScope(staff));
  publishShopEvent(deps, 'picking.changed', o.hamletId, o.id);
  const date = dateOf(c.req.query('date'), now);
  return redirectWithFlash(c, boardUrl(date), {
    kind: 'notice',
    text: `#${id} を梱包済みにしました`,
  });
});
