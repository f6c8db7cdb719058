import { Hono } from 'hono';
import { and, asc, desc, eq, gte, isNull, or } from 'drizzle-orm';
import {
  households,
  residents,
  watchAcks,
  watchAlerts,
  watchAlertSteps,
  watchBlindPeriods,
  watchPresence,
  watchSettings,
  watchState,
} from '../../../db/src/schema';
import { requireStaffPage } from '../auth/staff-auth';
import { Layout } from '../console/layout';
import { notFound } from '../lib/errors';
import type { AppEnv } from '../lib/router';
import { formatJaDateTime } from '../lib/tokyo';
import { ACK_LABELS } from './acknowledge-alert';
import { WatchManagement, watchConsoleForms } from './console-forms';
import { inHamletScope, staffScope } from '../auth/scope';
import { assertMayManage } from './assert-may-manage';
import { PRESENCE_KEY, PRESENCE_LIFE, PRESENCE_TV, SLOT_MS } from './record-life-sign';
import { LiveScript } from '../live/script';
import { idOf } from '../console/form';

const CONDITION_JA: Record<string, string> = {
  no_activity: '活動なし',
  rhythm_break: 'いつもの生活リズムと違う',
  check_unanswered: '画面の確認に応答なし',
  tv_on_no_keys: 'テレビがついたまま操作なし',
};
const at = (ms: number | null) => (ms === null ? '—' : formatJaDateTime(new Date(ms)));

export const watchConsole = new Hono<AppEnv>();
watchConsole.use('*', requireStaffPage('city_staff', 'support_worker'));
watchConsole.route('/', watchConsoleForms);

