import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { requireStaffPage } from '../auth/staff-auth';
import { Layout } from '../console/layout';
import { recordAudit } from '../lib/audit';
import { AppError, badRequest, notFound } from '../lib/errors';
import type { AppEnv, StaffAuth } from '../lib/router';
import { formatJaDate } from '../lib/tokyo';
import { addMonths, billingMonthOf } from './billing-month';
import { getBillingSettings } from './billing-settings';
import { closeMonth } from './close-month';
import { exportDebitBatch, getDebitFile } from './export-debit-batch';
import { importDebitResult } from './import-debit-result';
import { followUpsConsole } from './console-follow-ups';
import { listFollowUps } from './list-follow-ups';
import { loadStatement } from './load-statements';
import { BankAccountInput, registerBankAccount } from './register-bank-account';
import type { Statement } from './statement/types';
import { cableCsvChunks } from './write-cable-csv';
import { idOf } from '../console/form';

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const MonthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const monthOf = (raw: string) => {
  const r = MonthParam.safeParse(raw);
  if (!r.success) throw badRequest('invalid_month', `"${raw}" is not a month (YYYY-MM)`);
  return r.data;
};
const actor = (s: StaffAuth) => ({ type: 'staff' as const, id: s.id });

const printCss = `
.invoice{background:#fff;padding:1.5rem;border:1px solid #ccc;max-width:800px}
.invoice h2{margin:.2rem 0 1rem;font-size:1.6rem;text-align:center;letter-spacing:.3em}
.invoice .parties{display:flex;justify-content:space-between;gap:2rem;margin-bottom:1rem}
.invoice .due{font-size:1.4rem;border-bottom:2px solid #000;display:inline-block;padding:0 .5rem}
.invoice table{margin:.5rem 0}
@media print{.invoice{border:0;padding:0;max-width:none}@page{size:A4;margin:15mm}}
`;

function Page(props: { title: string; staff: StaffAuth; children?: Child; flash?: string | undefined }) {
  return (
    <Layout title={props.title} staff={props.staff}>
      <style>{printCss}</style>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      {props.children}
    </Layout>
  );
}

export const billingConsole = new Hono<AppEnv>();
billingConsole.use('*', requireStaffPage('city_staff'));

