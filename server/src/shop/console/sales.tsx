import { Hono } from 'hono';
import { requireStaffPage } from '../../auth/staff-auth';
import { staffScope } from '../../auth/scope';
import { Layout } from '../../console/layout';
import { badRequest } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import {
  formatJaDate,
  formatJaDateTime,
  formatJaFullDate,
  isTokyoDate,
  tokyoDate,
  tokyoMonth,
} from '../../lib/tokyo';
import { salesReport } from '../sales-report';
import { yen } from './shared';

export const salesPages = new Hono<AppEnv>();

const formatJaMonth = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;

salesPages.get('/sales', requireStaffPage('store_staff', 'city_staff'), async (c) => {
  const { deps, staff } = c.var;
  const now = deps.clock.now();
  const period = c.req.query('period') === 'day' ? 'day' : 'month';
  const key = c.req.query('key') ?? (period === 'day' ? tokyoDate(now) : tokyoMonth(now));
  const ok = period === 'day' ? isTokyoDate(key) : /^\d{4}-(0[1-9]|1[0-2])$/.test(key);
  if (!ok)
    throw badRequest(
      'invalid_period',
      `「${key}」は${period === 'day' ? '日付（年-月-日）' : '月（年-月）'}ではありません`,
    );
  const report = await salesReport(deps.db, period, key, staffScope(staff));
  return c.html(
    <Layout title={`売上 ${period === 'day' ? formatJaFullDate(key) : formatJaMonth(key)}`} staff={staff}>
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
          日付または月（年-月-日 / 年-月、例 2026-12-03 / 2026-12）
          <input name="key" value={key} inputmode="numeric" autocomplete="off" />
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
    </Layout>,
  );
});
