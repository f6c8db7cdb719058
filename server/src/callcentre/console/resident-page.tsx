import { DateField } from '../../console/date-field';
import type { Flash } from '../../console/flash';
import { Layout } from '../../console/layout';
import type { StaffAuth } from '../../lib/router';
import {
  formatJaDate,
  formatJaDateTime,
  formatJaFullDate,
  formatJaRelativeTime,
  tokyoDate,
} from '../../lib/tokyo';
import { LiveScript } from '../../live/script';
import type { ResidentCall } from '../load-resident-call';

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const MODE_JA = { drone: 'ドローン', car: '車' } as const;
const TIME_KIND_JA = { arrive_by: 'までに到着', leave_after: 'から出発' } as const;
const two = 'display:flex;flex-wrap:wrap;gap:var(--sp-5);align-items:flex-start';
const left = 'flex:2 1 420px;min-width:0';
const right = 'flex:3 1 560px;min-width:0';
const nowrap = 'white-space:nowrap';
/** 27日(金): the strip is one week, so the month is noise. */
const dayOf = (date: string) => formatJaDate(date).replace(/^\d+月/, '');

type Member = ResidentCall['members'][number];
type Ride = ResidentCall['rides']['upcoming'][number];

function ActivityStrip(props: { m: Member }) {
  const days = props.m.watch.days;
  return (
    <table style="width:auto;margin:var(--sp-2) 0">
      <caption style="text-align:left;font-size:var(--fs-xs)" class="muted">
        活動のあった時間（7日間）
      </caption>
      <thead>
        <tr>
          {days.map((d) => (
            <th
              scope="col"
              style="font-weight:400;text-align:center;padding:var(--sp-1);white-space:nowrap;font-size:var(--fs-xs)"
            >
              {dayOf(d.date)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {days.map((d) => {
            const shade =
              d.activeHours >= 3
                ? 'var(--c-success-soft)'
                : d.activeHours > 0 || d.tvHours > 0
                  ? 'var(--c-warning-soft)'
                  : 'var(--c-danger-soft)';
            return (
              <td
                data-day={d.date}
                style={`background:${shade};text-align:center;padding:var(--sp-1);white-space:nowrap;font-size:var(--fs-xs)`}
              >
                {d.activeHours > 0 ? `${d.activeHours}時間` : d.tvHours > 0 ? 'TVのみ' : 'なし'}
              </td>
            );
          })}
        </tr>
      </tbody>
    </table>
  );
}

function WatchPart(props: { m: Member; now: Date; pageResidentId: number }) {
  const { m, now } = props;
  const w = m.watch;
  const base = `/console/callcentre/residents/${props.pageResidentId}`;
  return (
    <div class="card" data-watch={String(m.id)} style="margin-bottom:var(--sp-4)">
      <h3 style="margin-top:0">
        {m.name}さん{' '}
        {w.watched ? <span class="badge ok">見守り中</span> : <span class="badge neutral">見守りなし</span>}
      </h3>
      {w.openAlert ? (
        <p class="error" data-alert={String(w.openAlert.id)}>
          <strong>対応中のお知らせ：{w.openAlert.conditionJa}</strong>（
          {formatJaDateTime(w.openAlert.openedAt)}〜）
          <br />
          {w.openAlert.reasonJa}
          {w.openAlert.tierJa ? `／${w.openAlert.tierJa}` : ''}
          {w.openAlert.acknowledged ? '／確認あり' : '／未確認'}
        </p>
      ) : null}
      <p style="margin:0">
        最後の活動：<strong>{w.lastSignAt ? formatJaRelativeTime(w.lastSignAt, now) : '記録なし'}</strong>
      </p>
      <ActivityStrip m={m} />
      <h4 style="margin:var(--sp-3) 0 var(--sp-1)">今日のリマインダー</h4>
      {w.reminders.length === 0 ? (
        <p class="muted" style="margin:0">
          ありません
        </p>
      ) : (
        <ul style="margin:0">
          {w.reminders.map((r) => (
            <li>
              {r.time} {r.text}{' '}
              {r.confirmedAt ? (
                <span class="badge ok">確認済み {formatJaDateTime(r.confirmedAt).slice(-5)}</span>
              ) : r.due ? (
                <span class="badge warn">未確認</span>
              ) : (
                <span class="badge neutral">これから</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h4 style="margin:var(--sp-3) 0 var(--sp-1)">留守・入院</h4>
      {w.away.length === 0 ? (
        <p class="muted" style="margin:0">
          登録はありません
        </p>
      ) : (
        <ul style="margin:0">
          {w.away.map((a) => (
            <li data-away={String(a.id)}>
              {a.current ? <span class="badge warn">留守中</span> : <span class="badge neutral">予定</span>}{' '}
              {formatJaDateTime(a.from)}〜{formatJaDateTime(a.until)}{' '}
              <form method="post" action={`${base}/away/${a.id}/end`} class="inline">
                <button type="submit" class="secondary">
                  {a.current ? '留守を終える（帰宅）' : '取り消す'}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One form for the household: a trip or a stay in hospital is often both residents' at once. */
function AwayForm(props: { call: ResidentCall; now: Date }) {
  const { call, now } = props;
  return (
    <form
      method="post"
      action={`/console/callcentre/residents/${call.resident.id}/away`}
      aria-label="留守の登録"
      class="card"
    >
      <h3 style="margin-top:0">留守を登録する</h3>
      <fieldset>
        <legend>留守にする人</legend>
        {call.members.map((m) => (
          <label style="display:inline-block;margin-right:var(--sp-4)">
            <input
              type="checkbox"
              name="residentIds"
              value={String(m.id)}
              checked={m.id === call.resident.id}
            />{' '}
            {m.name}
          </label>
        ))}
      </fieldset>
      <div style="margin-bottom:var(--sp-2)">
        <DateField label="出かける日" name="from" value={tokyoDate(now)} required />
      </div>
      <div style="margin-bottom:var(--sp-2)">
        <DateField label="帰る日" name="until" value="" required />
      </div>
      <p class="hint">帰る日の正午まで留守として扱い、見守りのお知らせを止めます。</p>
      <button type="submit">留守を登録</button>
    </form>
  );
}

function RideRow(props: { b: Ride; times: string[]; residentId: number; upcoming: boolean }) {
  const { b } = props;
  const base = `/console/callcentre/residents/${props.residentId}/rides/${b.id}`;
  return (
    <tr data-booking={String(b.id)}>
      <td style={nowrap}>{formatJaDate(b.serviceDate)}</td>
      <td style={nowrap}>
        {b.pickupFrom}〜{b.pickupTo}
        <br />
        <span class="muted">
          {b.requestedTime}
          {TIME_KIND_JA[b.timeKind]}
        </span>
      </td>
      <td>
        {b.fromLabel} → {b.toLabel}
      </td>
      <td>{b.riders.map((r) => r.name).join('・')}</td>
      <td>
        <strong>{b.statusLabel}</strong>
        {b.vehicleName ? <span class="muted">（{b.vehicleName}）</span> : null}
      </td>
      {props.upcoming ? (
        <td>
          {b.cancellable ? (
            <span>
              <form method="post" action={`${base}/change`} class="inline" aria-label="時刻の変更">
                <label style="display:inline">
                  <span class="visually-hidden">新しい時刻</span>
                  <select name="time">
                    {props.times.map((t) => (
                      <option selected={t === b.requestedTime}>{t}</option>
                    ))}
                  </select>
                </label>{' '}
                <button type="submit" class="secondary">
                  時刻を変える
                </button>
              </form>{' '}
              <form method="post" action={`${base}/cancel`} class="inline">
                <button type="submit" class="danger">
                  取り消す
                </button>
              </form>
            </span>
          ) : (
            <span class="muted">変更できません</span>
          )}
        </td>
      ) : null}
    </tr>
  );
}

function RidesPart(props: { call: ResidentCall; staffId: number; now: Date }) {
  const { call, now } = props;
  const opts = call.rideOptions;
  const rid = call.resident.id;
  return (
    <section aria-labelledby="cc-rides">
      <h2 id="cc-rides">乗合タクシー</h2>
      <h3>これからの予約</h3>
      {call.rides.upcoming.length === 0 ? (
        <p class="muted">ありません</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="これからの予約">
          <table>
            <thead>
              <tr>
                <th>日</th>
                <th>お迎え</th>
                <th>行き先</th>
                <th>乗る人</th>
                <th>状態</th>
                <th>変更</th>
              </tr>
            </thead>
            <tbody>
              {call.rides.upcoming.map((b) => (
                <RideRow b={b} times={opts.times} residentId={rid} upcoming />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>新しい予約（{formatJaFullDate(opts.date)}）</h3>
      {opts.closedMessage ? <p class="warning">{opts.closedMessage}</p> : null}
      {opts.times.length > 0 ? (
        <form
          method="post"
          action={`/console/callcentre/residents/${rid}/rides`}
          aria-label="乗合タクシーの予約"
        >
          <fieldset>
            <legend>乗る人</legend>
            {opts.residents.map((r) => (
              <label style="display:inline-block;margin-right:var(--sp-4)">
                <input
                  type="checkbox"
                  name="riderIds"
                  value={String(r.id)}
                  checked={r.id === call.resident.id && r.eligible}
                  disabled={!r.eligible}
                />{' '}
                {r.name} {r.eligible ? `${r.fareYen}円` : '（対象外）'}
              </label>
            ))}
            <label style="display:inline-block">
              付き添い{' '}
              <select name="companions">
                <option value="0">なし</option>
                <option value="1">1人</option>
                <option value="2">2人</option>
              </select>
            </label>
          </fieldset>
          <span style="display:inline-block;margin-right:var(--sp-4)">
            <label for="cc-from" style="display:inline">
              乗る場所
            </label>{' '}
            <select id="cc-from" name="from">
              <option value="home">自宅</option>
              {opts.destinations.map((d) => (
                <option value={String(d.placeId)}>{d.name}</option>
              ))}
            </select>
          </span>
          <span style="display:inline-block;margin-right:var(--sp-4)">
            <label for="cc-to" style="display:inline">
              行き先
            </label>{' '}
            <select id="cc-to" name="to">
              {opts.destinations.map((d) => (
                <option value={String(d.placeId)}>{d.name}</option>
              ))}
              <option value="home">自宅</option>
            </select>
          </span>
          <span style="display:inline-block;margin-right:var(--sp-4)">
            <label for="cc-time" style="display:inline">
              時刻
            </label>{' '}
            <select id="cc-time" name="time">
              {opts.times.map((t) => (
                <option>{t}</option>
              ))}
            </select>
          </span>
          <label style="display:inline-block;margin-right:var(--sp-4)">
            <span class="visually-hidden">時刻の意味</span>
            <select name="timeKind">
              <option value="arrive_by">までに着きたい</option>
              <option value="leave_after">から出たい</option>
            </select>
          </label>
          <input type="hidden" name="idempotencyKey" value={`cc-${props.staffId}-${now.getTime()}`} />
          <button type="submit">予約する</button>
        </form>
      ) : null}
      <h3>最近の乗車（2週間）</h3>
      {call.rides.recent.length === 0 ? (
        <p class="muted">ありません</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="最近の乗車">
          <table>
            <thead>
              <tr>
                <th>日</th>
                <th>お迎え</th>
                <th>行き先</th>
                <th>乗る人</th>
                <th>状態</th>
              </tr>
            </thead>
            <tbody>
              {call.rides.recent.map((b) => (
                <RideRow b={b} times={[]} residentId={rid} upcoming={false} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function OrdersPart(props: { call: ResidentCall; now: Date }) {
  const { call, now } = props;
  const today = tokyoDate(now);
  return (
    <section aria-labelledby="cc-orders">
      <h2 id="cc-orders">お買い物</h2>
      <p>
        <a class="button" href={`/console/shop/phone?household=${call.household.id}`}>
          この世帯の電話注文を受ける
        </a>
      </p>
      {call.orders.length === 0 ? (
        <p class="muted">注文はありません</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="最近の注文">
          <table>
            <thead>
              <tr>
                <th>お届け日</th>
                <th>状態</th>
                <th>品物と届け方</th>
                <th class="num">金額</th>
              </tr>
            </thead>
            <tbody>
              {call.orders.map((o) => (
                <tr data-order={String(o.id)}>
                  <td style={nowrap}>
                    {formatJaDate(o.deliveryDate)}
                    {o.deliveryDate === today ? (
                      <>
                        {' '}
                        <span class="badge warn">今日</span>
                      </>
                    ) : null}
                    <br />
                    <span class="muted">{o.channel === 'call_centre' ? '電話で注文' : 'テレビで注文'}</span>
                  </td>
                  <td style={nowrap}>
                    <strong>{o.statusLabel}</strong>
                  </td>
                  <td>
                    {o.lines
                      .slice(0, 3)
                      .map((l) => `${l.name}×${l.qty}`)
                      .join('、')}
                    {o.lines.length > 3 ? ` ほか${o.lines.length - 3}点` : ''}
                    {o.missingNotes.map((n) => (
                      <div class="muted">{n}</div>
                    ))}
                    <div class="muted">
                      {o.deliveryMode ? MODE_JA[o.deliveryMode] : '届け方は未定'}で{o.hallName}へ
                      {o.deliveryModeReason ? `（${o.deliveryModeReason}）` : ''}
                    </div>
                  </td>
                  <td class="num" style={nowrap}>
                    {yen(o.totalYen)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One page for a phone call: who is calling, then orders and rides beside their watch state. */
export function ResidentPage(props: {
  staff: StaffAuth;
  call: ResidentCall;
  now: Date;
  flash?: Flash | undefined;
}) {
  const { call, now } = props;
  const { resident: r, household: h } = call;
  return (
    <Layout title={`${r.name}さん（${h.name}）`} staff={props.staff} flash={props.flash}>
      <LiveScript topics={['taxi', 'watch', 'shop']} />
      <p class="no-print">
        <a href="/console/callcentre">← 住民をさがす</a>
      </p>
      <div style={two}>
        <div style={left}>
          <section class="card" aria-labelledby="cc-household" style="margin-bottom:var(--sp-4)">
            <h2 id="cc-household" style="margin-top:0">
              世帯と連絡先
            </h2>
            <p style="font-size:var(--fs-l);margin:0">
              電話 <strong data-phone>{h.phone ?? '登録なし'}</strong>
            </p>
            <p style="margin:var(--sp-1) 0">
              {h.address}（{h.hamletName}・{h.hallName}）
            </p>
            <ul style="margin:0">
              {call.members.map((m) => (
                <li>
                  {m.name}（{m.kana}）{m.age}歳
                  {m.licenceReturned ? <span class="badge neutral">免許返納</span> : null}
                  {m.disabled ? <span class="badge neutral">障がい者手帳</span> : null}
                </li>
              ))}
            </ul>
            <h3 style="margin-bottom:var(--sp-1)">ご家族</h3>
            {call.contacts.length === 0 ? (
              <p class="muted">登録はありません</p>
            ) : (
              <ul style="margin:0">
                {call.contacts.map((f) => (
                  <li>
                    {f.name}（{f.relation}）
                    {f.phones.map((tel) => (
                      <>
                        {' '}
                        <a href={`tel:${tel.replace(/[^\d+]/g, '')}`}>{tel}</a>
                      </>
                    ))}{' '}
                    {f.emails.join('、')}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="cc-watch">
            <h2 id="cc-watch">見守り</h2>
            {call.members.map((m) => (
              <WatchPart m={m} now={now} pageResidentId={r.id} />
            ))}
            <AwayForm call={call} now={now} />
          </section>
        </div>
        <div style={right}>
          <OrdersPart call={call} now={now} />
          <RidesPart call={call} staffId={props.staff.id} now={now} />
        </div>
      </div>
    </Layout>
  );
}
