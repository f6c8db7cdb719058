import { withSqlite, sqliteForReading } from '../../../../db/src';
import { Hono, type Context } from 'hono';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { redirectWithFlash, takeFlash, type Flash } from '../../console/flash';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppEnv, StaffAuth } from '../../lib/router';
import { formatJaFullDate, tokyoDate } from '../../lib/tokyo';
import { listFollowUps, resolveFollowUp, ResolveFollowUpInput, type FollowUp } from '../list-follow-ups';
import { FIELD_JA, jaBillingMonth, MANDATE_JA, yen } from './labels';
import { actorOf, Page } from './page';

/** The row a refused form came from, with what was typed and why it was refused. */
interface RowRefusal {
  id: number;
  outcome: string;
  values: Record<string, unknown>;
  message: string;
}

const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

function FollowUpsPage(props: {
  staff: StaffAuth;
  rows: FollowUp[];
  today: string;
  refusal?: RowRefusal | undefined;
  flash?: Flash | undefined;
}) {
  const total = props.rows.reduce((a, r) => a + r.amount, 0);
  const ref = props.refusal;
  return (
    <Page title="未収金の対応リスト" staff={props.staff} flash={props.flash}>
      <p>
        <a href="/console/billing">← 請求・口座振替</a>
      </p>
      {ref ? (
        <p class="error" role="alert">
          {ref.message}
        </p>
      ) : null}
      <p>
        口座から引き落とせなかった金額です。次の月次締めで翌月の請求に繰り越されます。窓口などで受け取ったときは「入金済み」、回収しないと決めたときは理由を書いて「償却」にしてください。
      </p>
      <p>
        未収 {props.rows.length}件 合計 <strong>{yen(total)}</strong>
      </p>
      <div class="table-scroll" tabindex={0} role="region" aria-label="未収金">
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
            {props.rows.map((r) => {
              const mine = ref?.id === r.id ? ref : undefined;
              const paidOn = mine?.outcome === 'paid' ? str(mine.values.paidOn, props.today) : props.today;
              return (
                <tr data-follow-up={String(r.id)}>
                  <td style="white-space:nowrap">{jaBillingMonth(r.month)}</td>
                  <td style="white-space:nowrap">
                    <a href={`/console/billing/households/${r.householdId}/bank-account`}>{r.name}</a>
                  </td>
                  <td style="white-space:nowrap">{r.phone ?? ''}</td>
                  <td class="num">{yen(r.amount)}</td>
                  <td>{r.reason}</td>
                  <td style="white-space:nowrap">
                    {r.mandateStatus ? (MANDATE_JA[r.mandateStatus] ?? '不明') : '未登録'}
                  </td>
                  <td>
                    <form
                      method="post"
                      action={`/console/billing/follow-ups/${r.id}`}
                      aria-label={`${r.name}の入金`}
                    >
                      <input type="hidden" name="outcome" value="paid" />
                      <label for={`fu-method-${r.id}`}>方法</label>
                      <input
                        id={`fu-method-${r.id}`}
                        name="method"
                        maxlength={100}
                        placeholder="窓口で現金"
                        value={mine?.outcome === 'paid' ? str(mine.values.method) : ''}
                      />
                      <label for={`fu-paid-${r.id}`}>入金日</label>
                      <input
                        id={`fu-paid-${r.id}`}
                        name="paidOn"
                        value={paidOn}
                        inputmode="numeric"
                        pattern="\d{4}-\d{2}-\d{2}"
                        aria-describedby={`fu-paid-${r.id}-hint`}
                        style="width:9em"
                      />
                      <span class="hint" id={`fu-paid-${r.id}-hint`}>
                        {/^\d{4}-\d{2}-\d{2}$/.test(paidOn)
                          ? formatJaFullDate(paidOn)
                          : '年-月-日（例：2026-12-03）'}
                      </span>
                      <button type="submit">入金済みにする</button>
                    </form>
                  </td>
                  <td>
                    <form
                      method="post"
                      action={`/console/billing/follow-ups/${r.id}`}
                      aria-label={`${r.name}の償却`}
                    >
                      <input type="hidden" name="outcome" value="written_off" />
                      <label for={`fu-reason-${r.id}`}>理由</label>
                      <input
                        id={`fu-reason-${r.id}`}
                        name="reason"
                        maxlength={500}
                        value={mine?.outcome === 'written_off' ? str(mine.values.reason) : ''}
                      />
                      <button type="submit" class="secondary">
                        償却する
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.rows.length === 0 ? <p>未収金はありません。</p> : null}
    </Page>
  );
}

/** 未収金の対応リスト: every amount billed and not collected by debit, until paid or written off. */
export const followUpsScreen = new Hono<AppEnv>();

followUpsScreen.get('/', async (c) => {
  const { clock } = c.var.deps;
  const sqlite = await sqliteForReading(c.var.deps.db);
  return c.html(
    <FollowUpsPage
      staff={c.var.staff}
      rows={listFollowUps(sqlite)}
      today={tokyoDate(clock.now())}
      flash={takeFlash(c)}
    />,
  );
});

async function redraw(c: Context<AppEnv>, refusal: RowRefusal, status: 400 | 409 | 422) {
  const { clock } = c.var.deps;
  const sqlite = await sqliteForReading(c.var.deps.db);
  return c.html(
    <FollowUpsPage
      staff={c.var.staff}
      rows={listFollowUps(sqlite)}
      today={tokyoDate(clock.now())}
      refusal={refusal}
    />,
    status,
  );
}

const refused = (c: Context<AppEnv>, r: RefusedForm) =>
  redraw(
    c,
    {
      id: idOf(c.req.param('id')),
      outcome: str(r.values.outcome),
      values: r.values,
      message: Object.entries(r.errors)
        .map(([k, m]) => `${FIELD_JA[k] ?? k}：${m}`)
        .join('／'),
    },
    400,
  );

followUpsScreen.post('/:id', consoleForm(ResolveFollowUpInput, refused), async (c) => {
  const { db, clock } = c.var.deps;
  const id = idOf(c.req.param('id'));
  const input = c.req.valid('form');
  const now = clock.now();
  try {
    await db.transaction(async (tx) => {
      await withSqlite(tx, (sqlite) => resolveFollowUp(sqlite, id, input, c.var.staff.id, now));
      await recordAudit(tx, now, actorOf(c), `billing.follow_up.${input.outcome}`, 'receivable', id);
    });
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 400) throw e;
    return redraw(c, { id, outcome: input.outcome, values: input, message: e.message }, 400);
  }
  return redirectWithFlash(c, '/console/billing/follow-ups', {
    kind: 'notice',
    text: input.outcome === 'paid' ? '入金済みにしました' : '償却しました',
  });
});