/** Open alerts: last activity, who was told and when, acknowledgements. */
watchConsole.get('/', (c) => {
  const { db } = c.var.deps;
  const staff = c.var.staff;
  const rows = db
    .select({
      a: watchAlerts,
      name: residents.name,
      hamletId: households.hamletId,
      last: watchState.lastSignAt,
    })
    .from(watchAlerts)
    .innerJoin(residents, eq(residents.id, watchAlerts.residentId))
    .innerJoin(households, eq(households.id, residents.householdId))
    .leftJoin(watchState, eq(watchState.residentId, watchAlerts.residentId))
    .where(isNull(watchAlerts.closedAt))
    .orderBy(asc(watchAlerts.openedAt))
    .all()
    // A support worker sees their own hamlet.
    .filter((r) => inHamletScope(staffScope(staff), r.hamletId));
  // Time when engawa could not hear the boxes, ongoing or in the last week.
  const weekAgo = new Date(c.var.deps.clock.now().getTime() - 7 * 86_400_000);
  const blind = db
    .select()
    .from(watchBlindPeriods)
    .where(or(isNull(watchBlindPeriods.untilAt), gte(watchBlindPeriods.untilAt, weekAgo)))
    .orderBy(desc(watchBlindPeriods.fromAt))
    .all();
  return c.html(
    <Layout title="見守り: 対応中のお知らせ" staff={staff}>
      <LiveScript topics={['watch']} sound={['alert.opened']} />
      <h1>見守り: 対応中のお知らせ（{rows.length}件）</h1>
      {blind.length > 0 ? (
        <div class="error">
          <p>テレビからの信号を受け取れなかった時間（住民の方の「活動なし」には数えていません）:</p>
          <ul>
            {blind.map((b) => (
              <li>
                {formatJaDateTime(b.fromAt)}〜{b.untilAt ? formatJaDateTime(b.untilAt) : '継続中'}{' '}
                {b.reason === 'server_down'
                  ? 'engawa が停止していました'
                  : `多くのテレビから信号が届いていません（いつもは${b.expected}台、届いたのは${b.heard}台）`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <a href="/console/watch/residents">住民の一覧（見守りの登録・リマインダー・留守）</a>
      </p>
      <table>
        <thead>
          <tr>
            <th>住民</th>
            <th>内容</th>
            <th>最後の活動</th>
            <th>お知らせした人</th>
            <th>確認</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const steps = db
              .select()
              .from(watchAlertSteps)
              .where(eq(watchAlertSteps.alertId, r.a.id))
              .orderBy(asc(watchAlertSteps.step))
              .all();
            const acks = db.select().from(watchAcks).where(eq(watchAcks.alertId, r.a.id)).all();
            return (
              <tr>
                <td>
                  <a href={`/console/watch/residents/${r.a.residentId}`}>{r.name}</a>
                </td>
                <td>
                  {CONDITION_JA[r.a.condition]}
                  <br />
                  <span class="muted">{r.a.reasonJa}</span>
                </td>
                <td>{at(r.last ?? null)}</td>
                <td>
                  {steps.map((s) => (
                    <div>
                      {formatJaDateTime(s.at)} {s.tier}（{s.recipients.join(', ')}）
                    </div>
                  ))}
                </td>
                <td>
                  {acks.length
                    ? acks.map((k) => <div>{`${formatJaDateTime(k.at)} ${ACK_LABELS[k.action]}`}</div>)
                    : '未確認'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>,
  );
});

/** Residents (a support worker: their hamlet) with their watching status, to open one. */
watchConsole.get('/residents', (c) => {
  const { db } = c.var.deps;
  const staff = c.var.staff;
  const rows = db
    .select({
      id: residents.id,
      name: residents.name,
      hamletId: households.hamletId,
      enabled: watchSettings.enabled,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .leftJoin(watchSettings, eq(watchSettings.residentId, residents.id))
    .orderBy(asc(residents.id))
    .all()
    .filter((r) => inHamletScope(staffScope(staff), r.hamletId));
  return c.html(
    <Layout title="見守り: 住民" staff={staff}>
      <h1>見守り: 住民（{rows.length}人）</h1>
      <table>
        <thead>
          <tr>
            <th>住民</th>
            <th>見守り</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/console/watch/residents/${r.id}`}>{r.name}</a>
              </td>
              <td>{r.enabled ? '見守り中' : r.enabled === false ? '停止中' : '未登録'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
  );
});

/** A resident's last week as a day-by-hour picture: TV on, keys, other life signs. */
watchConsole.get('/residents/:id', (c) => {
  const { db, clock } = c.var.deps;
  const id = { data: idOf(c.req.param('id')) };
  assertMayManage(db, c.var.staff, id.data);
  const r = db
    .select({ name: residents.name, settings: watchSettings })
    .from(residents)
    .leftJoin(watchSettings, eq(watchSettings.residentId, residents.id))
    .where(eq(residents.id, id.data))
    .get();
  if (!r) throw notFound('Resident');
  const now = clock.now().getTime();
  const HOUR = 3_600_000;
  const OFFSET = 9 * HOUR;
  const today = Math.floor((now + OFFSET) / 86_400_000);
  const from = (today - 6) * 86_400_000 - OFFSET;
  const slots = db
    .select()
    .from(watchPresence)
    .where(and(eq(watchPresence.residentId, id.data), gte(watchPresence.slot, Math.floor(from / SLOT_MS))))
    .all();
  const grid = new Map<string, number>();
  for (const s of slots) {
    const t = s.slot * SLOT_MS + OFFSET;
    const key = `${Math.floor(t / 86_400_000)}:${Math.floor((t % 86_400_000) / HOUR)}`;
    grid.set(key, (grid.get(key) ?? 0) | s.flags);
  }
  const cell = (f: number | undefined) =>
    f === undefined
      ? ['', '#fff']
      : f & (PRESENCE_KEY | PRESENCE_LIFE)
        ? ['●', '#2a7a2a']
        : f & PRESENCE_TV
          ? ['○', '#9cc59c']
          : ['', '#fff'];
  const alerts = db
    .select()
    .from(watchAlerts)
    .where(eq(watchAlerts.residentId, id.data))
    .orderBy(desc(watchAlerts.openedAt))
    .limit(10)
    .all();
  return c.html(
    <Layout title={`見守り: ${r.name}`} staff={c.var.staff}>
      <h1>{r.name}さん</h1>
      {c.req.query('done') ? (
        <p class="notice" role="status">
          {c.req.query('done')}
        </p>
      ) : null}
      <p>
        {r.settings?.enabled
          ? `見守り中（同意 ${formatJaDateTime(r.settings.consentAt)}）`
          : '見守りの登録はありません'}
      </p>
      <p class="muted">● 操作・買い物などの活動 ○ テレビがついていた（チャンネルや番組は記録しません）</p>
      <table aria-label="1週間の活動">
        <thead>
          <tr>
            <th>日</th>
            {Array.from({ length: 24 }, (_, h) => (
              <th class="num">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 7 }, (_, i) => today - 6 + i).map((d) => (
            <tr>
              <td>{new Date(d * 86_400_000).toISOString().slice(5, 10)}</td>
              {Array.from({ length: 24 }, (_, h) => {
                const [mark, bg] = cell(grid.get(`${d}:${h}`));
                return <td style={`background:${bg};text-align:center`}>{mark}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <WatchManagement db={db} residentId={id.data} now={clock.now()} />
      <h2>お知らせの履歴</h2>
      <ul>
        {alerts.map((a) => (
          <li>
            {formatJaDateTime(a.openedAt)} {CONDITION_JA[a.condition]}{' '}
            {a.closedAt
              ? `（${a.closeReason === 'recovered' ? '回復' : '確認済み'} ${formatJaDateTime(a.closedAt)}）`
              : '（対応中）'}
          </li>
        ))}
      </ul>
    </Layout>,
  );
});
