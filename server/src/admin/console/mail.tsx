import { Hono, type Context } from 'hono';
import { and, desc, eq, gt, inArray, like, or, type SQL } from 'drizzle-orm';
import { mailOutbox } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { Layout } from '../../console/layout';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { idOf } from '../../console/form';
import { AppError } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { retryMailNow } from '../../mail/retry-mail-now';
import { Field, jaDateTime, Pager, pageOf, ScrollTable, SelectField } from './ui';

const PAGE = 50;
const BASE = '/console/admin/mail';

/** The outbox's states as the operator asks about them. */
const FILTERS: { value: string; label: string; where: SQL | undefined }[] = [
  { value: 'sent', label: '送信済み', where: eq(mailOutbox.state, 'sent') },
  {
    value: 'waiting',
    label: '送信待ち（まだ試していない）',
    where: and(eq(mailOutbox.state, 'queued'), eq(mailOutbox.attempts, 0)),
  },
  {
    value: 'failed',
    label: '失敗して再送待ち',
    where: and(eq(mailOutbox.state, 'queued'), gt(mailOutbox.attempts, 0)),
  },
  {
    value: 'unconfirmed',
    label: '届いたか未確認',
    where: inArray(mailOutbox.state, ['unconfirmed', 'sending']),
  },
];

type Row = typeof mailOutbox.$inferSelect;

function StateBadge(props: { m: Row }) {
  const m = props.m;
  if (m.state === 'sent') return <span class="badge ok">送信済み</span>;
  if (m.state === 'sending') return <span class="badge warn">送信中</span>;
  if (m.state === 'unconfirmed') return <span class="badge warn">未確認</span>;
  return m.attempts > 0 ? (
    <span class="badge bad">失敗・再送待ち</span>
  ) : (
    <span class="badge neutral">送信待ち</span>
  );
}

/** Why it is in this state, in words; the relay's own message follows for the engineer. */
function why(m: Row): string {
  if (m.state === 'sent') return '';
  if (m.state === 'unconfirmed')
    return '送信中に応答が途切れました。届いている可能性があるため、同じメッセージIDで送り直します（受け取り側で重複は捨てられます）';
  if (m.state === 'sending') return '送信中です';
  if (m.attempts === 0) return 'まだ送っていません（メールサーバーの設定がない間は待ちのままです）';
  return 'メールサーバーが受け取りを断りました。自動で再送します';
}

export const mailPage = new Hono<AppEnv>();
mailPage.use('*', requireStaffPage('admin'));

mailPage.get('/', async (c: Context<AppEnv>) => {
  const { db } = c.var.deps;
  const state = FILTERS.find((f) => f.value === c.req.query('state'));
  const to = (c.req.query('to') ?? '').trim().slice(0, 120);
  const page = pageOf(c.req.query('page'));
  const conds: (SQL | undefined)[] = [state?.where];
  if (to) {
    const pat = `%${to.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(like(mailOutbox.to, pat), like(mailOutbox.subject, pat)));
  }
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(and(...conds))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(PAGE + 1)
    .offset((page - 1) * PAGE)
    .all();
  const smtpOff = !c.var.deps.config.SMTP_URL;
  return c.html(
    <Layout title="メールの送信状況" staff={c.var.staff} flash={takeFlash(c)}>
      {smtpOff ? (
        <p class="warning" role="status">
          メールサーバー（SMTP_URL）が設定されていません。メールは送信待ちのまま残ります。
        </p>
      ) : null}
      <form method="get" action={BASE} style="display:flex;gap:1rem;align-items:end;flex-wrap:wrap">
        <SelectField label="状態" name="state" value={state?.value ?? ''} options={FILTERS} empty="すべて" />
        <Field label="宛先・件名で検索" name="to" value={to} />
        <div class="field">
          <button type="submit">絞り込む</button>
        </div>
      </form>
      <ScrollTable label="メールの一覧">
        <thead>
          <tr>
            <th scope="col">作成</th>
            <th scope="col">宛先・件名</th>
            <th scope="col">状態</th>
            <th scope="col" class="num">
              試行
            </th>
            <th scope="col">送信・次の試行</th>
            <th scope="col">理由・最後のエラー</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PAGE).map((m) => (
            <tr>
              <td>{jaDateTime(m.createdAt)}</td>
              <td>
                {m.to}
                <span class="hint">{m.subject}</span>
              </td>
              <td>
                <StateBadge m={m} />
              </td>
              <td class="num">{m.attempts}回</td>
              <td>
                {m.state === 'sent' ? `送信：${jaDateTime(m.sentAt)}` : `次：${jaDateTime(m.nextAttemptAt)}`}
              </td>
              <td>
                {why(m)}
                {m.lastError ? <span class="hint">{m.lastError}</span> : null}
              </td>
              <td>
                {m.state === 'queued' || m.state === 'unconfirmed' ? (
                  <form class="inline" method="post" action={`${BASE}/${m.id}/retry`}>
                    <button type="submit" class="secondary" aria-label={`${m.to}へのメールを今すぐ再送`}>
                      今すぐ再送
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {rows.length === 0 ? <p>該当するメールはありません。</p> : null}
      <Pager base={BASE} query={{ state: state?.value ?? '', to }} page={page} hasNext={rows.length > PAGE} />
    </Layout>,
  );
});

mailPage.post('/:id/retry', async (c) => {
  const id = idOf(c.req.param('id'));
  try {
    await retryMailNow(c.var.deps.db, { type: 'staff', id: c.var.staff.id }, id, c.var.deps.clock.now());
  } catch (e) {
    if (e instanceof AppError && e.status === 409)
      return redirectWithFlash(c, BASE, { kind: 'error', text: e.message });
    throw e;
  }
  return redirectWithFlash(c, BASE, {
    kind: 'notice',
    text: '次の送信の回で送ります（同じメールを二通にはしません）',
  });
});
