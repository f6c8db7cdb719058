import { Hono } from 'hono';
import { desc, gte, isNull, or } from 'drizzle-orm';
import { watchBlindPeriods } from '../../../../db/src/schema';
import { staffScope } from '../../auth/scope';
import { takeFlash } from '../../console/flash';
import { Layout } from '../../console/layout';
import type { AppEnv } from '../../lib/router';
import { addDays, formatJaDateTime, tokyoDate } from '../../lib/tokyo';
import { LiveScript } from '../../live/script';
import { listConcernHandovers } from '../../shop';
import { listHamletWatch, listWatchContacts } from '../list-hamlet-watch';
import { listOpenAlerts } from '../list-open-alerts';
import { AlertList } from './alert-list';
import { ConcernNotes } from './concern-notes';
import { ContactTable } from './contact-table';
import { AlertFilters, alertFilterOf, hamletsInScope } from './filters';
import { WatchStyles } from './styles';

/**
 * The watching overview (city staff's, and a support worker's for their hamlet): open alerts with
 * filters and answers, time engawa could not hear the boxes, 気になる notes, recent calls and visits.
 */
export const alertsScreen = new Hono<AppEnv>();

alertsScreen.get('/', async (c) => {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const now = clock.now();
  const scope = staffScope(staff);
  const filter = alertFilterOf(c.req.query());
  const alerts = await listOpenAlerts(db, scope, filter);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const blind = await db
    .select()
    .from(watchBlindPeriods)
    .where(or(isNull(watchBlindPeriods.untilAt), gte(watchBlindPeriods.untilAt, weekAgo)))
    .orderBy(desc(watchBlindPeriods.fromAt))
    .all();
  const notes = await listConcernHandovers(db, scope, addDays(tokyoDate(now), -14));
  const residentIds = (await listHamletWatch(db, scope, now)).map((r) => r.residentId);
  const contacts = await listWatchContacts(db, residentIds, 20);
  return c.html(
    <Layout title="見守り: 対応中のお知らせ" staff={staff} flash={takeFlash(c)}>
      <WatchStyles />
      <LiveScript topics={['watch']} sound={['alert.opened']} />
      {blind.length > 0 ? (
        <div class="warning">
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
      <h2>お知らせ（{alerts.length}件）</h2>
      <AlertFilters action="/console/watch" filter={filter} hamlets={await hamletsInScope(db, scope)} />
      <AlertList alerts={alerts} now={now} back="alerts" staffId={staff.id} />
      <div class="watch-columns">
        <section aria-labelledby="h-notes">
          <h2 id="h-notes">「気になる」の記録（2週間）</h2>
          <ConcernNotes notes={notes} />
        </section>
        <section aria-labelledby="h-contacts">
          <h2 id="h-contacts">最近の電話・訪問</h2>
          <ContactTable contacts={contacts} withResident />
        </section>
      </div>
    </Layout>,
  );
});
