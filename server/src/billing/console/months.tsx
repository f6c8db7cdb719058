import { sqliteForReading } from '../../../../db/src';
import { Hono } from 'hono';
import { z } from 'zod';
import { consoleForm, type RefusedForm } from '../../console/form';
import { redirectWithFlash, takeFlash, type Flash } from '../../console/flash';
import { formatJaMonth, MonthField, TokyoMonthSchema } from '../../console/month-field';
import { recordAudit } from '../../lib/audit';
import type { AppEnv, StaffAuth } from '../../lib/router';
import { addMonths, billingMonthOf } from '../billing-month';
import { getBillingSettings } from '../billing-settings';
import { closeMonth } from '../close-month';
import { listFollowUps } from '../list-follow-ups';
import { batchStateJa, FIELD_JA, yen } from './labels';
import { actorOf, Page } from './page';
import type { Context } from 'hono';

const CloseForm = z.object({ month: TokyoMonthSchema });

interface CloseRow {
  month: string;
  statementCount: number;
  statementsTotal: number;
  goodsSales: number;
  payouts: number;
  commissions: number;
  batch: number | null;
  imported: number | null;
}

/** 請求・口座振替: the months closed so far and the close of a month by hand. */
function MonthsPage(props: {
  staff: StaffAuth;
  closes: CloseRow[];
  followUps: number;
  month: string;
  error?: string | undefined;
  flash?: Flash | undefined;
}) {
  return (
    <Page title="請求・口座振替" staff={props.staff} flash={props.flash}>
      <p>
        <a href="/console/billing/follow-ups">未収金の対応リスト（{props.followUps}件）</a>
      </p>
      <h2>月次締め</h2>
      <form method="post" action="/console/billing/close" aria-label="月次締め" novalidate>
        <MonthField label="締める月" name="month" value={props.month} required error={props.error} />{' '}
        <button type="submit">締める</button>
        <p class="hint">締めは毎月1日 0:30 に自動で行われます。同じ月を二度締めても変わりません。</p>
      </form>
      <h2>締め済みの月</h2>
      <div class="table-scroll" tabindex={0} role="region" aria-label="締め済みの月">
        <table>
          <thead>
            <tr>
              <th>月</th>
              <th class="num">請求書</th>
              <th class="num">請求合計</th>
              <th class="num">商品売上</th>
              <th class="num">店舗への支払</th>
              <th class="num">手数料（税込）</th>
              <th>口座振替</th>
            </tr>
          </thead>
          <tbody>
            {props.closes.map((r) => {
              const state = batchStateJa({ id: r.batch, imported: r.imported });
              return (
                <tr data-month={r.month}>
                  <td>
                    <a href={`/console/billing/months/${r.month}`}>{formatJaMonth(r.month)}</a>
                  </td>
                  <td class="num">{r.statementCount}件</td>
                  <td class="num">{yen(r.statementsTotal)}</td>
                  <td class="num">{yen(r.goodsSales)}</td>
                  <td class="num">{yen(r.payouts)}</td>
                  <td class="num">{yen(r.commissions)}</td>
                  <td>
                    <span class={`badge ${state.badge}`}>{state.text}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.closes.length === 0 ? <p>締め済みの月はまだありません。</p> : null}
    </Page>
  );
}

async function render(c: Context<AppEnv>, month?: string, error?: string) {
  const { clock } = c.var.deps;
  const sqlite = await sqliteForReading(c.var.deps.db);
  const closes = sqlite
    .prepare<[], CloseRow>(
      `SELECT c.month, c.statement_count AS statementCount, c.statements_total AS statementsTotal, c.goods_sales AS goodsSales,
              c.payouts, c.commissions, b.id AS batch, b.imported_at AS imported
       FROM billing_closes c LEFT JOIN debit_batches b ON b.month = c.month ORDER BY c.month DESC LIMIT 24`,
    )
    .all();
  return (
    <MonthsPage
      staff={c.var.staff}
      closes={closes}
      followUps={listFollowUps(sqlite).length}
      month={month ?? addMonths(billingMonthOf(clock.now()), -1)}
      error={error}
      flash={takeFlash(c)}
    />
  );
}

export const monthsScreen = new Hono<AppEnv>();

monthsScreen.get('/', async (c) => c.html(await render(c)));

const refused = async (c: Context<AppEnv>, r: RefusedForm) =>
  c.html(await render(c, String(r.values.month ?? ''), r.errors.month ?? FIELD_JA.month), 400);

monthsScreen.post('/close', consoleForm(CloseForm, refused), async (c) => {
  const { db, clock } = c.var.deps;
  const { month } = c.req.valid('form');
  const now = clock.now();
  const r = await closeMonth(db, month, now, await getBillingSettings(db));
  if (!r.alreadyClosed) await recordAudit(db, now, actorOf(c), 'billing.close', 'billing_month', month);
  return redirectWithFlash(c, `/console/billing/months/${month}`, {
    kind: r.alreadyClosed ? 'warning' : 'notice',
    text: r.alreadyClosed ? `${formatJaMonth(month)}は締め済みです` : `${formatJaMonth(month)}を締めました`,
  });
});
