import { withSqlite, sqliteForReading, type Sqlite } from '../../../../db/src';
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { consoleForm, type RefusedForm } from '../../console/form';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { formatJaMonth, TokyoMonthSchema } from '../../console/month-field';
import { recordAudit } from '../../lib/audit';
import { AppError, badRequest, notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { formatJaDateTime, formatJaFullDate } from '../../lib/tokyo';
import { getBillingSettings } from '../billing-settings';
import { exportDebitBatch, getDebitFile } from '../export-debit-batch';
import { importDebitResult } from '../import-debit-result';
import { planDebitOutcome } from '../plan-debit-outcome';
import { cableCsvChunks } from '../write-cable-csv';
import type { ResultCode } from '../zengin/types';
import { billingErrorJa, DEBIT_ITEM_JA, yen } from './labels';
import { actorOf, Page } from './page';

const monthOf = (raw: string) => {
  const r = TokyoMonthSchema.safeParse(raw);
  if (!r.success) throw badRequest('invalid_month', `「${raw}」は月（年-月）ではありません`);
  return r.data;
};

/** The checks the close refused to commit without, read again from what it recorded. */
function reconciliation(sqlite: Sqlite, month: string) {
  const close = sqlite
    .prepare<
      [string],
      {
        ledgerTotal: number;
        ledgerCount: number;
        statementsTotal: number;
        statementCount: number;
        goodsSales: number;
        payouts: number;
        commissions: number;
        closedAt: number;
      }
    >(
      `SELECT ledger_total AS ledgerTotal, ledger_count AS ledgerCount, statements_total AS statementsTotal,
              statement_count AS statementCount, goods_sales AS goodsSales, payouts, commissions, closed_at AS closedAt
       FROM billing_closes WHERE month = ?`,
    )
    .get(month);
  if (!close) throw notFound(`Close of ${month}`);
  const settled =
    sqlite
      .prepare<[string], { sales: number | null }>(
        'SELECT sum(sales) AS sales FROM seller_settlements WHERE month = ?',
      )
      .get(month)!.sales ?? 0;
  return {
    close,
    checks: [
      { label: '請求書の合計 ＝ 請求台帳の合計', left: close.statementsTotal, right: close.ledgerTotal },
      { label: '店舗精算の売上 ＝ 台帳の商品売上', left: settled, right: close.goodsSales },
      {
        label: '店舗への支払＋手数料 ＝ 商品売上',
        left: close.payouts + close.commissions,
        right: close.goodsSales,
      },
    ],
  };
}

export const monthScreen = new Hono<AppEnv>();

monthScreen.get('/months/:month', async (c) => {
  const sqlite = await sqliteForReading(c.var.deps.db);
  const month = monthOf(c.req.param('month'));
  const { close, checks } = reconciliation(sqlite, month);
  const page = Math.max(0, Number(c.req.query('page') ?? 0) | 0);
  const statements = sqlite
    .prepare<
      [string, number],
      {
        id: number;
        householdId: number;
        name: string;
        no: string;
        total8: number;
        total10: number;
        carried: number;
        due: number;
      }
    >(
      `SELECT id, household_id AS householdId, recipient_name AS name, cable_customer_no AS no, total8, total10,
              carried_over AS carried, amount_due AS due
       FROM statements WHERE month = ? ORDER BY household_id LIMIT 100 OFFSET ?`,
    )
    .all(month, page * 100);
  const settlements = sqlite
    .prepare<[string], { id: number; name: string; sales: number; net: number; tax: number; payout: number }>(
      `SELECT st.id, s.name, st.sales, st.commission_net AS net, st.commission_tax AS tax, st.payout
       FROM seller_settlements st JOIN sellers s ON s.id = st.seller_id WHERE st.month = ? ORDER BY s.id`,
    )
    .all(month);
  const batch = sqlite
    .prepare<
      [string],
      {
        id: number;
        debitDate: string;
        n: number;
        total: number;
        imported: number | null;
        paid: number | null;
        paidAmount: number | null;
        failed: number | null;
        failedAmount: number | null;
      }
    >(
      `SELECT id, debit_date AS debitDate, record_count AS n, total_amount AS total, imported_at AS imported,
              collected_count AS paid, collected_amount AS paidAmount, failed_count AS failed, failed_amount AS failedAmount
       FROM debit_batches WHERE month = ?`,
    )
    .get(month);
  const unmatched = batch?.imported
    ? sqlite
        .prepare<
          [number],
          { householdId: number; name: string; amount: number; status: string; resultCode: number | null }
        >(
          `SELECT i.household_id AS householdId, h.name, i.amount, i.status, i.result_code AS resultCode
           FROM debit_items i JOIN households h ON h.id = i.household_id
           WHERE i.batch_id = ? AND i.status = 'failed' ORDER BY i.household_id LIMIT 200`,
        )
        .all(batch.id)
    : [];
  const jaMonth = formatJaMonth(month);
  return c.html(
    <Page title={`${jaMonth}分の請求`} staff={c.var.staff} flash={takeFlash(c)}>
      <p>
        <a href="/console/billing">← 請求・口座振替</a>
      </p>
      <h2>照合</h2>
      <p>
        請求台帳 {close.ledgerCount}行・請求書 {close.statementCount}件。締めた日時{' '}
        {formatJaDateTime(new Date(close.closedAt))}
      </p>
      <table aria-label="締めの照合">
        <thead>
          <tr>
            <th>照合する項目</th>
            <th class="num">左辺</th>
            <th class="num">右辺</th>
            <th>結果</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((k) => (
            <tr>
              <td>{k.label}</td>
              <td class="num">{yen(k.left)}</td>
              <td class="num">{yen(k.right)}</td>
              <td>
                {k.left === k.right ? (
                  <span class="badge ok">一致</span>
                ) : (
                  <span class="badge bad">不一致</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>口座振替</h2>
      {batch ? (
        <div>
          <p>
            引落日 {formatJaFullDate(batch.debitDate)}・{batch.n}件・{yen(batch.total)}{' '}
            <a href={`/console/billing/months/${month}/debit.txt`} download>
              振替依頼データ（全銀・Shift_JIS）をダウンロード
            </a>
          </p>
          {batch.imported ? (
            <div class="cards" aria-label="振替結果">
              <div class="card kpi">
                <span class="label">振替済</span>
                <span class="value">{batch.paid}件</span>
                <span>{yen(batch.paidAmount ?? 0)}</span>
              </div>
              <div class="card kpi">
                <span class="label">振替不能</span>
                <span class="value">{batch.failed}件</span>
                <span>{yen(batch.failedAmount ?? 0)}</span>
              </div>
            </div>
          ) : (
            <p class="warning" role="status">
              銀行からの振替結果を待っています（引落日 {formatJaFullDate(batch.debitDate)} 以降に届きます）。
            </p>
          )}
          {unmatched.length > 0 ? (
            <div class="table-scroll" tabindex={0} role="region" aria-label="振替できていない世帯">
              <table>
                <caption>振替できなかった世帯（未収金の対応リストに載ります）</caption>
                <thead>
                  <tr>
                    <th>世帯</th>
                    <th class="num">金額</th>
                    <th>状態</th>
                    <th>理由</th>
                  </tr>
                </thead>
                <tbody>
                  {unmatched.map((u) => (
                    <tr>
                      <td>
                        <a href={`/console/billing/households/${u.householdId}/bank-account`}>{u.name}</a>
                      </td>
                      <td class="num">{yen(u.amount)}</td>
                      <td>{DEBIT_ITEM_JA[u.status] ?? u.status}</td>
                      <td>
                        {u.resultCode === null ? '—' : planDebitOutcome(u.resultCode as ResultCode).reason}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : (
        <form method="post" action={`/console/billing/months/${month}/export`}>
          <button type="submit">振替依頼データを作成</button>
        </form>
      )}
      <form
        method="post"
        action="/console/billing/results"
        enctype="multipart/form-data"
        aria-label="振替結果の取込"
      >
        <input type="hidden" name="from" value={month} />
        <label for="result-file">振替結果ファイルの取込</label>
        <input id="result-file" type="file" name="file" aria-describedby="result-file-hint" />
        <span class="hint" id="result-file-hint">
          銀行から届いた全銀フォーマットの振替結果ファイルを選んでください。
        </span>
        <button type="submit">取り込む</button>
      </form>
      <p>
        <a href={`/console/billing/months/${month}/cable.csv`} download>
          ケーブルテレビ請求用 CSV をダウンロード
        </a>
      </p>

      <h2>店舗への支払（精算）</h2>
      <div class="table-scroll" tabindex={0} role="region" aria-label="店舗への支払">
        <table>
          <thead>
            <tr>
              <th>店舗</th>
              <th class="num">売上（税込）</th>
              <th class="num">手数料</th>
              <th class="num">手数料の消費税</th>
              <th class="num">支払額</th>
            </tr>
          </thead>
          <tbody>
            {settlements.map((s) => (
              <tr>
                <td>
                  <a href={`/console/billing/settlements/${s.id}`}>{s.name}</a>
                </td>
                <td class="num">{yen(s.sales)}</td>
                <td class="num">{yen(s.net)}</td>
                <td class="num">{yen(s.tax)}</td>
                <td class="num">{yen(s.payout)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>世帯ごとの請求書</h2>
      <div class="table-scroll" tabindex={0} role="region" aria-label="世帯ごとの請求書">
        <table>
          <thead>
            <tr>
              <th>世帯</th>
              <th>顧客番号</th>
              <th class="num">8%対象</th>
              <th class="num">10%対象</th>
              <th class="num">未収繰越</th>
              <th class="num">請求額</th>
            </tr>
          </thead>
          <tbody>
            {statements.map((s) => (
              <tr>
                <td>
                  <a href={`/console/billing/statements/${s.id}`}>{s.name}</a>
                </td>
                <td>{s.no}</td>
                <td class="num">{yen(s.total8)}</td>
                <td class="num">{yen(s.total10)}</td>
                <td class="num">{yen(s.carried)}</td>
                <td class="num">{yen(s.due)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {page > 0 ? <a href={`?page=${page - 1}`}>前の100件</a> : null}{' '}
        {statements.length === 100 ? <a href={`?page=${page + 1}`}>次の100件</a> : null}
      </p>
    </Page>,
  );
});

monthScreen.post('/months/:month/export', async (c) => {
  const { db, clock } = c.var.deps;
  const month = monthOf(c.req.param('month'));
  const now = clock.now();
  const back = `/console/billing/months/${month}`;
  try {
    const settings = await getBillingSettings(db);
    const r = await withSqlite(db, (sqlite) => exportDebitBatch(sqlite, month, now, settings));
    if (!r.alreadyExported)
      await recordAudit(db, now, actorOf(c), 'billing.export_debit', 'debit_batch', r.batchId);
    const skipped = r.skipped.length
      ? `（口座振替なし ${r.skipped.length}件: ${r.skipped.map((s) => `${s.name} ${s.reason}`).join('、')}）`
      : '';
    return redirectWithFlash(c, back, {
      kind: 'notice',
      text: `振替依頼データを作成しました: ${r.recordCount}件 ${yen(r.totalAmount)}${skipped}`,
    });
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500 || e.status === 404) throw e;
    return redirectWithFlash(c, back, { kind: 'error', text: billingErrorJa(e) });
  }
});

monthScreen.get('/months/:month/debit.txt', async (c) => {
  const month = monthOf(c.req.param('month'));
  const file = await withSqlite(c.var.deps.db, (sqlite) => getDebitFile(sqlite, month));
  return c.body(new Uint8Array(file), 200, {
    'content-type': 'text/plain; charset=Shift_JIS',
    'content-disposition': `attachment; filename="debit-${month}.txt"`,
  });
});

monthScreen.get('/months/:month/cable.csv', async (c) => {
  const month = monthOf(c.req.param('month'));
  const sqlite = await sqliteForReading(c.var.deps.db);
  if (!sqlite.prepare('SELECT 1 FROM billing_closes WHERE month = ?').get(month))
    throw notFound(`Close of ${month}`);
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="cable-bill-${month}.csv"`);
  const chunks = cableCsvChunks(sqlite, month);
  return stream(c, async (s) => {
    for (const chunk of chunks) await s.write(chunk.text);
  });
});

const ResultForm = z.object({
  from: z.string().optional(),
  file: z.instanceof(File, { error: '振替結果ファイルを選んでください' }).refine((f) => f.size > 0, {
    error: '振替結果ファイルを選んでください',
  }),
});

/** Back to the month the upload was made from (the file itself names its month only once read). */
const backTo = (from: unknown) =>
  typeof from === 'string' && TokyoMonthSchema.safeParse(from).success
    ? `/console/billing/months/${from}`
    : '/console/billing';

const noFile = (c: Context<AppEnv>, r: RefusedForm) =>
  redirectWithFlash(c, backTo(r.values.from), { kind: 'error', text: '振替結果ファイルを選んでください' });

monthScreen.post('/results', consoleForm(ResultForm, noFile), async (c) => {
  const { db, clock } = c.var.deps;
  const { file } = c.req.valid('form');
  const now = clock.now();
  const body = Buffer.from(await file.arrayBuffer());
  let r: ReturnType<typeof importDebitResult>;
  try {
    r = await withSqlite(db, (sqlite) => importDebitResult(sqlite, body, now));
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    return redirectWithFlash(c, backTo(c.req.valid('form').from), { kind: 'error', text: billingErrorJa(e) });
  }
  await recordAudit(db, now, actorOf(c), 'billing.import_result', 'debit_batch', r.batchId, r);
  const text = `${formatJaMonth(r.month)}分の振替結果を取り込みました: 振替済 ${r.paid}件、振替不能 ${r.failed}件、未収金の対応リストへ ${r.followUps}件、口座振替停止 ${r.mandatesStopped}件${r.unchanged ? `（取込済 ${r.unchanged}件は変更なし）` : ''}`;
  return redirectWithFlash(c, `/console/billing/months/${r.month}`, { kind: 'notice', text });
});
