import { DateField } from '../../console/date-field';
import type { Flash } from '../../console/flash';
import type { RefusedForm } from '../../console/form';
import { Layout } from '../../console/layout';
import type { MapFeature } from '../../console/map-view';
import { MapView } from '../../console/map-view';
import type { StaffAuth } from '../../lib/router';
import { formatJaDate, formatJaFullDate, tokyoDate } from '../../lib/tokyo';
import { LiveScript } from '../../live/script';
import type { BoardFlight, BoardView } from '../get-board-view';
import { BOARD_CSS_HREF, BOARD_JS_SRC } from './assets';
import { hm, kg } from './shared';
import { WEATHER_BANDS } from './weather-form';

/** 0:07 or 1:02:05 — a duration as the board's timers show it (board.js counts on from here). */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60) % 60);
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

const STATUS_BADGE: Record<BoardFlight['status'], string> = {
  planned: 'neutral',
  launched: 'warn',
  landed: 'warn',
  returned: 'ok',
  aborted: 'bad',
  cancelled: 'neutral',
};

function Timer(props: { label: string; since?: Date; until?: Date; now: Date }) {
  const ms = props.since
    ? props.now.getTime() - props.since.getTime()
    : props.until!.getTime() - props.now.getTime();
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>
        <span
          class="timer"
          data-since={props.since ? String(props.since.getTime()) : undefined}
          data-until={props.until ? String(props.until.getTime()) : undefined}
        >
          {props.until && ms < 0 ? `+${clockText(-ms)}` : clockText(ms)}
        </span>
      </dd>
    </div>
  );
}

function FlightCard(props: { f: BoardFlight; view: BoardView; date: string }) {
  const { f, view, date } = props;
  const now = view.now;
  const inspection = view.board.drones.find((d) => d.id === f.droneId)?.inspection ?? null;
  const post = (action: string) => `/console/drone/flights/${f.id}/${action}`;
  const hidden = <input type="hidden" name="date" value={date} />;
  const titleId = `flight-${f.id}-h`;
  return (
    <article
      class={`flight-card status-${f.status}`}
      data-flight={String(f.seq)}
      data-flight-id={String(f.id)}
      data-status={f.status}
      aria-labelledby={titleId}
    >
      <header>
        <h3 id={titleId}>
          便{f.seq} {f.hallName}
        </h3>
        <span class={`badge ${STATUS_BADGE[f.status]}`}>{f.statusJa}</span>
        {f.carried ? <span class="badge warn">前日から（{formatJaDate(f.deliveryDate)}）</span> : null}
      </header>
      <p class="muted flight-meta">
        {f.droneName}・{kg(f.loadG)}・荷物{' '}
        {f.orderIds.length ? f.orderIds.map((id) => `#${id}`).join(' ') : 'なし'}
      </p>
      <dl class="flight-times">
        <div>
          <dt>予定</dt>
          <dd>
            {hm(f.plannedDepartAt)}〜{hm(f.plannedReturnAt)}
          </dd>
        </div>
        {f.launchedAt ? (
          <div>
            <dt>離陸</dt>
            <dd>{hm(f.launchedAt)}</dd>
          </div>
        ) : null}
        {f.status === 'launched' && f.launchedAt ? (
          <Timer label="飛行時間" since={f.launchedAt} now={now} />
        ) : null}
        {f.status === 'launched' && f.expectedLandingAt ? (
          <div>
            <dt>着陸予定</dt>
            <dd>{hm(f.expectedLandingAt)}</dd>
          </div>
        ) : null}
        {f.landedAt ? (
          <div>
            <dt>着陸</dt>
            <dd>{hm(f.landedAt)}</dd>
          </div>
        ) : null}
        {f.status === 'landed' && f.landedAt ? <Timer label="着陸から" since={f.landedAt} now={now} /> : null}
        {f.status === 'landed' && f.expectedReturnAt ? (
          <div>
            <dt>帰還予定</dt>
            <dd>{hm(f.expectedReturnAt)}</dd>
          </div>
        ) : null}
        {f.returnedAt ? (
          <div>
            <dt>帰還</dt>
            <dd>{hm(f.returnedAt)}</dd>
          </div>
        ) : null}
        {f.abortedAt ? (
          <div>
            <dt>中止</dt>
            <dd>
              {hm(f.abortedAt)}
              {f.abortReason ? `（${f.abortReason}）` : ''}
            </dd>
          </div>
        ) : null}
      </dl>
      <div class="flight-actions no-print">
        {f.status === 'planned' && !f.carried ? (
          <form method="post" action={post('launch')} class="inline">
            {hidden}
            {view.pilotKnown ? null : (
              <label class="licence">
                技能証明書番号
                <input
                  name="pilotLicenceNo"
                  size={14}
                  autocomplete="off"
                  aria-label={`便${f.seq}の技能証明書番号`}
                />
              </label>
            )}
            <button type="submit">離陸</button>
          </form>
        ) : null}
        {f.status === 'launched' ? (
          <form method="post" action={post('land')} class="inline">
            {hidden}
            <button type="submit">着陸</button>
          </form>
        ) : null}
        {f.status === 'landed' ? (
          <form method="post" action={post('return')} class="inline">
            {hidden}
            <button type="submit">帰還</button>
          </form>
        ) : null}
        {f.status === 'planned' && !f.carried ? (
          <a class="button secondary" href={`/console/drone?date=${date}&site=${f.hamletId}#weather-form`}>
            気象確認
          </a>
        ) : null}
        {f.status === 'planned' && inspection !== 'passed' && !f.carried ? (
          <a class="button secondary" href={`/console/drone/inspection?droneId=${f.droneId}&date=${date}`}>
            日常点検
          </a>
        ) : null}
        {f.status === 'planned' || f.status === 'launched' ? (
          <details class="confirm">
            <summary class="button danger">中止…</summary>
            <form method="post" action={post('abort')} class="confirm-box" aria-label={`便${f.seq}の中止`}>
              {hidden}
              <label>
                中止の理由
                <input name="reason" required maxlength={500} />
              </label>
              <p class="hint">荷物は別の便か車に自動で回します。</p>
              <button type="submit" class="danger">
                便{f.seq}を中止する
              </button>
            </form>
          </details>
        ) : null}
      </div>
    </article>
  );
}

