import { withSqlite } from '../../../../db/src';
import { Hono } from 'hono';
import { idOf } from '../../console/form';
import { formatJaMonth } from '../../console/month-field';
import type { AppEnv } from '../../lib/router';
import { formatJaDate } from '../../lib/tokyo';
import { loadStatement } from '../load-statements';
import type { Statement } from '../statement/types';
import { yen } from './labels';
import { Page } from './page';

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
          <p>対象 {formatJaMonth(s.month)}ご利用分</p>
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

export const statementScreen = new Hono<AppEnv>();

statementScreen.get('/statements/:id', async (c) => {
  const id = idOf(c.req.param('id'));
  const s = await withSqlite(c.var.deps.db, (sqlite) => loadStatement(sqlite, id));
  return c.html(
    <Page title={`請求書 ${s.recipient.name} ${formatJaMonth(s.month)}分`} staff={c.var.staff}>
      <p class="no-print">
        <a href={`/console/billing/months/${s.month}`}>← {formatJaMonth(s.month)}分の一覧</a>{' '}
        <button type="button" onclick="window.print()">
          印刷
        </button>
      </p>
      <StatementView s={s} />
    </Page>,
  );
});
