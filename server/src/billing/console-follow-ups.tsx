import { Hono } from 'hono';
import { requireStaffPage } from '../auth/staff-auth';
import { Layout } from '../console/layout';
import { recordAudit } from '../lib/audit';
import { AppError, badRequest, notFound } from '../lib/errors';
import type { AppEnv, StaffAuth } from '../lib/router';
import { tokyoDate } from '../lib/tokyo';
import { listFollowUps, resolveFollowUp, ResolveFollowUpInput, type FollowUp } from './list-follow-ups';

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const jaMonth = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月分`;
const MANDATE: Record<string, string> = {
  active: '有効',
  pending: '手続き中',
  stopped: '停止中（再届出が必要）',
};

/** 未収金の対応リスト: every amount billed and not collected by debit, until paid or written off. */
export const followUpsConsole = new Hono<AppEnv>();
followUpsConsole.use('*', requireStaffPage('city_staff'));

function FollowUpsPage(props: {
  staff: StaffAuth;
  rows: FollowUp[];
  today: string;
  flash?: string;
  error?: string;
}) {
  const total = props.rows.reduce((a, r) => a + r.amount, 0);
  return (
    <Layout title="未収金の対応リスト" staff={props.staff}>
      {props.flash ? (
        <p class="notice" role="status">
          {props.flash}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <p>
        口座から引き落とせなかった金額です。次の月次締めで翌月の請求に繰り越されます。窓口などで受け取ったときは「入金済み」、回収しないと決めたときは理由を書いて「償却」にしてください。
      </p>
      <p>
        未収 {props.rows.length}件 合計 <strong>{yen(total)}</strong>
      </p>
      <table>
        <thead>
          <tr>
            <th>請求月</th>
            <th>世帯</th>
            <th>電話</th>
            <th class="num">金額</th>
            <th>理由</th>
            <th>口座振替</th>
            <th>入金済み</th>
            <th>償却</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{jaMonth(r.month)}</td>
              <td>
                <a href={`/console/billing/households/${r.householdId}/bank-account`}>{r.name}</a>
              </td>
              <td>{r.phone ?? ''}</td>
              <td class="num">{yen(r.amount)}</td>
              <td>{r.reason}</td>
              <td>{r.mandateStatus ? (MANDATE[r.mandateStatus] ?? r.mandateStatus) : '未登録'}</td>
              <td>
                <form method="post" action={`/console/billing/follow-ups/${r.id}`}>
                  <input type="hidden" name="outcome" value="paid" />
                  <label>
                    方法 <input name="method" required maxlength={100} placeholder="窓口で現金" />
                  </label>
                  <label>
                    入金日 <input name="paidOn" type="date" value={props.today} max={props.today} required />
                  </label>
                  <button type="submit">入金済みにする</button>
                </form>
              </td>
              <td>
                <form method="post" action={`/console/billing/follow-ups/${r.id}`}>
                  <input type="hidden" name="outcome" value="written_off" />
                  <label>
                    理由 <input name="reason" required maxlength={500} />
                  </label>
                  <button type="submit" class="secondary">
                    償却する
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 ? <p>未収金はありません。</p> : null}
    </Layout>
  );
}

followUpsConsole.get('/', (c) => {
  const { sqlite, clock } = c.var.deps;
  return c.html(
    <FollowUpsPage
      staff={c.var.staff}
      rows={listFollowUps(sqlite)}
      today={tokyoDate(clock.now())}
      flash={c.req.query('done')}
    />,
  );
});

followUpsConsole.post('/:id', async (c) => {
  const { db, sqlite, clock } = c.var.deps;
  const id = Number(c.req.param('id'));
  if (!/^[1-9]\d*$/.test(c.req.param('id'))) throw notFound('Open follow-up');
  const now = clock.now();
  const parsed = ResolveFollowUpInput.safeParse(await c.req.parseBody());
  try {
    if (!parsed.success)
      throw badRequest('invalid_request', parsed.error.issues.map((i) => i.message).join('、'));
    sqlite.transaction(() => {
      resolveFollowUp(sqlite, id, parsed.data, c.var.staff.id, now);
      recordAudit(
        db,
        now,
        { type: 'staff', id: c.var.staff.id },
        `billing.follow_up.${parsed.data.outcome}`,
        'receivable',
        id,
      );
    })();
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 400) throw e;
    return c.html(
      <FollowUpsPage
        staff={c.var.staff}
        rows={listFollowUps(sqlite)}
        today={tokyoDate(now)}
        error={e.message}
      />,
      400,
    );
  }
  const done = parsed.data.outcome === 'paid' ? '入金済みにしました' : '償却しました';
  return c.redirect(`/console/billing/follow-ups?done=${encodeURIComponent(done)}`, 303);
});
