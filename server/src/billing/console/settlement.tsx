import { sqliteForReading } from '../../../../db/src';
import { Hono } from 'hono';
import { idOf } from '../../console/form';
import { formatJaMonth } from '../../console/month-field';
import { notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { getBillingSettings } from '../billing-settings';
import { yen } from './labels';
import { Page } from './page';

export const settlementScreen = new Hono<AppEnv>();

/** 精算書: what a seller is paid for a month, printable as the copy the seller receives. */
settlementScreen.get('/settlements/:id', async (c) => {
  const { db } = c.var.deps;
  const sqlite = await sqliteForReading(db);
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
      }
    >(
      `SELECT st.month, s.name, s.invoice_reg_no AS reg, st.sales, st.sales8, st.sales10, st.order_count AS orders,
              st.line_count AS lines, st.commission_bp AS bp, st.commission_net AS net, st.commission_tax AS tax,
              st.payout
       FROM seller_settlements st JOIN sellers s ON s.id = st.seller_id WHERE st.id = ?`,
    )
    .get(idOf(c.req.param('id')));
  if (!st) throw notFound('Settlement');
  const issuer = (await getBillingSettings(db)).issuer;
  const jaMonth = formatJaMonth(st.month);
  return c.html(
    <Page title={`精算書 ${st.name} ${jaMonth}分`} staff={c.var.staff}>
      <p class="no-print">
        <a href={`/console/billing/months/${st.month}`}>← {jaMonth}分の一覧</a>{' '}
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
              対象 {jaMonth}分（注文 {st.orders}件・明細 {st.lines}行）
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