function siteBadge(site: BoardView['sites'][number]) {
  if (!site.check) return <span class="badge neutral">未確認</span>;
  if (site.check.mode === 'car') return <span class="badge bad">車で配送</span>;
  return <span class="badge ok">飛行可</span>;
}

/** Why the check said what it said, from what it measured: the car's reasons or the fine values. */
function siteWhy(site: BoardView['sites'][number]): string {
  const c = site.check;
  if (!c) return '本日の気象確認がまだありません';
  if (c.mode === 'car') return `${c.reasons.join('、')}（${c.residentText}）`;
  const m = c.measured;
  return `基準内（地上風 ${m.takeoff}/${m.landing}・上空 ${m.maxBand}m/秒・${m.rain ? '雨' : '雨なし'}）`;
}

function WeatherPanel(props: { view: BoardView; date: string; site?: number; refused?: RefusedForm }) {
  const { view, date, refused } = props;
  const v = (k: string) => (refused ? String(refused.values[k] ?? '') : '');
  const err = (k: string) => refused?.errors[k];
  const field = (name: string, label: string) => (
    <label>
      {label}
      <input
        name={name}
        inputmode="decimal"
        value={v(name)}
        required
        aria-invalid={err(name) ? 'true' : undefined}
        aria-describedby={err(name) ? `${name}-err` : undefined}
      />
      {err(name) ? (
        <span class="field-error" id={`${name}-err`}>
          {err(name)}
        </span>
      ) : null}
    </label>
  );
  const chosen = refused ? String(refused.values.hamletId ?? '') : props.site ? String(props.site) : '';
  return (
    <section aria-labelledby="weather-h" class="panel">
      <h2 id="weather-h">着陸地ごとの気象判定</h2>
      <table class="sites">
        <thead>
          <tr>
            <th>着陸地</th>
            <th>判定</th>
            <th>理由</th>
            <th>確認</th>
          </tr>
        </thead>
        <tbody>
          {view.sites.map((s) => (
            <tr data-site={String(s.hamletId)}>
              <td>{s.hallName}</td>
              <td>{siteBadge(s)}</td>
              <td>{siteWhy(s)}</td>
              <td class="num">
                {s.check ? (
                  <>
                    {hm(s.check.checkedAt)}
                    <br />
                    {s.check.expired ? (
                      <span class="error">期限切れ</span>
                    ) : (
                      <span class="muted">{hm(s.check.expiresAt)}まで</span>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        id="weather-form"
        method="post"
        action={`/console/drone/days/${date}/weather`}
        class="no-print weather-form"
        aria-label="気象確認の記録"
      >
        <label class="wide">
          対象
          <select name="hamletId">
            <option value="">全ての着陸地</option>
            {view.sites.map((s) => (
              <option value={String(s.hamletId)} selected={chosen === String(s.hamletId)}>
                {s.hallName}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="weather-grid">
          <legend>風速（m/秒）</legend>
          {field('groundWindTakeoffMps', '離陸地点の地上')}
          {field('groundWindLandingMps', '着陸地点の地上')}
          {WEATHER_BANDS.map((b) => field(`band_${b.fromM}_${b.toM}`, `上空 ${b.fromM}〜${b.toM}m`))}
        </fieldset>
        <label class="check">
          <input
            type="checkbox"
            name="rain"
            value="1"
            checked={refused ? refused.values.rain === '1' : false}
          />{' '}
          雨
        </label>
        <button type="submit">気象確認を記録</button>
        <span class="hint">判定は{view.weatherCheckValidMin}分間有効です。</span>
      </form>
    </section>
  );
}

function Timeline(props: { view: BoardView; today: boolean }) {
  const { entries, nowIndex } = props.view.timeline;
  const now = (
    <li class="tl-now" data-now>
      <time>{hm(props.view.now)}</time> 現在
    </li>
  );
  return (
    <section aria-labelledby="timeline-h" class="panel">
      <h2 id="timeline-h">今日の流れ</h2>
      <ol class="timeline">
        {entries.map((e, i) => (
          <>
            {props.today && i === nowIndex ? now : null}
            <li class={`tl-${e.kind} tl-${e.state}`}>
              <time>{hm(e.at)}</time> {e.label}
              {e.state === 'due' ? <span class="badge warn">予定時刻を過ぎています</span> : null}
              {e.carried ? <span class="badge warn">前日から</span> : null}
            </li>
          </>
        ))}
        {props.today && nowIndex === entries.length ? now : null}
      </ol>
    </section>
  );
}

function mapFeatures(view: BoardView): MapFeature[] {
  const features: MapFeature[] = [];
  const inAir = new Set(view.flights.filter((f) => f.status === 'launched').map((f) => f.hamletId));
  for (const r of view.map.routes) {
    const mid = r.path[Math.floor(r.path.length / 2)]!;
    features.push({
      kind: 'route',
      label: `${r.hallName}航路`,
      lat: mid[0],
      lon: mid[1],
      path: r.path,
      state: inAir.has(r.hamletId) ? 'in_air' : undefined,
    });
  }
  if (view.map.port) features.push({ kind: 'port', label: view.map.port.name, ...view.map.port });
  for (const r of view.map.routes) {
    const site = view.sites.find((s) => s.hamletId === r.hamletId);
    const word = !site?.check ? '未確認' : site.check.mode === 'car' ? '車で配送' : '飛行可';
    features.push({
      kind: 'landing',
      label: `${r.hallName}（${word}）`,
      lat: r.hall[0],
      lon: r.hall[1],
      state: inAir.has(r.hamletId) ? 'in_air' : !site?.check ? 'unchecked' : site.check.mode,
    });
  }
  return features;
}

export function BoardPage(props: {
  view: BoardView;
  staff: StaffAuth;
  flash?: Flash;
  /** Before the cut-off residents still order for the day, so planning is not offered. */
  beforeCutoff: boolean;
  site?: number;
  weatherRefused?: RefusedForm;
}) {
  const { view } = props;
  const board = view.board;
  const d = board.deliveryDate;
  const today = tokyoDate(view.now) === d;
  const open = view.flights.filter((f) => f.status !== 'cancelled');
  return (
    <Layout title={`ドローン基地 ${formatJaFullDate(d)}`} staff={props.staff} flash={props.flash}>
      <link rel="stylesheet" href={BOARD_CSS_HREF} />
      <LiveScript topics={['drone']} />
      <script src={BOARD_JS_SRC} defer />
      <div class="drone-toolbar no-print">
        <form method="get" action="/console/drone">
          <DateField label="配送日" name="date" value={d} />
          <button type="submit" class="secondary">
            表示
          </button>
        </form>
        <a href={`/console/drone/inspection?date=${d}`}>日常点検・点検整備</a>
        <a href={`/console/drone/records?date=${d}`}>飛行日誌・航路ファイル</a>
      </div>
      <p class="plan-line" id="plan-status">
        {board.planned ? (
          <>
            配送計画：{hm(new Date(board.planned.at))} に計画済み、ドローン {board.planned.byDrone}件（
            {board.planned.flights}便）、車 {board.planned.byCar}件
          </>
        ) : props.beforeCutoff ? (
          <span class="muted">注文の締め切り（{hm(view.cutoffAt)}）の後に自動で計画します。</span>
        ) : (
          <form method="post" action={`/console/drone/days/${d}/plan`} class="inline">
            <span class="muted">締め切り後に自動で計画します。</span>{' '}
            <button type="submit">今すぐ計画する</button>
          </form>
        )}
      </p>
      {board.unplannedOrderIds.length > 0 ? (
        <p class="warning" role="status">
          配送計画に載っていない注文：{board.unplannedOrderIds.map((id) => `#${id}`).join('、')}
          （数分以内に便か車に割り当てます）
        </p>
      ) : null}
      <div class="drone-board" data-server-now={String(view.now.getTime())}>
        <div class="drone-main">
          <section aria-labelledby="flights-h">
            <h2 id="flights-h">ドローン便</h2>
            {open.length === 0 ? <p class="muted">この日のドローン便はありません。</p> : null}
            <div class="flight-cards">
              {open.map((f) => (
                <FlightCard f={f} view={view} date={d} />
              ))}
            </div>
            {view.flights.some((f) => f.status === 'cancelled') ? (
              <p class="muted">
                天候で車に変更した便：
                {view.flights
                  .filter((f) => f.status === 'cancelled')
                  .map((f) => `便${f.seq}（${f.hallName}）`)
                  .join('、')}
              </p>
            ) : null}
          </section>
          <section aria-labelledby="car-h">
            <h2 id="car-h">車で配送</h2>
            {board.car.length === 0 ? <p class="muted">車で配送する荷物はありません。</p> : null}
            <div class="car-cards">
              {board.car.map((hall) => (
                <article class="card car-card" data-car-hall={String(hall.hamletId)}>
                  <h3>{hall.hallName}</h3>
                  <ul>
                    {hall.orders.map((o) => (
                      <li>
                        #{o.id} {kg(o.weightG)} <span class="badge neutral">{o.statusJa}</span> {o.reason}
                      </li>
                    ))}
                  </ul>
                  <div class="no-print">
                    {hall.orders.some((o) => o.status === 'preparing') ? (
                      <form
                        method="post"
                        action={`/console/drone/days/${d}/car/${hall.hamletId}/dispatch`}
                        class="inline"
                      >
                        <button type="submit">車で出発</button>
                      </form>
                    ) : null}{' '}
                    {hall.orders.some((o) => o.status === 'in_transit') ? (
                      <form
                        method="post"
                        action={`/console/drone/days/${d}/car/${hall.hamletId}/arrive`}
                        class="inline"
                      >
                        <button type="submit">公民館に到着</button>
                      </form>
                    ) : null}
                  </div>
                </article>
              ))}
            </div>
          </section>
          <Timeline view={view} today={today} />
        </div>
        <div class="drone-side">
          <MapView label="航路と着陸地" features={mapFeatures(view)} height={340} />
          <WeatherPanel view={view} date={d} site={props.site} refused={props.weatherRefused} />
          <section aria-labelledby="drones-h" class="panel">
            <h2 id="drones-h">機体と日常点検</h2>
            <ul class="drones">
              {board.drones.map((dr) => (
                <li data-drone={String(dr.id)}>
                  {dr.name}（{dr.registrationMark}、最大 {kg(dr.payloadG)}）{' '}
                  {dr.inspection === 'passed' ? (
                    <span class="badge ok">点検済み</span>
                  ) : dr.inspection === 'failed' ? (
                    <span class="badge bad">点検で異常あり</span>
                  ) : (
                    <>
                      <span class="badge warn">未点検</span>{' '}
                      <a href={`/console/drone/inspection?droneId=${dr.id}&date=${d}`}>日常点検を記録</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </Layout>
  );
}
