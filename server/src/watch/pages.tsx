import { Hono } from 'hono';
import type { AppEnv } from '../lib/router';
import { formatJaDateTime } from '../lib/tokyo';
import { publishAlertAcknowledged } from './live-events';
import { ACK_LABELS, AckActionSchema, acknowledgeAlert, getAckView } from './acknowledge-alert';
import { AppError } from '../lib/errors';
import { familyReminderPages } from './family-reminder-pages';
import { Page } from './public-page';

/** Public pages behind the signed links in alert emails: no login. */
export const watchPages = new Hono<AppEnv>();
watchPages.route('/', familyReminderPages);

watchPages.get('/ack/:token', async (c) => {
  const { deps } = c.var;
  const now = deps.clock.now();
  try {
    const v = await getAckView(deps.db, c.req.param('token'), deps.config.LINK_SECRET, now);
    const done = AckActionSchema.safeParse(c.req.query('done')).data;
    const open = v.closedAt === null;
    const last = v.acks.at(-1);
    return c.html(
      <Page title={`見守り: ${v.residentName}さん`}>
        {done ? (
          <p class="done" role="status">
            「{ACK_LABELS[done]}」を受け付けました。ありがとうございます。
          </p>
        ) : null}
        {/* The answer comes first: on a phone it is what the reader came to do. */}
        {open ? (
          <form method="post" aria-label="ご様子の確認の結果">
            {AckActionSchema.options.map((action) => (
              <button type="submit" name="action" value={action} disabled={v.usedActions.includes(action)}>
                {ACK_LABELS[action]}
                {v.usedActions.includes(action) ? '（受付済み）' : ''}
              </button>
            ))}
          </form>
        ) : null}
        <div class="box" aria-label="いまの状況">
          <h2>いまの状況</h2>
          {!open ? (
            <p>
              <strong>
                {v.closeReason === 'recovered'
                  ? '活動が確認でき、回復しました。'
                  : '確認が済み、終わりました。'}
              </strong>
              （{formatJaDateTime(v.closedAt!)}）
            </p>
          ) : v.acknowledgedAt && last ? (
            <p>
              <strong>対応中です。</strong>
              {last.by}が「{ACK_LABELS[last.action]}」と応答しました（{formatJaDateTime(last.at)}
              ）。ほかの方へのお知らせは止めています。
            </p>
          ) : (
            <p>
              <strong>まだどなたからも応答がありません。</strong>
              {v.next
                ? `${formatJaDateTime(v.next.at)}までに応答がなければ、${v.next.whoJa}にもお知らせします。`
                : null}
            </p>
          )}
          <p>
            {v.reasonJa}
            <br />
            お知らせした時刻: {formatJaDateTime(v.openedAt)}
          </p>
          {v.acks.length > 0 ? (
            <ul>
              {v.acks.map((a) => (
                <li>
                  {formatJaDateTime(a.at)} {a.by}「{ACK_LABELS[a.action]}」
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {v.forContact ? (
          <form method="post" action={`/p/watch/ack/${c.req.param('token')}/family-reminder`}>
            <h2>リマインダーの登録</h2>
            {c.req.query('sent') ? (
              <p class="done">
                ご登録のメールアドレスに確認のリンクを送りました。メールのリンクから登録できます。
              </p>
            ) : (
              <p>
                お薬やごみの日などのお知らせを、テレビに表示できます。確認のため、ご登録のメールアドレスにリンクを送ります。
              </p>
            )}
            <button type="submit" class="secondary">
              確認のメールを送る
            </button>
          </form>
        ) : null}
      </Page>,
    );
  } catch (e) {
    if (e instanceof AppError) {
      return c.html(
        <Page title="見守り">
          <p class="error">{e.status === 410 ? e.message : 'このリンクは使えません。'}</p>
        </Page>,
        e.status === 410 ? 410 : 404,
      );
    }
    throw e;
  }
});

watchPages.post('/ack/:token', async (c) => {
  const { deps } = c.var;
  const token = c.req.param('token');
  const form = await c.req.parseBody();
  const parsed = AckActionSchema.safeParse(form['action']);
  if (!parsed.success) {
    return c.html(
      <Page title="見守り">
        <p class="error">操作を選んでください。</p>
      </Page>,
      400,
    );
  }
  const action = parsed.data;
  try {
    const alertId = await acknowledgeAlert(deps.db, token, action, deps.config.LINK_SECRET, deps.clock.now());
    await publishAlertAcknowledged(deps, alertId, action);
  } catch (e) {
    if (e instanceof AppError) {
      return c.html(
        <Page title="見守り">
          <p class="error">{e.status === 404 ? 'このリンクは使えません。' : e.message}</p>
        </Page>,
        e.status,
      );
    }
    throw e;
  }
  return c.redirect(`/p/watch/ack/${token}?done=${action}`, 303);
});
