import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { hamlets, households, products } from '../../../db/src/schema';
import { requireStaffPage } from '../auth/staff-auth';
import { staffScope } from '../auth/scope';
import { Layout } from '../console/layout';
import type { Actor } from '../lib/audit';
import { badRequest } from '../lib/errors';
import type { AppEnv, StaffAuth } from '../lib/router';
import {
  formatJaDate,
  formatJaDateTime,
  tokyoDate,
  tokyoMonth,
  isTokyoDate,
  TokyoDateSchema,
} from '../lib/tokyo';
import { buildPickingList } from './build-picking-list';
import { cancelOrder } from './cancel-order';
import { changeOrder } from './change-order';
import { listHallParcels } from './list-hall-parcels';
import { listHouseholdOrders } from './list-household-orders';
import { packOrder } from './pack-order';
import { pickLine } from './pick-line';
import { pickingListCsv } from './picking-list-csv';
import { placeOrder } from './place-order';
import { HANDOVER_OUTCOME_JA, HandoverInput, recordHandover } from './record-handover';
import { salesReport } from './sales-report';
import { getShopSettings, saveShopSettings, ShopSettingsSchema } from './shop-settings';
import { recordAudit } from '../lib/audit';
import { LiveScript } from '../live/script';
import { describeIssues, idOf } from '../console/form';
import { DateField } from '../console/date-field';

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const actor = (s: StaffAuth): Actor => ({ type: 'staff', id: s.id });
const dateOf = (raw: string | undefined, now: Date) => {
  if (!raw) return tokyoDate(now);
  const r = TokyoDateSchema.safeParse(raw);
  if (!r.success) throw badRequest('invalid_date', `"${raw}" is not a date (YYYY-MM-DD)`);
  return r.data;
};
/** "12 2\n40 1" → lines; the call centre types product numbers and quantities from the paper catalogue. */
const parseLines = (raw: string) => {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\d+)\s*[x×\s]\s*(\d+)$/.exec(l);
      if (!m) throw badRequest('invalid_lines', `「${l}」は「商品番号 数量」の形で入力してください`);
      return { productId: Number(m[1]), qty: Number(m[2]) };
    });
  if (lines.length === 0) throw badRequest('invalid_lines', '商品を1つ以上入力してください');
  return lines;
};

function Page(props: { title: string; staff: StaffAuth; children?: Child; flash?: string | undefined }) {
  return (
    <Layout title={props.title} staff={props.staff}>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      {props.children}
    </Layout>
  );
}

export const shopConsole = new Hono<AppEnv>();

// ── Store: picking list ──────────────────────────────────────────────────────────────────────

