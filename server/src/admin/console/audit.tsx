import { Hono } from 'hono';
import { and, asc, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import { auditLog, staffUsers } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { Layout } from '../../console/layout';
import { DateField } from '../../console/date-field';
import { ROLE_LABELS } from '../../console/nav';
import type { AppEnv } from '../../lib/router';
import { addDays, fromTokyo, isTokyoDate } from '../../lib/tokyo';
import { actorNamer } from './actors';
import { jaDateTime, Pager, pageOf, ScrollTable, SelectField } from './ui';

const PAGE = 50;
const BASE = '/console/admin/audit';

/** What an action means, in the operator's words; an unlisted one shows its code. */
const ACTION_JA: Record<string, string> = {
  login: 'ログイン',
  'product.create': '商品を追加',
  'product.update': '商品を変更',
  'household.phone': '世帯の電話番号を変更',
  'family_contact.create': '家族の連絡先を追加',
  'family_contact.update': '家族の連絡先を変更',
  'box.pair': '端末を登録',
  'box.replace': '端末を交換',
  'box.unpair': '端末を解除',
  'staff.create': '職員を追加',
  'staff.update': '職員を変更',
  'staff.disable': '職員を停止',
  'staff.enable': '職員を再開',
  'staff.password_reset': 'パスワードを再発行',
  'settings.taxi': 'タクシーの設定を変更',
  'settings.drone': 'ドローンの設定を変更',
  'mail.retry_now': 'メールを今すぐ再送',
  'watch.enroll': '見守りに登録',
  'watch.away': '留守を登録',
  'order.received': '注文を受付',
  'order.preparing': '注文の準備を開始',
  'order.packed': '注文を梱包',
  'order.in_transit': '配送を開始',
  'order.at_hall': '公民館に到着',
  'order.delivered': 'お渡し完了',
  'order_line.picked': '商品をピッキング',
  'order_line.missing': '欠品を記録',
  'handover.handed': 'お渡し',
  'handover.concern': 'お渡し（気になる様子）',
  'handover.absent': 'お渡し（不在）',
  'taxi.booking.created': 'タクシーを予約',
  'taxi.ride.pickup': '乗車',
  'taxi.ride.dropoff': '降車',
  'taxi.ride.no_show': '不在',
  'drone.plan': 'ドローンの運航計画',
  'drone.flight.launched': 'ドローン離陸',
  'drone.flight.landed': 'ドローン着陸',
  'drone.flight.returned': 'ドローン帰着',
  'drone.weather_check': '気象を確認',
  'drone.inspection': '日常点検',
  'drone.route.saved': '飛行ルートを保存',
  'drone.car.dispatch': '車で配送に切替',
  'drone.car.arrive': '車で到着',
};

/** What the entry is about, in words; the id follows. */
const ENTITY_JA: Record<string, string> = {
  staff_user: '職員',
  resident: '住民',
  household: '世帯',
  product: '商品',
  family_contact: '家族の連絡先',
  set_top_box: 'テレビ端末',
  settings: '設定',
  mail_outbox: 'メール',
  order: '注文',
  order_line: '注文の品',
  taxi_booking: 'タクシー予約',
  drone_flight: 'ドローン便',
  drone_day: 'ドローンの運航日',
  drone: 'ドローン',
  drone_route: '飛行ルート',
  drone_weather_check: '気象確認',
};
export const actionJa = (a: string) => ACTION_JA[a] ?? a;

export const auditPage = new Hono<AppEnv>();
auditPage.use('*', requireStaffPage('admin'));

auditPage.get('/', async (c) => {
  const { db } = c.var.deps;
  const actorRaw = c.req.query('actor') ?? '';
  const actorKind = actorRaw === 'system' || actorRaw === 'device' || actorRaw === 'family' ? actorRaw : null;
  const actorStaffId = /^[1-9]\d{0,8}$/.test(actorRaw) ? Number(actorRaw) : null;
  const action = (c.req.query('action') ?? '').trim().slice(0, 60);
  const from = c.req.query('from') ?? '';
  const to = c.req.query('to') ?? '';
  const page = pageOf(c.req.query('page'));
  const conds: (SQL | undefined)[] = [];
  if (actorStaffId !== null)
    conds.push(and(eq(auditLog.actorType, 'staff'), eq(auditLog.actorId, actorStaffId)));
  if (actorKind) conds.push(eq(auditLog.actorType, actorKind));
  if (action) conds.push(like(auditLog.action, `${action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  // Dates are Tokyo days; a wrong one is said beside the field, the list shows unfiltered.
  const fromOk = from === '' || isTokyoDate(from);
  const toOk = to === '' || isTokyoDate(to);
  if (from && fromOk) conds.push(gte(auditLog.at, fromTokyo(from)));
  if (to && toOk) conds.push(lt(auditLog.at, fromTokyo(addDays(to, 1))));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(PAGE + 1)
    .offset((page - 1) * PAGE)
    .all();
  // An entry about a staff account names the account too, not its row number.
  const accountOf = (r: (typeof rows)[number]) =>
    r.entity === 'staff_user' && r.entityId && /^\d+$/.test(r.entityId)
      ? { actorType: 'staff' as const, actorId: Number(r.entityId) }
      : null;
  const name = await actorNamer(db, [...rows, ...rows.flatMap((r) => accountOf(r) ?? [])]);
  const staff = await db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .orderBy(asc(staffUsers.id))
    .all();
  const actorOptions = [
    ...staff.map((s) => ({ value: String(s.id), label: `${s.name}（${ROLE_LABELS[s.role]}）` })),
    { value: 'device', label: 'テレビ端末（住民）' },
    { value: 'family', label: 'ご家族' },
    { value: 'system', label: 'システム' },
  ];
  return c.html(
    <Layout title="操作の記録" staff={c.var.staff}>
      <form method="get" action={BASE} style="display:flex;gap:1rem;align-items:end;flex-wrap:wrap">
        <SelectField label="誰が" name="actor" value={actorRaw} options={actorOptions} empty="すべて" />
        <SelectField
          label="何を"
          name="action"
          value={action}
          options={Object.entries(ACTION_JA).map(([value, label]) => ({ value, label }))}
          empty="すべて"
        />
        <div class="field">
          <DateField label="いつから" name="from" value={from} />
          {fromOk ? null : <span class="field-error">日付は年-月-日で入れてください</span>}
        </div>
        <div class="field">
          <DateField label="いつまで" name="to" value={to} />
          {toOk ? null : <span class="field-error">日付は年-月-日で入れてください</span>}
        </div>
        <div class="field">
          <button type="submit">絞り込む</button>
        </div>
      </form>
      <ScrollTable label="操作の記録">
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">誰が</th>
            <th scope="col">何を</th>
            <th scope="col">対象</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PAGE).map((r) => (
            <tr>
              <td>{jaDateTime(r.at)}</td>
              <td>{name(r)}</td>
              <td>{actionJa(r.action)}</td>
              <td>
                {accountOf(r) ? (
                  `職員 ${name(accountOf(r)!)}`
                ) : (
                  <>
                    {ENTITY_JA[r.entity] ?? r.entity}
                    {r.entityId ? ` ${r.entityId}番` : ''}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {rows.length === 0 ? <p>該当する記録はありません。</p> : null}
      <Pager
        base={BASE}
        query={{ actor: actorRaw, action, from, to }}
        page={page}
        hasNext={rows.length > PAGE}
      />
    </Layout>,
  );
});
