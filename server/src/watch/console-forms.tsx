import { Hono } from 'hono';
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/src';
import { staffUsers, watchAway, watchReminders, watchSettings } from '../../../db/src/schema';
import type { AppEnv, StaffAuth } from '../lib/router';
import { formatJaDateTime, fromTokyo, tokyoDate, isTokyoDate } from '../lib/tokyo';
import { residentPeople } from './alert-recipients';
import { assertMayManage } from './assert-may-manage';
import { endAwayPeriod } from './end-away-period';
import { enrollResident } from './enroll-resident';
import { createReminder, CreateReminderInput } from './reminders';
import { setAwayByStaff } from './set-away';
import { stopReminder } from './stop-reminder';
import { stopWatching } from './stop-watching';
import { idOf, parseForm } from '../console/form';

const RECURRENCE_JA = {
  once: '1回だけ',
  daily: '毎日',
  weekdays: '平日（月〜金）',
  weekly: '毎週',
  monthly: '毎月',
} as const;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const minuteOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/)
  .refine((v) => isTokyoDate(v.slice(0, 10)), '日付が暦にありません');
const fromLocal = (v: string) => fromTokyo(v.slice(0, 10), v.slice(11, 16));

const EnrolForm = z.object({
  consent: z.literal('yes', { error: '本人の同意の確認にチェックしてください' }),
  thresholdHours: z.coerce.number().int().min(1).max(168),
  quietStart: Time,
  quietEnd: Time,
  dailyMail: z.literal('yes').optional(),
});
const ReminderForm = z.object({
  text: z.string(),
  recurrence: z.string(),
  time: z.string(),
  startDate: z.string(),
});
const AwayForm = z.object({ from: LocalDateTime, until: LocalDateTime });

const back = (residentId: number, msg: string) =>
  `/console/watch/residents/${residentId}?done=${encodeURIComponent(msg)}`;