shopConsole.get('/picking', requireStaffPage('store_staff'), (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.query('date'), deps.clock.now());
  const list = buildPickingList(deps.db, date, staffScope(staff));
  return c.html(
    <Page title={`ピッキングリスト ${formatJaDate(date)}`} staff={staff} flash={c.req.query('done')}>
      <form method="get" class="no-print">
        <DateField label="配達日" name="date" value={date} />
        <button type="submit">表示</button>{' '}
        <a href={`/console/shop/picking.csv?date=${date}`}>CSVをダウンロード</a>
      </form>
      {list.sellers.length === 0 ? <p>この日の注文はありません。</p> : null}
      {list.sellers.map((s) => (
        <section>
          <h2>{s.sellerName}</h2>
          {s.hamlets.map((h) => (
            <section>
              <h3>
                {h.hamletName}（{h.hallName}）
              </h3>
              <table>
                <thead>
                  <tr>
                    <th>注文</th>
                    <th>世帯</th>
                    <th>商品</th>
                    <th class="num">数量</th>
                    <th>ピック（欠品数）</th>
                    <th>梱包</th>
                  </tr>
                </thead>
                <tbody>
                  {h.rows.map((r, i) => (
                    <tr data-line={r.lineId}>
                      <td>#{r.orderId}</td>
                      <td>{r.householdName}</td>
                      <td>{r.productName}</td>
                      <td class="num">{r.qty}</td>
                      <td>
                        {r.orderStatus === 'cancelled' ? (
                          <strong>取り消し・棚に戻してください</strong>
                        ) : r.picked ? (
                          <span>済{r.missingQty > 0 ? `（欠品 ${r.missingQty}）` : ''}</span>
                        ) : (
                          <form
                            method="post"
                            action={`/console/shop/picking/lines/${r.lineId}?date=${date}`}
                            class="inline"
                          >
                            <input
                              type="number"
                              name="missingQty"
                              min="0"
                              max={String(r.qty)}
                              value="0"
                              aria-label={`${r.productName} の欠品数`}
                              style="width:4em"
                            />
                            <button type="submit">ピック済み</button>
                          </form>
                        )}
                      </td>
                      <td>
                        {r.orderStatus === 'cancelled' ? null : r.packed ? (
                          '梱包済み'
                        ) : i === h.rows.findIndex((x) => x.orderId === r.orderId) ? (
                          <form
                            method="post"
                            action={`/console/shop/picking/orders/${r.orderId}/pack?date=${date}`}
                            class="inline"
                          >
                            <button type="submit">#{r.orderId} を梱包済みにする</button>
                          </form>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </section>
      ))}
    </Page>,
  );
});

shopConsole.get('/picking.csv', requireStaffPage('store_staff'), (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.query('date'), deps.clock.now());
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="picking-${date}.csv"`);
  return c.body(pickingListCsv(buildPickingList(deps.db, date, staffScope(staff))));
});

shopConsole.post('/picking/lines/:id', requireStaffPage('store_staff'), async (c) => {
  const { deps, staff } = c.var;
  const body = await c.req.parseBody();
  const missing = z.coerce
    .number()
    .int()
    .min(0)
    .max(99)
    .safeParse(body.missingQty ?? 0);
  if (!missing.success) throw badRequest('invalid_missing', '欠品数は0以上の整数で入力してください');
  pickLine(
    deps.db,
    idOf(c.req.param('id')),
    { missingQty: missing.data },
    actor(staff),
    deps.clock.now(),
    staffScope(staff),
  );
  const date = dateOf(c.req.query('date'), deps.clock.now());
  return c.redirect(`/console/shop/picking?date=${date}`, 303);
});

shopConsole.post('/picking/orders/:id/pack', requireStaffPage('store_staff'), (c) => {
  const { deps, staff } = c.var;
  const id = idOf(c.req.param('id'));
  packOrder(deps.db, id, actor(staff), deps.clock.now(), staffScope(staff));
  const date = dateOf(c.req.query('date'), deps.clock.now());
  return c.redirect(
    `/console/shop/picking?date=${date}&done=${encodeURIComponent(`#${id} を梱包済みにしました`)}`,
    303,
  );
});

// ── Support worker: handover at the hall ─────────────────────────────────────────────────────

shopConsole.get('/hall', requireStaffPage('support_worker'), (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.query('date'), deps.clock.now());
  const parcels = listHallParcels(deps.db, date, staffScope(staff));
  return c.html(
    <Page title={`荷物のお渡し ${formatJaDate(date)}`} staff={staff} flash={c.req.query('done')}>
      <LiveScript topics={['drone']} />
      <form method="get">
        <DateField label="配達日" name="date" value={date} />
        <button type="submit">表示</button>
      </form>
      {parcels.length === 0 ? <p>この日の荷物はまだありません。</p> : null}
      <table>
        <thead>
          <tr>
            <th>注文</th>
            <th>公民館</th>
            <th>世帯・住所</th>
            <th>状態</th>
            <th>お渡し</th>
          </tr>
        </thead>
        <tbody>
          {parcels.map((p) => (
            <tr data-order={p.orderId}>
              <td>#{p.orderId}</td>
              <td>{p.hallName}</td>
              <td>
                {p.householdName}（{p.residentNames.join('・')}）<br />
                <span class="muted">{p.address}</span>
              </td>
              <td>{p.statusLabel}</td>
              <td>
                {p.status === 'at_hall' || (p.status === 'in_transit' && p.deliveryMode === 'car') ? (
                  <form method="post" action={`/console/shop/hall/orders/${p.orderId}/handover?date=${date}`}>
                    <label>
                      様子
                      <select name="outcome" aria-label={`#${p.orderId} の様子`}>
                        <option value="handed">{HANDOVER_OUTCOME_JA.handed}（手渡し）</option>
                        <option value="concern">{HANDOVER_OUTCOME_JA.concern}（手渡し）</option>
                        <option value="absent">{HANDOVER_OUTCOME_JA.absent}（持ち帰り）</option>
                      </select>
                    </label>
                    <label>
                      メモ <input name="note" maxlength={500} aria-label={`#${p.orderId} のメモ`} />
                    </label>
                    <button type="submit">#{p.orderId} を記録する</button>
                  </form>
                ) : p.status === 'delivered' ? (
                  'お届け済み'
                ) : (
                  '到着待ち'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>,
  );
});

shopConsole.post('/hall/orders/:id/handover', requireStaffPage('support_worker'), async (c) => {
  const { deps, staff } = c.var;
  const body = await c.req.parseBody();
  const input = HandoverInput.safeParse({
    outcome: body.outcome,
    note: typeof body.note === 'string' && body.note.trim() ? body.note : undefined,
  });
  if (!input.success) throw badRequest('invalid_handover', '様子を選んでください');
  const id = idOf(c.req.param('id'));
  recordHandover(deps.db, id, input.data, actor(staff), deps.clock.now(), staffScope(staff));
  const date = dateOf(c.req.query('date'), deps.clock.now());
  return c.redirect(
    `/console/shop/hall?date=${date}&done=${encodeURIComponent(`#${id} を記録しました`)}`,
    303,
  );
});

// ── Call centre: orders by phone ─────────────────────────────────────────────────────────────

shopConsole.get('/phone', requireStaffPage('call_centre'), (c) => {
  const { deps, staff } = c.var;
  const hh = deps.db
    .select({ id: households.id, name: households.name, phone: households.phone, hamlet: hamlets.name })
    .from(households)
    .innerJoin(hamlets, eq(hamlets.id, households.hamletId))
    .orderBy(asc(households.id))
    .all();
  const selected = c.req.query('household') ? idOf(c.req.query('household')) : null;
  const orders = selected ? listHouseholdOrders(deps.db, selected) : [];
  const now = deps.clock.now();
  return c.html(
    <Page title="電話注文" staff={staff} flash={c.req.query('done')}>
      <form method="get">
        <label>
          世帯
          <select name="household">
            {hh.map((h) => (
              <option value={String(h.id)} selected={h.id === selected}>
                {h.name}（{h.hamlet}・{h.phone ?? '電話なし'}）
              </option>
            ))}
          </select>
        </label>
        <button type="submit">選ぶ</button>
      </form>
      {selected ? (
        <>
          <h2>新しい注文</h2>
          <form method="post" action={`/console/shop/phone/orders?household=${selected}`}>
            <input
              type="hidden"
              name="idempotencyKey"
              value={`phone-${staff.id}-${selected}-${now.getTime()}`}
            />
            <label>
              商品番号と数量（1行に1品：「商品番号 数量」）
              <textarea name="lines" rows={5} cols={30} required />
            </label>
            <button type="submit">注文する</button>
          </form>
          <h2>この世帯の注文</h2>
          <table>
            <thead>
              <tr>
                <th>注文</th>
                <th>配達日</th>
                <th>状態</th>
                <th>内容</th>
                <th class="num">金額</th>
                <th>変更・取り消し</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr data-order={o.id}>
                  <td>#{o.id}</td>
                  <td>{formatJaDate(o.deliveryDate)}</td>
                  <td>{o.statusLabel}</td>
                  <td>
                    {o.lines.map((l) => (
                      <div>
                        [{l.productId}] {l.name} × {l.qty}
                      </div>
                    ))}
                  </td>
                  <td class="num">{yen(o.totalYen)}</td>
                  <td>
                    {o.status === 'received' ? (
                      <>
                        <form
                          method="post"
                          action={`/console/shop/phone/orders/${o.id}/lines?household=${selected}`}
                        >
                          <textarea name="lines" rows={3} cols={20} aria-label={`#${o.id} の新しい内容`}>
                            {o.lines.map((l) => `${l.productId} ${l.qty}`).join('\n')}
                          </textarea>
                          <button type="submit">#{o.id} を変更</button>
                        </form>
                        <form
                          method="post"
                          action={`/console/shop/phone/orders/${o.id}/cancel?household=${selected}`}
                        >
                          <button type="submit" class="danger">
                            #{o.id} を取り消す
                          </button>
                        </form>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>商品番号</h2>
      <details>
        <summary>商品の一覧（番号・名前・税込価格）</summary>
        <ul>
          {deps.db
            .select({
              id: products.id,
              name: products.name,
              priceYen: products.priceYen,
              active: products.active,
            })
            .from(products)
            .orderBy(asc(products.id))
            .all()
            .filter((p) => p.active)
            .map((p) => (
              <li>
                {p.id} {p.name} {yen(p.priceYen)}
              </li>
            ))}
        </ul>
      </details>
    </Page>,
  );
});

shopConsole.post('/phone/orders', requireStaffPage('call_centre'), async (c) => {
  const { deps, staff } = c.var;
  const householdId = idOf(c.req.query('household'));
  const body = await c.req.parseBody();
  const key = z.string().min(8).max(100).safeParse(body.idempotencyKey);
  if (!key.success) throw badRequest('invalid_request', '画面を読み込み直してください');
  const { order } = placeOrder(
    deps.db,
    { idempotencyKey: key.data, lines: parseLines(String(body.lines ?? '')) },
    { householdId, channel: 'call_centre', actor: actor(staff), staffId: staff.id },
    deps.clock.now(),
  );
  const msg = `#${order.id} を受け付けました（${formatJaDate(order.deliveryDate)} 配達・${yen(order.totalYen)}）`;
  return c.redirect(`/console/shop/phone?household=${householdId}&done=${encodeURIComponent(msg)}`, 303);
});

shopConsole.post('/phone/orders/:id/lines', requireStaffPage('call_centre'), async (c) => {
  const { deps, staff } = c.var;
  const body = await c.req.parseBody();
  const id = idOf(c.req.param('id'));
  changeOrder(deps.db, id, parseLines(String(body.lines ?? '')), actor(staff), deps.clock.now());
  const household = idOf(c.req.query('household'));
  return c.redirect(
    `/console/shop/phone?household=${household}&done=${encodeURIComponent(`#${id} を変更しました`)}`,
    303,
  );
});

shopConsole.post('/phone/orders/:id/cancel', requireStaffPage('call_centre'), (c) => {
  const { deps, staff } = c.var;
  const id = idOf(c.req.param('id'));
  cancelOrder(deps.db, id, actor(staff), deps.clock.now(), { note: '電話で取り消し' });
  const household = idOf(c.req.query('household'));
  return c.redirect(
    `/console/shop/phone?household=${household}&done=${encodeURIComponent(`#${id} を取り消しました`)}`,
    303,
  );
});

// ── Sales report ─────────────────────────────────────────────────────────────────────────────

shopConsole.get('/sales', requireStaffPage('store_staff', 'city_staff'), (c) => {
  const { deps, staff } = c.var;
  const now = deps.clock.now();
  const period = c.req.query('period') === 'day' ? 'day' : 'month';
  const key = c.req.query('key') ?? (period === 'day' ? tokyoDate(now) : tokyoMonth(now));
  const ok = period === 'day' ? isTokyoDate(key) : /^\d{4}-(0[1-9]|1[0-2])$/.test(key);
  if (!ok) throw badRequest('invalid_period', `"${key}" is not a ${period === 'day' ? 'date' : 'month'}`);
  const report = salesReport(deps.db, period, key, staffScope(staff));
  return c.html(
    <Page title={`売上 ${key}`} staff={staff}>
      <form method="get">
        <label>
          期間
          <select name="period">
            <option value="day" selected={period === 'day'}>
              日
            </option>
            <option value="month" selected={period === 'month'}>
              月
            </option>
          </select>
        </label>
        <label>
          日付または月（YYYY-MM-DD / YYYY-MM） <input name="key" value={key} />
        </label>
        <button type="submit">表示</button>
      </form>
      {report.sellers.length === 0 ? <p>この期間の売上はありません。</p> : null}
      {report.sellers.map((s) => (
        <section>
          <h2>{s.sellerName}</h2>
          <p>
            注文 {s.orders}件・{s.items}行・合計 <strong>{yen(s.totalYen)}</strong>（
            {s.byRate.map((r) => `${r.taxRate}%対象 ${yen(r.amountYen)}`).join('、')}）
          </p>
          <table>
            <thead>
              <tr>
                <th>日</th>
                <th class="num">注文</th>
                <th class="num">売上（税込）</th>
              </tr>
            </thead>
            <tbody>
              {s.days.map((d) => (
                <tr>
                  <td>{formatJaDate(d.date)}</td>
                  <td class="num">{d.orders}</td>
                  <td class="num">{yen(d.totalYen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p class="muted">
        お届け済みの商品だけを数えています（欠品・取り消しは含みません）。{formatJaDateTime(now)} 現在
      </p>
    </Page>,
  );
});

// ── City: shop rules (cut-off, delivery days, weight limit) ──────────────────────────────────

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const dateList = (raw: unknown) =>
  String(raw ?? '')
    .split(/[\s,、]+/)
    .map((d) => d.trim())
    .filter(Boolean);

shopConsole.get('/settings', requireStaffPage('city_staff'), (c) => {
  const { deps, staff } = c.var;
  const s = getShopSettings(deps.db);
  return c.html(
    <Page title="お買い物の設定" staff={staff} flash={c.req.query('done')}>
      <form method="post" action="/console/shop/settings">
        <label>
          締め切り時刻（この時刻より前の注文はその日の夕方に届きます）{' '}
          <input name="cutoff" value={s.calendar.cutoff} pattern="[0-2][0-9]:[0-5][0-9]" required />
        </label>
        <fieldset>
          <legend>配達する曜日</legend>
          {WEEKDAYS_JA.map((w, i) => (
            <label style="display:inline-block;margin-right:1rem">
              <input
                type="checkbox"
                name="weekday"
                value={String(i)}
                checked={s.calendar.deliveryWeekdays.includes(i)}
              />{' '}
              {w}
            </label>
          ))}
        </fieldset>
        <label>
          <input
            type="checkbox"
            name="observePublicHolidays"
            value="1"
            checked={s.calendar.observePublicHolidays}
          />{' '}
          祝日は配達しない
        </label>
        <label>
          休みにする日（YYYY-MM-DD、空白区切り）{' '}
          <textarea name="closedDates">{s.calendar.closedDates.join(' ')}</textarea>
        </label>
        <label>
          祝日・週末でも配達する日（YYYY-MM-DD、空白区切り）{' '}
          <textarea name="openDates">{s.calendar.openDates.join(' ')}</textarea>
        </label>
        <label>
          1回の注文の重さの上限（g）{' '}
          <input name="maxOrderWeightG" type="number" value={String(s.maxOrderWeightG)} required />
        </label>
        <label>
          1回の注文の品数の上限{' '}
          <input name="maxLinesPerOrder" type="number" value={String(s.maxLinesPerOrder)} required />
        </label>
        <button type="submit">保存</button>
      </form>
    </Page>,
  );
});

shopConsole.post('/settings', requireStaffPage('city_staff'), async (c) => {
  const { deps, staff } = c.var;
  const body = await c.req.parseBody({ all: true });
  const weekdays = ([] as unknown[]).concat(body.weekday ?? []).map(Number);
  const parsed = ShopSettingsSchema.safeParse({
    calendar: {
      cutoff: body.cutoff,
      deliveryWeekdays: weekdays,
      observePublicHolidays: body.observePublicHolidays === '1',
      closedDates: dateList(body.closedDates),
      openDates: dateList(body.openDates),
    },
    maxOrderWeightG: Number(body.maxOrderWeightG),
    maxLinesPerOrder: Number(body.maxLinesPerOrder),
  });
  if (!parsed.success) {
    throw badRequest('invalid_settings', `設定を保存できません：${describeIssues(parsed.error)}`);
  }
  const now = deps.clock.now();
  deps.db.transaction((tx) => {
    saveShopSettings(tx, parsed.data, now);
    recordAudit(tx, now, actor(staff), 'shop.settings', 'shop_settings', 1, parsed.data);
  });
  return c.redirect(`/console/shop/settings?done=${encodeURIComponent('保存しました')}`, 303);
});