billingConsole.get('/', (c) => {
  const { sqlite, clock } = c.var.deps;
  const closes = sqlite
    .prepare<
      [],
      {
        month: string;
        statementCount: number;
        statementsTotal: number;
        goodsSales: number;
        payouts: number;
        commissions: number;
        batch: number | null;
        imported: number | null;
      }
    >(
      `SELECT c.month, c.statement_count AS statementCount, c.statements_total AS statementsTotal, c.goods_sales AS goodsSales,
              c.payouts, c.commissions, b.id AS batch, b.imported_at AS imported
       FROM billing_closes c LEFT JOIN debit_batches b ON b.month = c.month ORDER BY c.month DESC LIMIT 24`,
    )
    .all();
  const previous = addMonths(billingMonthOf(clock.now()), -1);
  const followUps = listFollowUps(sqlite).length;
  return c.html(
    <Page title="請求・口座振替" staff={c.var.staff} flash={c.req.query('done')}>
      <p>
        <a href="/console/billing/follow-ups">未収金の対応リスト（{followUps}件）</a>
      </p>
      <h2>月次締め</h2>
      <form method="post" action="/console/billing/close">
        <label>
          締める月
          <input name="month" type="month" value={previous} required />
        </label>
        <button type="submit">締める</button>
        <span class="muted"> 締めは毎月1日 0:30 に自動で行われます。同じ月を二度締めても変わりません。</span>
      </form>
      <h2>締め済みの月</h2>
      <table>
        <thead>
          <tr>
            <th>月</th>
            <th class="num">請求書</th>
            <th class="num">請求合計</th>
            <th class="num">商品売上</th>
            <th class="num">店舗支払</th>
            <th class="num">手数料（税込）</th>
            <th>口座振替</th>
          </tr>
        </thead>
        <tbody>
          {closes.map((r) => (
            <tr>
              <td>
                <a href={`/console/billing/months/${r.month}`}>{r.month}</a>
              </td>
              <td class="num">{r.statementCount}</td>
              <td class="num">{yen(r.statementsTotal)}</td>
              <td class="num">{yen(r.goodsSales)}</td>
              <td class="num">{yen(r.payouts)}</td>
              <td class="num">{yen(r.commissions)}</td>
              <td>{r.batch === null ? '未作成' : r.imported === null ? '結果待ち' : '結果取込済'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>,
  );
});

billingConsole.post('/close', async (c) => {
  const { db, sqlite, clock } = c.var.deps;
  const form = await c.req.parseBody();
  const month = monthOf(String(form.month ?? ''));
  const now = clock.now();
  const r = await closeMonth(sqlite, month, now, getBillingSettings(db));
  if (!r.alreadyClosed) recordAudit(db, now, actor(c.var.staff), 'billing.close', 'billing_month', month);
  const msg = r.alreadyClosed ? `${month} は締め済みです` : `${month} を締めました`;
  return c.redirect(`/console/billing/months/${month}?done=${encodeURIComponent(msg)}`, 303);
});

billingConsole.get('/months/:month', (c) => {
  const { sqlite } = c.var.deps;
  const month = monthOf(c.req.param('month'));
  const close = sqlite
    .prepare<[string], { report: string }>('SELECT report FROM billing_closes WHERE month = ?')
    .get(month);
  if (!close) throw notFound(`Close of ${month}`);
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
        debitDate: string;
        n: number;
        total: number;
        imported: number | null;
        paid: number | null;
        failed: number | null;
        failedAmount: number | null;
      }
    >(
      `SELECT debit_date AS debitDate, record_count AS n, total_amount AS total, imported_at AS imported,
              collected_count AS paid, failed_count AS failed, failed_amount AS failedAmount FROM debit_batches WHERE month = ?`,
    )
    .get(month);
  const report = JSON.parse(close.report) as string[];
  return c.html(
    <Page title={`${month} の請求`} staff={c.var.staff} flash={c.req.query('done')}>
      <h2>照合</h2>
      <pre>{report.join('\n')}</pre>
      <h2>口座振替</h2>
      {batch ? (
        <div>
          <p>
            引落日 {formatJaDate(batch.debitDate)}・{batch.n}件・{yen(batch.total)}{' '}
            <a href={`/console/billing/months/${month}/debit.txt`}>
              振替依頼データ（全銀・Shift_JIS）をダウンロード
            </a>
          </p>
          {batch.imported ? (
            <p>
              結果：振替済 {batch.paid}件、振替不能 {batch.failed}件（{yen(batch.failedAmount ?? 0)}）
            </p>
          ) : (
            <p class="muted">銀行からの振替結果を待っています。</p>
          )}
        </div>
      ) : (
        <form method="post" action={`/console/billing/months/${month}/export`}>
          <button type="submit">振替依頼データを作成</button>
        </form>
      )}
      <form method="post" action="/console/billing/results" enctype="multipart/form-data">
        <label>
          振替結果ファイルの取込
          <input type="file" name="file" required />
        </label>
        <button type="submit">取り込む</button>
      </form>
      <p>
        <a href={`/console/billing/months/${month}/cable.csv`}>ケーブルテレビ請求用 CSV をダウンロード</a>
      </p>
      <h2>店舗への支払（精算）</h2>
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
      <h2>世帯ごとの請求書</h2>
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
      <p>
        {page > 0 ? <a href={`?page=${page - 1}`}>前の100件</a> : null}{' '}
        {statements.length === 100 ? <a href={`?page=${page + 1}`}>次の100件</a> : null}
      </p>
    </Page>,
  );
});

billingConsole.post('/months/:month/export', (c) => {
  const { db, sqlite, clock } = c.var.deps;
  const month = monthOf(c.req.param('month'));
  const now = clock.now();
  const r = exportDebitBatch(sqlite, month, now, getBillingSettings(db));
  if (!r.alreadyExported)
    recordAudit(db, now, actor(c.var.staff), 'billing.export_debit', 'debit_batch', r.batchId);
  const skipped = r.skipped.length
    ? `（口座振替なし ${r.skipped.length}件: ${r.skipped.map((s) => `${s.name} ${s.reason}`).join('、')}）`
    : '';
  return c.redirect(
    `/console/billing/months/${month}?done=${encodeURIComponent(`振替依頼データを作成しました: ${r.recordCount}件 ${yen(r.totalAmount)}${skipped}`)}`,
    303,
  );
});

billingConsole.get('/months/:month/debit.txt', (c) => {
  const month = monthOf(c.req.param('month'));
  const file = getDebitFile(c.var.deps.sqlite, month);
  return c.body(new Uint8Array(file), 200, {
    'content-type': 'text/plain; charset=Shift_JIS',
    'content-disposition': `attachment; filename="debit-${month}.txt"`,
  });
});

billingConsole.get('/months/:month/cable.csv', (c) => {
  const month = monthOf(c.req.param('month'));
  const { sqlite } = c.var.deps;
  if (!sqlite.prepare('SELECT 1 FROM billing_closes WHERE month = ?').get(month))
    throw notFound(`Close of ${month}`);
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="cable-bill-${month}.csv"`);
  const chunks = cableCsvChunks(sqlite, month);
  return stream(c, async (s) => {
    for (const chunk of chunks) await s.write(chunk.text);
  });
});

billingConsole.post('/results', async (c) => {
  const { db, sqlite, clock } = c.var.deps;
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File) || file.size === 0)
    throw badRequest('missing_file', '振替結果ファイルを選んでください');
  const now = clock.now();
  const r = importDebitResult(sqlite, Buffer.from(await file.arrayBuffer()), now);
  recordAudit(db, now, actor(c.var.staff), 'billing.import_result', 'debit_batch', r.batchId, r);
  const msg = `${r.month} の振替結果を取り込みました: 振替済 ${r.paid}件、振替不能 ${r.failed}件、未収金の対応リストへ ${r.followUps}件、口座振替停止 ${r.mandatesStopped}件${r.unchanged ? `（取込済 ${r.unchanged}件は変更なし）` : ''}`;
  return c.redirect(`/console/billing/months/${r.month}?done=${encodeURIComponent(msg)}`, 303);
});

export function StatementView(props: { s: Statement }) {
  const s = props.s;
  return (
    <article class="invoice">
      <h2>請求書</h2>
      <div class="parties">
        <div>
          <p>
            <strong>{s.recipient.name} 様</strong>
          </p>
          <p>ケーブルテレビ顧客番号 {s.recipient.cableCustomerNo}</p>
          <p>
            ご請求額 <span class="due">{yen(s.amountDue)}</span>
          </p>
        </div>
        <div>
          <p>{s.issuer.name}</p>
          <p>登録番号 {s.issuer.registrationNumber}</p>
          <p>発行日 {formatJaDate(s.issuedOn)}</p>
          <p>
            対象 {Number(s.month.slice(0, 4))}年{Number(s.month.slice(5))}月ご利用分
          </p>
        </div>
      </div>
      <table>
        <thead>
          <tr>
            <th>日付</th>
            <th>内容</th>
            <th>税率</th>
            <th class="num">金額（税込）</th>
          </tr>
        </thead>
        {s.groups.map((g) => (
          <tbody>
            <tr>
              <th colspan={3}>{g.title}</th>
              <th class="num">{yen(g.subtotal)}</th>
            </tr>
            {g.lines.map((l) => (
              <tr>
                <td>{formatJaDate(l.date)}</td>
                <td>{l.description}</td>
                <td>{l.kind === 'carry_over' ? '—' : `${l.taxRate}%${l.reducedRate ? ' ※' : ''}`}</td>
                <td class="num">{yen(l.amountYen)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <table>
        <tbody>
          {s.rates.map((r) => (
            <tr>
              <th>
                {r.rate}%対象{r.rate === 8 ? '（軽減税率）' : ''}
              </th>
              <td class="num">{yen(r.total)}</td>
              <th>うち消費税</th>
              <td class="num">{yen(r.tax)}</td>
            </tr>
          ))}
          {s.carriedOver ? (
            <tr>
              <th>前月までの未収分</th>
              <td class="num" colspan={3}>
                {yen(s.carriedOver)}
              </td>
            </tr>
          ) : null}
          <tr>
            <th>ご請求額</th>
            <td class="num" colspan={3}>
              <strong>{yen(s.amountDue)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p class="muted">
        ※は軽減税率（8%）対象です。消費税は税率ごとに合計して一回だけ計算し、1円未満を切り捨てています。
      </p>
    </article>
  );
}

billingConsole.get('/statements/:id', (c) => {
  const s = loadStatement(c.var.deps.sqlite, idOf(c.req.param('id')));
  return c.html(
    <Page title={`請求書 ${s.recipient.name} ${s.month}`} staff={c.var.staff}>
      <p class="no-print">
        <a href={`/console/billing/months/${s.month}`}>← {s.month} の一覧</a>{' '}
        <button type="button" onclick="window.print()">
          印刷
        </button>
      </p>
      <StatementView s={s} />
    </Page>,
  );
});

billingConsole.get('/settlements/:id', (c) => {
  const { sqlite, db } = c.var.deps;
  const st = sqlite
    .prepare<
      [number],
      {
        month: string;
        name: string;
        reg: string | null;
        sales: number;
        sales8: number;
        sales10: number;
        orders: number;
        lines: number;
        bp: number;
        net: number;
        tax: number;
        payout: number;
        created: number;
      }
    >(
      `SELECT st.month, s.name, s.invoice_reg_no AS reg, st.sales, st.sales8, st.sales10, st.order_count AS orders,
              st.line_count AS lines, st.commission_bp AS bp, st.commission_net AS net, st.commission_tax AS tax,
              st.payout, st.created_at AS created
       FROM seller_settlements st JOIN sellers s ON s.id = st.seller_id WHERE st.id = ?`,
    )
    .get(idOf(c.req.param('id')));
  if (!st) throw notFound('Settlement');
  const issuer = getBillingSettings(db).issuer;
  return c.html(
    <Page title={`精算書 ${st.name} ${st.month}`} staff={c.var.staff}>
      <p class="no-print">
        <a href={`/console/billing/months/${st.month}`}>← {st.month} の一覧</a>{' '}
        <button type="button" onclick="window.print()">
          印刷
        </button>
      </p>
      <article class="invoice">
        <h2>精算書</h2>
        <div class="parties">
          <div>
            <p>
              <strong>{st.name} 御中</strong>
            </p>
            {st.reg ? <p>登録番号 {st.reg}</p> : null}
          </div>
          <div>
            <p>{issuer.name}</p>
            <p>登録番号 {issuer.registrationNumber}</p>
            <p>
              対象 {st.month}（注文 {st.orders}件・明細 {st.lines}行）
            </p>
          </div>
        </div>
        <table>
          <tbody>
            <tr>
              <th>商品売上（税込）</th>
              <td class="num">{yen(st.sales)}</td>
            </tr>
            <tr>
              <th>うち8%対象（軽減税率）</th>
              <td class="num">{yen(st.sales8)}</td>
            </tr>
            <tr>
              <th>うち10%対象</th>
              <td class="num">{yen(st.sales10)}</td>
            </tr>
            <tr>
              <th>販売手数料（{st.bp / 100}%）</th>
              <td class="num">−{yen(st.net)}</td>
            </tr>
            <tr>
              <th>手数料の消費税（10%）</th>
              <td class="num">−{yen(st.tax)}</td>
            </tr>
            <tr>
              <th>お支払額</th>
              <td class="num">
                <strong>{yen(st.payout)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        <p class="muted">
          住民への請求書は媒介者交付特例により当方名義で発行しています。本書をその写しの送付に代えます。
        </p>
      </article>
    </Page>,
  );
});

billingConsole.route('/follow-ups', followUpsConsole);

function BankForm(props: {
  householdId: number;
  name: string;
  current?: Record<string, unknown> | undefined;
  error?: string;
}) {
  const v = (k: string) =>
    props.current?.[k] === undefined || props.current?.[k] === null ? '' : String(props.current[k]);
  return (
    <form method="post">
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <label>
        金融機関コード <input name="bankCode" value={v('bankCode')} pattern="\d{4}" required />
      </label>
      <label>
        金融機関名（カナ） <input name="bankName" value={v('bankName')} required />
      </label>
      <label>
        支店コード <input name="branchCode" value={v('branchCode')} pattern="\d{3}" required />
      </label>
      <label>
        支店名（カナ） <input name="branchName" value={v('branchName')} required />
      </label>
      <label>
        預金種目
        <select name="accountType">
          {[
            ['1', '普通'],
            ['2', '当座'],
            ['3', '納税準備'],
            ['9', 'その他'],
          ].map(([k, label]) => (
            <option value={k} selected={v('accountType') === k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        口座番号 <input name="accountNumber" value={v('accountNumber')} pattern="\d{1,7}" required />
      </label>
      <label>
        口座名義（カナ） <input name="holderKana" value={v('holderKana')} required />
      </label>
      <button type="submit">口座振替依頼書を受け付けて登録</button>
    </form>
  );
}

const bankRow = (c: { var: AppEnv['Variables'] }, id: number) => {
  const { sqlite } = c.var.deps;
  const household = sqlite
    .prepare<[number], { name: string }>('SELECT name FROM households WHERE id = ?')
    .get(id);
  if (!household) throw notFound('Household');
  const account = sqlite
    .prepare<[number], Record<string, unknown>>(
      `SELECT bank_code AS bankCode, bank_name AS bankName, branch_code AS branchCode, branch_name AS branchName,
              account_type AS accountType, account_number AS accountNumber, holder_kana AS holderKana,
              mandate_status AS mandateStatus, stopped_reason AS stoppedReason
       FROM bank_accounts WHERE household_id = ?`,
    )
    .get(id);
  return { household, account };
};

billingConsole.get('/households/:id/bank-account', (c) => {
  const id = idOf(c.req.param('id'));
  const { household, account } = bankRow(c, id);
  return c.html(
    <Page title={`${household.name} の口座振替`} staff={c.var.staff} flash={c.req.query('done')}>
      <p>
        状態:{' '}
        {account
          ? account.mandateStatus === 'active'
            ? '有効'
            : `停止中（${String(account.stoppedReason ?? '')}）— 新しい依頼書を受け付けると再開します`
          : '未登録'}
      </p>
      <p class="muted">ひらがな・全角カナで入力しても、全銀データ用の半角カナに直して保存します。</p>
      <BankForm householdId={id} name={household.name} current={account} />
    </Page>,
  );
});

billingConsole.post('/households/:id/bank-account', async (c) => {
  const { db, sqlite, clock } = c.var.deps;
  const id = idOf(c.req.param('id'));
  const { household } = bankRow(c, id);
  const form = await c.req.parseBody();
  const parsed = BankAccountInput.safeParse(form);
  const now = clock.now();
  try {
    if (!parsed.success)
      throw badRequest(
        'invalid_request',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    sqlite.transaction(() => {
      registerBankAccount(sqlite, id, parsed.data, now);
      recordAudit(db, now, actor(c.var.staff), 'billing.bank_account', 'household', id);
    })();
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    return c.html(
      <Page title={`${household.name} の口座振替`} staff={c.var.staff}>
        <BankForm
          householdId={id}
          name={household.name}
          current={form as Record<string, unknown>}
          error={e.message}
        />
      </Page>,
      e.status as 400,
    );
  }
  return c.redirect(
    `/console/billing/households/${id}/bank-account?done=${encodeURIComponent('登録しました')}`,
    303,
  );
});
