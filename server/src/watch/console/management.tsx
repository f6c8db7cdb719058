import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../../db/src';
import { staffUsers, watchAway, watchReminders, watchSettings } from '../../../../db/src/schema';
import { DateField } from '../../console/date-field';
import { TimeField } from '../../console/time-field';
import { formatJaDateTime, formatJaFullDate, tokyoDate } from '../../lib/tokyo';
import { residentPeople } from '../alert-recipients';
import { errorOf, hhmm, typed, type Refused } from './forms-schema';

const RECURRENCE_JA = {
  once: '1回だけ',
  daily: '毎日',
  weekdays: '平日（月〜金）',
  weekly: '毎週',
  monthly: '毎月',
} as const;

function FieldError(props: { error: string | undefined }) {
  return props.error ? <span class="field-error">{props.error}</span> : null;
}

/** The management part of a resident's page: consent, reminders and away periods. */
export async function WatchManagement(props: {
  db: Db;
  residentId: number;
  now: Date;
  refused?: Refused | undefined;
}) {
  const { db, residentId, now, refused: r } = props;
  const settings = await db
    .select()
    .from(watchSettings)
    .where(eq(watchSettings.residentId, residentId))
    .get();
  const consentBy = settings
    ? await db
        .select({ name: staffUsers.name })
        .from(staffUsers)
        .where(eq(staffUsers.id, settings.consentStaffId))
        .get()
    : undefined;
  const people = await residentPeople(db, residentId);
  const reminders = await db
    .select()
    .from(watchReminders)
    .where(and(eq(watchReminders.residentId, residentId), isNull(watchReminders.cancelledAt)))
    .orderBy(asc(watchReminders.time))
    .all();
  const away = await db
    .select()
    .from(watchAway)
    .where(
      and(eq(watchAway.residentId, residentId), isNull(watchAway.cancelledAt), gt(watchAway.untilAt, now)),
    )
    .orderBy(desc(watchAway.fromAt))
    .all();
  const watching = settings?.enabled === true;
  const base = `/console/watch/residents/${residentId}`;
  const today = tokyoDate(now);
  const thresholdError = errorOf(r, 'enrol', 'thresholdHours');
  const textError = errorOf(r, 'reminder', 'text');
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
          <input
            type="checkbox"
            name="consent"
            value="yes"
            required
            aria-invalid={errorOf(r, 'enrol', 'consent') ? 'true' : undefined}
          />{' '}
          本人の同意を確認しました（記録者: ログイン中の職員、日時: 今）
          <FieldError error={errorOf(r, 'enrol', 'consent')} />
        </label>
        <label>
          活動がないときにお知らせするまでの時間（時間）
          <input
            name="thresholdHours"
            inputmode="numeric"
            value={typed(r, 'enrol', 'thresholdHours', String((settings?.thresholdMinutes ?? 1440) / 60))}
            aria-invalid={thresholdError ? 'true' : undefined}
            required
            style="width:6em"
          />
          <FieldError error={thresholdError} />
        </label>
        <p style="margin:0">静かな時間（確認をしない時間帯）</p>
        <TimeField
          label="から"
          name="quietStart"
          value={typed(r, 'enrol', 'quietStart', hhmm(settings?.quietStartMinute ?? 21 * 60))}
          error={errorOf(r, 'enrol', 'quietStart')}
          required
        />
        <br />
        <TimeField
          label="まで"
          name="quietEnd"
          value={typed(r, 'enrol', 'quietEnd', hhmm(settings?.quietEndMinute ?? 6 * 60))}
          error={errorOf(r, 'enrol', 'quietEnd')}
          required
        />
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
        {reminders.map((m) => (
          <li>
            {RECURRENCE_JA[m.recurrence]} {m.time}「{m.text}」（{formatJaFullDate(m.startDate)}から）{' '}
            <form method="post" action={`${base}/reminders/${m.id}/stop`} class="inline">
              <button type="submit" class="secondary">
                やめる<span class="visually-hidden">（{m.text}）</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/reminders`} aria-label="リマインダーの追加">
        <label>
          文
          <input
            name="text"
            maxlength={80}
            value={typed(r, 'reminder', 'text', '')}
            aria-invalid={textError ? 'true' : undefined}
            required
          />
          <FieldError error={textError} />
        </label>
        <label>
          くり返し
          <select name="recurrence">
            {Object.entries(RECURRENCE_JA).map(([v, l]) => (
              <option value={v} selected={typed(r, 'reminder', 'recurrence', 'daily') === v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <TimeField
          label="時刻"
          name="time"
          value={typed(r, 'reminder', 'time', '')}
          error={errorOf(r, 'reminder', 'time')}
          required
        />
        <br />
        <DateField
          label="開始日"
          name="startDate"
          value={typed(r, 'reminder', 'startDate', today)}
          error={errorOf(r, 'reminder', 'startDate')}
          required
        />
        <br />
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
        {errorOf(r, 'away', '_form') ? (
          <p class="error" role="alert">
            {errorOf(r, 'away', '_form')}
          </p>
        ) : null}
        <DateField
          label="から（日）"
          name="fromDate"
          value={typed(r, 'away', 'fromDate', today)}
          error={errorOf(r, 'away', 'fromDate')}
          required
        />{' '}
        <TimeField
          label="から（時刻）"
          name="fromTime"
          value={typed(r, 'away', 'fromTime', '')}
          error={errorOf(r, 'away', 'fromTime')}
          required
        />
        <br />
        <DateField
          label="まで（日）"
          name="untilDate"
          value={typed(r, 'away', 'untilDate', '')}
          error={errorOf(r, 'away', 'untilDate')}
          required
        />{' '}
        <TimeField
          label="まで（時刻）"
          name="untilTime"
          value={typed(r, 'away', 'untilTime', '')}
          error={errorOf(r, 'away', 'untilTime')}
          required
        />
        <br />
        <button type="submit">留守を登録</button>
      </form>
    </section>
  );
}
