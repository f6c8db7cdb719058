import { Hono } from 'hono';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { watchReminders } from '../../../db/src/schema';
import { AppError } from '../lib/errors';
import type { AppEnv } from '../lib/router';
import { formatJaDateTime, tokyoDate } from '../lib/tokyo';
import { addFamilyReminder, verifyFamilyReminderLink } from './add-family-reminder';
import { Page } from './public-page';
import { CreateReminderInput } from './reminders';
import { requestFamilyReminderLink } from './request-family-reminder-link';

const RECURRENCE_JA = {
  once: '1回だけ',
  daily: '毎日',
  weekdays: '平日',
  weekly: '毎週',
  monthly: '毎月',
} as const;
const FamilyReminderForm = CreateReminderInput.omit({ residentId: true, notifyAfterMinutes: true });

function errorPage(e: AppError) {
  const status = e.status === 410 || e.status === 400 ? e.status : 404;
  const message =
    e.status === 410 ? e.message : e.status === 400 ? '入力を確かめてください。' : 'このリンクは使えません。';
  return {
    status,
    body: (
      <Page title="見守り">
        <p class="error">{message}</p>
      </Page>
    ),
  };
}

/** Family scheduling of reminders, behind an alert link and then an emailed, signed link. */
export const familyReminderPages = new Hono<AppEnv>();

familyReminderPages.post('/ack/:token/family-reminder', async (c) => {
  const { deps } = c.var;
  const token = c.req.param('token');
  try {
    await requestFamilyReminderLink(deps.db, token, deps.config, deps.clock.now());
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const p = errorPage(e);
    return c.html(p.body, p.status as 404);
  }
  return c.redirect(`/p/watch/ack/${token}?sent=1`, 303);
});

familyReminderPages.get('/family/:token', async (c) => {
  const { deps } = c.var;
  const now = deps.clock.now();
  try {
    const link = await verifyFamilyReminderLink(deps.db, c.req.param('token'), deps.config.LINK_SECRET, now);
    const active = await deps.db
      .select()
      .from(watchReminders)
      .where(and(eq(watchReminders.residentId, link.residentId), isNull(watchReminders.cancelledAt)))
      .orderBy(asc(watchReminders.time))
      .all();
    return c.html(
      <Page title={`${link.residentName}さんのリマインダー`}>
        {c.req.query('done') ? <p class="done">リマインダーを登録しました。テレビに表示されます。</p> : null}
        <ul>
          {active.map((r) => (
            <li>
              {RECURRENCE_JA[r.recurrence]} {r.time}「{r.text}」
            </li>
          ))}
        </ul>
        <form method="post">
          <label>
            お知らせの文（80文字まで）
            <br />
            <input name="text" maxlength={80} required style="width:100%;font:inherit" />
          </label>
          <label>
            くり返し
            <select name="recurrence" style="font:inherit">
              {Object.entries(RECURRENCE_JA).map(([v, l]) => (
                <option value={v}>{l}</option>
              ))}
            </select>
          </label>
          <br />
          {/* Typed, not the native pickers: those show 09:00 PM and mm/dd/yyyy on many phones. */}
          <label>
            時刻（24時間、例：07:30）
            <br />
            <input
              name="time"
              inputmode="numeric"
              pattern="([01]\d|2[0-3]):[0-5]\d"
              placeholder="07:30"
              autocomplete="off"
              required
              style="font:inherit;width:7em"
            />
          </label>
          <br />
          <label>
            開始日（年-月-日、例：{tokyoDate(now)}）
            <br />
            <input
              name="startDate"
              inputmode="numeric"
              pattern="\d{4}-\d{2}-\d{2}"
              value={tokyoDate(now)}
              autocomplete="off"
              required
              style="font:inherit;width:9em"
            />
          </label>
          <button type="submit">登録する</button>
        </form>
        <p>このページの有効期限: {formatJaDateTime(link.expiresAt)}</p>
      </Page>,
    );
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const p = errorPage(e);
    return c.html(p.body, p.status as 404);
  }
});

familyReminderPages.post('/family/:token', async (c) => {
  const { deps } = c.var;
  const token = c.req.param('token');
  const form = await c.req.parseBody();
  const input = FamilyReminderForm.safeParse({
    text: form['text'],
    recurrence: form['recurrence'],
    time: form['time'],
    startDate: form['startDate'],
  });
  try {
    if (!input.success) throw new AppError(400, 'invalid_form', 'invalid');
    await addFamilyReminder(deps.db, token, input.data, deps.config.LINK_SECRET, deps.clock.now());
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const p = errorPage(e);
    return c.html(p.body, p.status as 404);
  }
  return c.redirect(`/p/watch/family/${token}?done=1`, 303);
});
