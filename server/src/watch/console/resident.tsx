import { and, desc, eq, gte } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { households, residents, watchAlerts, watchPresence, watchSettings } from '../../../../db/src/schema';
import { takeFlash } from '../../console/flash';
import { idOf } from '../../console/form';
import { Layout } from '../../console/layout';
import { notFound } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { addDays, formatJaDate, formatJaDateTime, fromTokyo, tokyoDate } from '../../lib/tokyo';
import { assertMayManage } from '../assert-may-manage';
import { listWatchContacts } from '../list-hamlet-watch';
import { CONDITION_JA } from '../list-open-alerts';
import { PRESENCE_KEY, PRESENCE_LIFE, PRESENCE_TV, SLOT_MS } from '../record-life-sign';
import { WATCH_CONTACT_KIND_JA, WATCH_CONTACT_OUTCOME_JA } from '../record-watch-contact';
import { Phone } from './alert-list';
import { ContactTable } from './contact-table';
import { errorOf, typed, type Refused } from './forms-schema';
import { WatchManagement } from './management';
import { WatchStyles } from './styles';

const HOUR = 3_600_000;

/** The call/visit form: how, what was found, a short note. */
function ContactForm(props: { residentId: number; refused: Refused | undefined }) {
  const r = props.refused;
  const kind = typed(r, 'contact', 'kind', '');
  const outcome = typed(r, 'contact', 'outcome', '');
  return (
    <form
      method="post"
      action={`/console/watch/residents/${props.residentId}/contacts`}
      class="contact-form"
      aria-label="電話・訪問の記録"
    >
      <fieldset>
        <legend>方法</legend>
        {Object.entries(WATCH_CONTACT_KIND_JA).map(([v, l]) => (
          <label>
            <input type="radio" name="kind" value={v} required checked={kind === v} /> {l}
          </label>
        ))}
        {errorOf(r, 'contact', 'kind') ? (
          <span class="field-error">{errorOf(r, 'contact', 'kind')}</span>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>結果</legend>
        {Object.entries(WATCH_CONTACT_OUTCOME_JA).map(([v, l]) => (
          <label>
            <input type="radio" name="outcome" value={v} required checked={outcome === v} /> {l}
          </label>
        ))}
        {errorOf(r, 'contact', 'outcome') ? (
          <span class="field-error">{errorOf(r, 'contact', 'outcome')}</span>
        ) : null}
      </fieldset>
      <label>
        メモ（200文字まで）
        <input
          name="note"
          maxlength={200}
          value={typed(r, 'contact', 'note', '')}
          style="width:min(40rem,100%)"
          aria-invalid={errorOf(r, 'contact', 'note') ? 'true' : undefined}
        />
        {errorOf(r, 'contact', 'note') ? (
          <span class="field-error">{errorOf(r, 'contact', 'note')}</span>
        ) : null}
      </label>
      <button type="submit">記録する</button>
    </form>
  );
}

/** A resident's page; `refused` draws a refused form again with what was typed and its errors. */
export async function renderResident(c: Context<AppEnv>, residentId: number, refused?: Refused) {
  const { db, clock } = c.var.deps;
  await assertMayManage(db, c.var.staff, residentId);
  const r = await db
    .select({
      name: residents.name,
      phone: households.phone,
      household: households.name,
      settings: watchSettings,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .leftJoin(watchSettings, eq(watchSettings.residentId, residents.id))
    .where(eq(residents.id, residentId))
    .get();
  if (!r) throw notFound('Resident');
  const now = clock.now();
  const today = tokyoDate(now);
  const days = Array.from({ length: 7 }, (_, i) => addDays(today, i - 6));
  const from = fromTokyo(days[0]!);
  const slots = await db
    .select()
    .from(watchPresence)
    .where(
      and(
        eq(watchPresence.residentId, residentId),
        gte(watchPresence.slot, Math.floor(from.getTime() / SLOT_MS)),
      ),
    )
    .all();
  const grid = new Map<string, number>();
  for (const s of slots) {
    const at = new Date(s.slot * SLOT_MS);
    const key = `${tokyoDate(at)}:${Math.floor((at.getTime() - fromTokyo(tokyoDate(at)).getTime()) / HOUR)}`;
    grid.set(key, (grid.get(key) ?? 0) | s.flags);
  }
  const cell = (f: number | undefined) =>
    f === undefined
      ? ['', '#fff']
      : f & (PRESENCE_KEY | PRESENCE_LIFE)
        ? ['●', '#d5ecd9']
        : f & PRESENCE_TV
          ? ['○', '#eef6ef']
          : ['', '#fff'];
  const alerts = await db
    .select()
    .from(watchAlerts)
    .where(eq(watchAlerts.residentId, residentId))
    .orderBy(desc(watchAlerts.openedAt))
    .limit(10)
    .all();
  const contacts = await listWatchContacts(db, [residentId], 20);
  return c.html(
    <Layout title={`見守り: ${r.name}さん`} staff={c.var.staff} flash={takeFlash(c)}>
      <WatchStyles />
      <p>
        {r.household}・電話 <Phone phone={r.phone} />{' '}
        {r.settings?.enabled ? (
          <span class="badge ok">見守り中</span>
        ) : r.settings ? (
          <span class="badge neutral">見守り停止中</span>
        ) : (
          <span class="badge neutral">見守りの登録なし</span>
        )}
      </p>
      <h2 id="contact">電話・訪問の記録</h2>
      <ContactForm residentId={residentId} refused={refused} />
      <ContactTable contacts={contacts} />
      <h2>この1週間の活動</h2>
      <p class="muted">● 操作・買い物などの活動 ○ テレビがついていた（チャンネルや番組は記録しません）</p>
      <div class="table-scroll">
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
            {days.map((d) => (
              <tr>
                <th scope="row">{formatJaDate(d)}</th>
                {Array.from({ length: 24 }, (_, h) => {
                  const [mark, bg] = cell(grid.get(`${d}:${h}`));
                  return <td style={`background:${bg};text-align:center;padding:2px`}>{mark}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>お知らせの履歴</h2>
      {alerts.length === 0 ? (
        <p class="muted">お知らせはありません。</p>
      ) : (
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
      )}
      <WatchManagement db={db} residentId={residentId} now={now} refused={refused} />
    </Layout>,
    refused ? 400 : 200,
  );
}

export const residentScreen = new Hono<AppEnv>();

residentScreen.get('/residents/:id', async (c) => await renderResident(c, idOf(c.req.param('id'))));