/** The management part of a resident's console page: consent, reminders and away periods. */
export function WatchManagement(props: { db: Db; residentId: number; now: Date }) {
  const { db, residentId, now } = props;
  const settings = db.select().from(watchSettings).where(eq(watchSettings.residentId, residentId)).get();
  const consentBy = settings
    ? db
        .select({ name: staffUsers.name })
        .from(staffUsers)
        .where(eq(staffUsers.id, settings.consentStaffId))
        .get()
    : undefined;
  const people = residentPeople(db, residentId);
  const reminders = db
    .select()
    .from(watchReminders)
    .where(and(eq(watchReminders.residentId, residentId), isNull(watchReminders.cancelledAt)))
    .orderBy(asc(watchReminders.time))
    .all();
  const away = db
    .select()
    .from(watchAway)
    .where(
      and(eq(watchAway.residentId, residentId), isNull(watchAway.cancelledAt), gt(watchAway.untilAt, now)),
    )
    .orderBy(desc(watchAway.fromAt))
    .all();
  const watching = settings?.enabled === true;
  const base = `/console/watch/residents/${residentId}`;
  return (
    <section>
      <h2>見守りの設定</h2>
      {settings ? (
        <p>
          {watching ? '見守り中' : '見守りは停止中'}（同意の記録: {formatJaDateTime(settings.consentAt)}
          、記録した職員: {consentBy?.name ?? '—'}）
        </p>
      ) : null}
      <p>
        お知らせする人（順番に）:{' '}
        {people && people.contacts.length > 0
          ? people.contacts.map((p, i) => `${i + 1}. ${p.name}`).join('、')
          : 'ご家族の連絡先がありません'}
        ／ 地区の支援員: {people?.supportWorkers.map((s) => s.name).join('、') || 'なし'}
      </p>
      <form method="post" action={`${base}/enrol`} aria-label="見守りの登録">
        <label>
          <input type="checkbox" name="consent" value="yes" required /> 本人の同意を確認しました（記録者:
          ログイン中の職員、日時: 今）
        </label>
        <label>
          活動がないときにお知らせするまでの時間（時間）
          <input
            name="thresholdHours"
            type="number"
            min="1"
            max="168"
            value={String((settings?.thresholdMinutes ?? 1440) / 60)}
            required
          />
        </label>
        <label>
          静かな時間（確認をしない時間帯）
          <input name="quietStart" type="time" value={hhmm(settings?.quietStartMinute ?? 21 * 60)} required />
          〜
          <input name="quietEnd" type="time" value={hhmm(settings?.quietEndMinute ?? 6 * 60)} required />
        </label>
        <label>
          <input type="checkbox" name="dailyMail" value="yes" checked={settings?.dailyMail ?? false} />{' '}
          お元気メール（毎日19時）
        </label>
        <button type="submit">{watching ? '設定を保存' : '見守りを始める'}</button>
      </form>
      {watching ? (
        <form method="post" action={`${base}/stop`} class="inline">
          <button type="submit" class="danger">
            見守りをやめる
          </button>
        </form>
      ) : null}

      <h2>リマインダー</h2>
      <ul>
        {reminders.map((r) => (
          <li>
            {RECURRENCE_JA[r.recurrence]} {r.time}「{r.text}」（{r.startDate}から）{' '}
            <form method="post" action={`${base}/reminders/${r.id}/stop`} class="inline">
              <button type="submit" class="secondary">
                やめる
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/reminders`} aria-label="リマインダーの追加">
        <label>
          文
          <input name="text" maxlength={80} required />
        </label>
        <label>
          くり返し
          <select name="recurrence">
            {Object.entries(RECURRENCE_JA).map(([v, l]) => (
              <option value={v}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          時刻 <input name="time" type="time" required />
        </label>
        <label>
          開始日 <input name="startDate" type="date" value={tokyoDate(now)} required />
        </label>
        <button type="submit">リマインダーを追加</button>
      </form>

      <h2>留守・入院</h2>
      <ul>
        {away.map((a) => (
          <li>
            {formatJaDateTime(a.fromAt)}〜{formatJaDateTime(a.untilAt)}{' '}
            <form method="post" action={`${base}/away/${a.id}/end`} class="inline">
              <button type="submit" class="secondary">
                {a.fromAt > now ? '取り消す' : '今日で終わる（帰宅）'}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/away`} aria-label="留守の登録">
        <label>
          から <input name="from" type="datetime-local" required />
        </label>
        <label>
          まで <input name="until" type="datetime-local" required />
        </label>
        <button type="submit">留守を登録</button>
      </form>
    </section>
  );
}

/** Form posts of the resident page; each calls the same business function as the API. */
export const watchConsoleForms = new Hono<AppEnv>();

const ctxOf = (staff: StaffAuth, residentRaw: string | undefined) => ({
  staff,
  residentId: idOf(residentRaw),
});

watchConsoleForms.post('/residents/:id/enrol', async (c) => {
  const { db, clock } = c.var.deps;
  const { staff, residentId } = ctxOf(c.var.staff, c.req.param('id'));
  const f = parseForm(EnrolForm, await c.req.parseBody());
  db.transaction((tx) => {
    assertMayManage(tx, staff, residentId);
    enrollResident(
      tx,
      {
        residentId,
        thresholdMinutes: f.thresholdHours * 60,
        quietStartMinute: minuteOf(f.quietStart),
        quietEndMinute: minuteOf(f.quietEnd),
        dailyMail: f.dailyMail === 'yes',
      },
      staff.id,
      clock.now(),
    );
  });
  return c.redirect(back(residentId, '見守りの設定を保存しました'), 303);
});

watchConsoleForms.post('/residents/:id/stop', (c) => {
  const { db, clock } = c.var.deps;
  const { staff, residentId } = ctxOf(c.var.staff, c.req.param('id'));
  db.transaction((tx) => stopWatching(tx, residentId, staff, clock.now()));
  return c.redirect(back(residentId, '見守りを停止しました'), 303);
});

watchConsoleForms.post('/residents/:id/reminders', async (c) => {
  const { db, clock } = c.var.deps;
  const { staff, residentId } = ctxOf(c.var.staff, c.req.param('id'));
  const f = parseForm(ReminderForm, await c.req.parseBody());
  assertMayManage(db, staff, residentId);
  // The API's own schema, so the console accepts exactly what the API accepts.
  const input = parseForm(CreateReminderInput, { residentId, ...f });
  createReminder(db, input, { staffId: staff.id }, clock.now());
  return c.redirect(back(residentId, 'リマインダーを追加しました'), 303);
});

watchConsoleForms.post('/residents/:id/reminders/:rid/stop', (c) => {
  const { db, clock } = c.var.deps;
  const { staff, residentId } = ctxOf(c.var.staff, c.req.param('id'));
  db.transaction((tx) => stopReminder(tx, idOf(c.req.param('rid')), staff, clock.now()));
  return c.redirect(back(residentId, 'リマインダーをやめました'), 303);
});

watchConsoleForms.post('/residents/:id/away', async (c) => {
  const { db, clock } = c.var.deps;
  const { staff, residentId } = ctxOf(c.var.staff, c.req.param('id'));
  const f = parseForm(AwayForm, await c.req.parseBody());
  assertMayManage(db, staff, residentId);
  setAwayByStaff(
    db,
    { residentId, from: fromLocal(f.from), until: fromLocal(f.until) },
    staff.id,
    clock.now(),
  );
  return c.redirect(back(residentId, '留守を登録しました'), 303);
});

watchConsoleForms.post('/residents/:id/away/:aid/end', (c) => {
  const { db, clock } = c.var.deps;
  const { staff, residentId } = ctxOf(c.var.staff, c.req.param('id'));
  db.transaction((tx) => endAwayPeriod(tx, idOf(c.req.param('aid')), staff, clock.now()));
  return c.redirect(back(residentId, '留守を終えました'), 303);
});
