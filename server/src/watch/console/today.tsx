import { Hono } from 'hono';
import { staffScope } from '../../auth/scope';
import { takeFlash } from '../../console/flash';
import { Layout } from '../../console/layout';
import type { AppEnv } from '../../lib/router';
import {
  addDays,
  formatJaDateTime,
  formatJaFullDate,
  formatJaRelativeTime,
  tokyoDate,
  tokyoTime,
} from '../../lib/tokyo';
import { LiveScript } from '../../live/script';
import { listConcernHandovers, listTodaysHandovers } from '../../shop';
import { listHamletWatch } from '../list-hamlet-watch';
import { listOpenAlerts } from '../list-open-alerts';
import { WATCH_CONTACT_KIND_JA, WATCH_CONTACT_OUTCOME_JA } from '../record-watch-contact';
import { AlertList, Phone } from './alert-list';
import { ConcernNotes } from './concern-notes';
import { AlertFilters, alertFilterOf, hamletsInScope } from './filters';
import { WatchStyles } from './styles';

/**
 * The support worker's day on one screen, in the order they act: open alerts, today's handovers at
 * the halls, each resident's watch state, then the 気になる notes of the last two weeks.
 */
export const todayScreen = new Hono<AppEnv>();

todayScreen.get('/today', async (c) => {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const now = clock.now();
  const scope = staffScope(staff);
  const filter = alertFilterOf(c.req.query());
  const alerts = await listOpenAlerts(db, scope, filter);
  const parcels = await listTodaysHandovers(db, scope, now);
  const people = await listHamletWatch(db, scope, now);
  const notes = await listConcernHandovers(db, scope, addDays(tokyoDate(now), -14));
  const hamletNames = [...new Set(people.map((p) => p.hamletName))].join('・');
  return c.html(
    <Layout title="見守り: 今日の仕事" staff={staff} flash={takeFlash(c)}>
      <WatchStyles />
      <LiveScript topics={['watch', 'shop', 'drone']} sound={['alert.opened']} />
      <p>
        {formatJaFullDate(tokyoDate(now))} {tokyoTime(now)} 現在{hamletNames ? `・担当: ${hamletNames}` : ''}
      </p>
      <section aria-labelledby="h-alerts">
        <h2 id="h-alerts">対応中のお知らせ（{alerts.length}件）</h2>
        <AlertFilters
          action="/console/watch/today"
          filter={filter}
          hamlets={await hamletsInScope(db, scope)}
        />
        <AlertList alerts={alerts} now={now} back="today" staffId={staff.id} />
      </section>
      <section aria-labelledby="h-handovers">
        <h2 id="h-handovers">今日の公民館でのお渡し（{parcels.length}件）</h2>
        {parcels.length === 0 ? (
          <p class="muted">今日お渡しする荷物はありません。</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>公民館</th>
                <th>世帯</th>
                <th>住民</th>
                <th>状態</th>
              </tr>
            </thead>
            <tbody>
              {parcels.map((p) => (
                <tr>
                  <td>{p.hallName}</td>
                  <td>{p.householdName}</td>
                  <td>{p.residentNames.join('、')}</td>
                  <td>{p.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href="/console/shop/hall">荷物のお渡しの画面へ</a>
        </p>
      </section>
      <section aria-labelledby="h-people">
        <h2 id="h-people">住民の見守り（{people.length}人）</h2>
        <table>
          <thead>
            <tr>
              <th>住民</th>
              <th>電話</th>
              <th>最後の活動</th>
              <th>留守・入院</th>
              <th>今日の未確認リマインダー</th>
              <th>最後の電話・訪問</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <td>
                  <a href={`/console/watch/residents/${p.residentId}`}>{p.name}さん</a>
                  <span class="hint">{p.hamletName}</span>
                </td>
                <td>
                  <Phone phone={p.phone} />
                </td>
                <td>{p.lastSignAt ? formatJaRelativeTime(p.lastSignAt, now) : '記録なし'}</td>
                <td>
                  {p.away.length
                    ? p.away.map((a) => (
                        <div>
                          {formatJaDateTime(a.fromAt)}〜{formatJaDateTime(a.untilAt)}
                        </div>
                      ))
                    : '—'}
                </td>
                <td>
                  {p.unconfirmed.length
                    ? p.unconfirmed.map((u) => (
                        <div>
                          <span class="badge warn">{tokyoTime(u.dueAt)}</span> {u.text}
                        </div>
                      ))
                    : '—'}
                </td>
                <td>
                  {p.lastContact ? (
                    <span>
                      {formatJaRelativeTime(p.lastContact.at, now)}{' '}
                      {WATCH_CONTACT_KIND_JA[p.lastContact.kind]}・
                      {WATCH_CONTACT_OUTCOME_JA[p.lastContact.outcome]}
                    </span>
                  ) : (
                    '—'
                  )}{' '}
                  <a href={`/console/watch/residents/${p.residentId}#contact`}>
                    記録する<span class="visually-hidden">（{p.name}さんへの電話・訪問）</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="h-notes">
        <h2 id="h-notes">「気になる」の記録（2週間）</h2>
        <ConcernNotes notes={notes} />
      </section>
    </Layout>,
  );
});
