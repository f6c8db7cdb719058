import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { requireStaffPage } from '../auth/staff-auth';
import { Layout } from '../console/layout';
import type { Actor } from '../lib/audit';
import { AppError, badRequest } from '../lib/errors';
import type { AppEnv, StaffAuth } from '../lib/router';
import { formatJaDate, tokyoDate, tokyoTime, isTokyoDate } from '../lib/tokyo';
import { abortFlight } from './abort-flight';
import { exportFlightLog } from './export-flight-log';
import { exportRoutePlan } from './export-route-plan';
import { getDayBoard, type DayBoard } from './get-day-board';
import { landFlight } from './land-flight';
import { launchFlight } from './launch-flight';
import { DAILY_CHECK_ITEMS } from './log/daily-inspection';
import { moveCarParcels } from './move-car-parcels';
import { planDeliveryDay } from './plan-delivery-day';
import { orderDeadline } from '../shop/order-deadline';
import { getShopSettings } from '../shop/shop-settings';
import type { DbOrTx } from '../../../db/src';
import { recordDailyInspection } from './record-daily-inspection';
import { MaintenanceInput, recordMaintenance } from './record-maintenance';
import { recordWeatherCheck } from './record-weather-check';
import { returnFlight } from './return-flight';
import { publishFlightEvent } from './live-events';
import { idOf } from '../console/form';
import { DateField } from '../console/date-field';

export const droneConsole = new Hono<AppEnv>();
droneConsole.use('*', requireStaffPage('drone_operator'));

const BANDS = [
  { fromM: 0, toM: 50 },
  { fromM: 50, toM: 100 },
  { fromM: 100, toM: 150 },
];
const actorOf = (s: StaffAuth): Actor & { id: number } => ({ type: 'staff', id: s.id });
const dateOf = (raw: string | undefined, now: Date) => {
  if (!raw) return tokyoDate(now);
  if (!isTokyoDate(raw)) throw badRequest('invalid_date', `"${raw}" is not a date (YYYY-MM-DD)`);
  return raw;
};
const hm = (iso: string | null) => (iso ? tokyoTime(new Date(iso)) : '');
const kg = (g: number) => `${(g / 1000).toFixed(1)}kg`;
const boardUrl = (date: string, key: 'done' | 'error', msg: string) =>
  `/console/drone?date=${date}&${key}=${encodeURIComponent(msg)}`;

/** Runs an action; a refused one comes back to the board with its message instead of an error page. */
function act(c: Context<AppEnv>, date: string, fn: () => string) {
  try {
    const done = fn();
    return c.redirect(boardUrl(date, 'done', done), 303);
  } catch (err) {
    if (err instanceof AppError && err.status < 500)
      return c.redirect(boardUrl(date, 'error', err.message), 303);
    throw err;
  }
}

function Board(props: {
  board: DayBoard;
  staff: StaffAuth;
  done?: string;
  error?: string;
  /** Before the cut-off residents still order for the day, so planning is not offered. */
  beforeCutoff?: string;
}) {
  const { board } = props;
  const d = board.deliveryDate;
  return (
    <Layout title={`ドローン基地 ${formatJaDate(d)}`} staff={props.staff}>
      {props.done ? (
        <p class="notice" role="status">
          {props.done}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="get" action="/console/drone" class="no-print">
        <DateField label="配送日" name="date" value={d} />
        <button type="submit">表示</button>
      </form>

      <section aria-labelledby="plan-h">
        <h2 id="plan-h">配送計画</h2>
        {board.planned ? (
          <p>
            {hm(board.planned.at)} に計画済み：ドローン {board.planned.byDrone}件（{board.planned.flights}
            便）、車 {board.planned.byCar}件
          </p>
        ) : props.beforeCutoff ? (
          <p class="muted">注文の締め切り（{props.beforeCutoff}）の後に自動で計画します。</p>
        ) : (
          <form method="post" action={`/console/drone/days/${d}/plan`}>
            <span class="muted">締め切り後に自動で計画します。</span>{' '}
            <button type="submit">今すぐ計画する</button>
          </form>
        )}
      </section>

      {board.unplannedOrderIds.length > 0 ? (
        <p class="error" role="alert">
          配送計画に載っていない注文：{board.unplannedOrderIds.map((id) => `#${id}`).join('、')}
          （数分以内に便か車に割り当てます）
        </p>
      ) : null}

      <section aria-labelledby="weather-h">
        <h2 id="weather-h">気象確認</h2>
        <table>
          <thead>
            <tr>
              <th>時刻</th>
              <th>対象</th>
              <th>判定</th>
              <th>理由（住民への表示）</th>
            </tr>
          </thead>
          <tbody>
            {board.weather.map((w) => (
              <tr>
                <td>{hm(w.checkedAt)}</td>
                <td>{w.scope}</td>
                <td>{w.mode === 'drone' ? 'ドローン可' : '車'}</td>
                <td>
                  {w.residentText}
                  {w.reasons.length ? (
                    <span class="muted">（{w.reasons.map((r) => r.detail).join('、')}）</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          method="post"
          action={`/console/drone/days/${d}/weather`}
          class="no-print"
          aria-label="気象確認の記録"
        >
          <label>
            対象
            <select name="hamletId">
              <option value="">全ての着陸地</option>
              {board.routes.map((r) => (
                <option value={String(r.hamletId)}>{r.hallName}</option>
              ))}
            </select>
          </label>
          <label>
            離陸地点の地上風 (m/秒){' '}
            <input name="groundWindTakeoffMps" type="number" step="0.1" min="0" required />
          </label>
          <label>
            着陸地点の地上風 (m/秒){' '}
            <input name="groundWindLandingMps" type="number" step="0.1" min="0" required />
          </label>
          {BANDS.map((b) => (
            <label>
              上空 {b.fromM}〜{b.toM}m の風 (m/秒){' '}
              <input name={`band_${b.fromM}_${b.toM}`} type="number" step="0.1" min="0" required />
            </label>
          ))}
          <label>
            <input type="checkbox" name="rain" value="1" /> 雨
          </label>
          <button type="submit">気象確認を記録</button>
        </form>
      </section>

      <section aria-labelledby="drones-h">
        <h2 id="drones-h">機体と日常点検</h2>
        <p class="no-print">
          <a href={`/console/drone/inspection?date=${d}`}>日常点検・点検整備の記録</a>
        </p>
        <ul>
          {board.drones.map((dr) => (
            <li>
              {dr.name}（{dr.registrationMark}、最大 {kg(dr.payloadG)}）：
              {dr.inspection === 'passed'
                ? '点検済み'
                : dr.inspection === 'failed'
                  ? '点検で異常あり'
                  : '未点検'}{' '}
              {dr.inspection ? null : (
                <a href={`/console/drone/inspection?droneId=${dr.id}&date=${d}`}>日常点検を記録</a>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="flights-h">
        <h2 id="flights-h">ドローン便</h2>
        <table>
          <thead>
            <tr>
              <th>便</th>
              <th>機体</th>
              <th>着陸地</th>
              <th>荷物</th>
              <th class="num">重さ</th>
              <th>予定</th>
              <th>実績</th>
              <th>状態</th>
              <th class="no-print">操作</th>
            </tr>
          </thead>
          <tbody>
            {board.flights.map((f) => (
              <tr data-flight={String(f.seq)}>
                <td>{f.seq}</td>
                <td>{f.droneName}</td>
                <td>{f.hallName}</td>
                <td>{f.orderIds.map((id) => `#${id}`).join(' ')}</td>
                <td class="num">{kg(f.loadG)}</td>
                <td>
                  {hm(f.plannedDepartAt)}〜{hm(f.plannedReturnAt)}
                </td>
                <td>
                  {f.launchedAt ? `離陸 ${hm(f.launchedAt)}` : ''}{' '}
                  {f.landedAt ? `着陸 ${hm(f.landedAt)}` : ''}{' '}
                  {f.returnedAt ? `帰還 ${hm(f.returnedAt)}` : ''}
                </td>
                <td>
                  {f.statusJa}
                  {f.abortReason ? `（${f.abortReason}）` : ''}
                </td>
                <td class="no-print">
                  {f.status === 'planned' ? (
                    <form
                      method="post"
                      action={`/console/drone/flights/${f.id}/launch?date=${d}`}
                      class="inline"
                    >
                      <input name="pilotLicenceNo" placeholder="技能証明書番号（初回のみ）" size={18} />
                      <button type="submit">離陸</button>
                    </form>
                  ) : null}
                  {f.status === 'launched' ? (
                    <form
                      method="post"
                      action={`/console/drone/flights/${f.id}/land?date=${d}`}
                      class="inline"
                    >
                      <button type="submit">着陸</button>
                    </form>
                  ) : null}
                  {f.status === 'landed' ? (
                    <form
                      method="post"
                      action={`/console/drone/flights/${f.id}/return?date=${d}`}
                      class="inline"
                    >
                      <button type="submit">帰還</button>
                    </form>
                  ) : null}
                  {f.status === 'planned' || f.status === 'launched' ? (
                    <form
                      method="post"
                      action={`/console/drone/flights/${f.id}/abort?date=${d}`}
                      class="inline"
                    >
                      <input name="reason" placeholder="中止の理由" required size={14} />
                      <button type="submit" class="danger">
                        中止
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="car-h">
        <h2 id="car-h">車で配送</h2>
        {board.car.length === 0 ? <p class="muted">車で配送する荷物はありません。</p> : null}
        {board.car.map((hall) => (
          <div class="card" data-car-hall={String(hall.hamletId)}>
            <h3>{hall.hallName}</h3>
            <ul>
              {hall.orders.map((o) => (
                <li>
                  #{o.id} {kg(o.weightG)} {o.statusJa}：{o.reason}
                </li>
              ))}
            </ul>
            <form
              method="post"
              action={`/console/drone/days/${d}/car/${hall.hamletId}/dispatch`}
              class="inline"
            >
              <button type="submit">車で出発</button>
            </form>{' '}
            <form
              method="post"
              action={`/console/drone/days/${d}/car/${hall.hamletId}/arrive`}
              class="inline"
            >
              <button type="submit">公民館に到着</button>
            </form>
          </div>
        ))}
      </section>

      <section aria-labelledby="routes-h">
        <h2 id="routes-h">航路（QGroundControl）</h2>
        <ul>
          {board.routes.map((r) => (
            <li>
              {r.hallName}（片道 {(r.lengthM / 1000).toFixed(1)}km）{' '}
              <a href={`/console/drone/routes/${r.hamletId}.plan`} download>
                .plan をダウンロード
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="log-h">
        <h2 id="log-h">飛行日誌（CSV）</h2>
        <form method="get" action="/console/drone/flight-log.csv">
          <label>
            機体
            <select name="droneId">
              {board.drones.map((dr) => (
                <option value={String(dr.id)}>
                  {dr.name}（{dr.registrationMark}）
                </option>
              ))}
            </select>
          </label>
          <label>
            期間 <input type="date" name="from" value={`${d.slice(0, 8)}01`} required /> 〜{' '}
            <input type="date" name="to" value={d} required />
          </label>
          <label>
            種類
            <select name="part">
              <option value="flights">飛行記録</option>
              <option value="inspections">日常点検記録</option>
              <option value="maintenance">点検整備記録</option>
            </select>
          </label>
          <button type="submit">CSVをダウンロード</button>
        </form>
      </section>
    </Layout>
  );
}

droneConsole.get('/', (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.query('date'), deps.clock.now());
  return c.html(
    <Board
      board={getDayBoard(deps.db, date)}
      beforeCutoff={cutoffAhead(deps.db, date, deps.clock.now())}
      staff={staff}
      done={c.req.query('done')}
      error={c.req.query('error')}
    />,
  );
});

/** The day's cut-off time while it is still ahead (planning then would miss later orders). */
function cutoffAhead(db: DbOrTx, date: string, now: Date): string | undefined {
  const shop = getShopSettings(db);
  return now < orderDeadline(date, shop) ? shop.calendar.cutoff : undefined;
}

droneConsole.post('/days/:date/plan', (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.param('date'), deps.clock.now());
  return act(c, date, () => {
    const r = planDeliveryDay(deps.db, date, actorOf(staff), deps.clock.now());
    return r.created ? '配送計画を作成しました' : 'この日は計画済みです';
  });
});

const num = z.coerce.number().min(0).max(60);
const WeatherForm = z.object({
  hamletId: z.string().optional(),
  groundWindTakeoffMps: num,
  groundWindLandingMps: num,
  rain: z.string().optional(),
  ...Object.fromEntries(BANDS.map((b) => [`band_${b.fromM}_${b.toM}`, num])),
});

droneConsole.post('/days/:date/weather', async (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.param('date'), deps.clock.now());
  const form = WeatherForm.safeParse(await c.req.parseBody());
  if (!form.success) return c.redirect(boardUrl(date, 'error', '風速は0〜60の数値で入力してください'), 303);
  const f = form.data as Record<string, unknown> & z.infer<typeof WeatherForm>;
  return act(c, date, () => {
    const r = recordWeatherCheck(
      deps.db,
      date,
      {
        hamletId: f.hamletId ? Number(f.hamletId) : null,
        groundWindTakeoffMps: f.groundWindTakeoffMps,
        groundWindLandingMps: f.groundWindLandingMps,
        bands: BANDS.map((b) => ({ ...b, windMps: f[`band_${b.fromM}_${b.toM}`] as number })),
        rain: f.rain === '1',
      },
      actorOf(staff),
      deps.clock.now(),
    );
    const changed = r.cancelledFlightIds.length
      ? `（${r.cancelledFlightIds.length}便を車に変更）`
      : r.backToDroneOrderIds.length
        ? `（車に回した${r.backToDroneOrderIds.length}個をドローン便に戻しました）`
        : '';
    return `気象確認を記録しました：${r.residentText}${changed}`;
  });
});

droneConsole.post('/flights/:id/:action{launch|land|return|abort}', async (c) => {
  const { deps, staff } = c.var;
  const id = idOf(c.req.param('id'));
  const date = dateOf(c.req.query('date'), deps.clock.now());
  const body = await c.req.parseBody();
  const now = deps.clock.now();
  const actor = actorOf(staff);
  const str = (k: string) => (typeof body[k] === 'string' && body[k] ? (body[k] as string) : undefined);
  switch (c.req.param('action')) {
    case 'launch':
      return act(c, date, () => {
        launchFlight(deps.db, id, { pilotLicenceNo: str('pilotLicenceNo') }, actor, now);
        publishFlightEvent(deps, id, 'flight.launched');
        return '離陸を記録しました';
      });
    case 'land':
      return act(c, date, () => {
        landFlight(deps.db, id, actor, now);
        publishFlightEvent(deps, id, 'flight.landed');
        return '着陸を記録しました（荷物は公民館に到着）';
      });
    case 'return':
      return act(c, date, () => {
        returnFlight(deps.db, id, {}, actor, now);
        return '帰還を記録しました';
      });
    default:
      return act(c, date, () => {
        const r = abortFlight(deps.db, id, { reason: str('reason') ?? '' }, actor, now);
        return `飛行を中止しました（荷物の再計画：ドローン便 ${r.droneOrderIds.length}件、車 ${r.carOrderIds.length}件）`;
      });
  }
});

droneConsole.post('/days/:date/car/:hamletId/:step{dispatch|arrive}', (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.param('date'), deps.clock.now());
  const step = c.req.param('step') as 'dispatch' | 'arrive';
  return act(c, date, () => {
    const r = moveCarParcels(
      deps.db,
      date,
      idOf(c.req.param('hamletId')),
      step,
      actorOf(staff),
      deps.clock.now(),
    );
    return `${step === 'dispatch' ? '車の出発' : '車の到着'}を記録しました（${r.orderIds.length}件）`;
  });
});

droneConsole.get('/routes/:file{[0-9]+\\.plan}', (c) => {
  const { fileName, plan } = exportRoutePlan(c.var.deps.db, idOf(c.req.param('file').replace('.plan', '')));
  c.header('content-type', 'application/json; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${fileName}"`);
  return c.body(JSON.stringify(plan, null, 2));
});

droneConsole.get('/flight-log.csv', (c) => {
  const q = c.req.query();
  const { fileName, csv } = exportFlightLog(c.var.deps.db, idOf(q.droneId), {
    from: q.from ?? '',
    to: q.to ?? '',
    part: (q.part as 'flights') ?? 'flights',
  });
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${fileName}"`);
  return c.body(csv);
});

droneConsole.get('/inspection', (c) => {
  const { deps, staff } = c.var;
  const date = dateOf(c.req.query('date'), deps.clock.now());
  const board = getDayBoard(deps.db, date);
  const droneId = Number(c.req.query('droneId'));
  return c.html(
    <Layout title="日常点検の記録" staff={staff}>
      <form method="post" action="/console/drone/inspection">
        <input type="hidden" name="date" value={date} />
        <label>
          機体
          <select name="droneId">
            {board.drones.map((dr) => (
              <option value={String(dr.id)} selected={dr.id === droneId}>
                {dr.name}（{dr.registrationMark}）
              </option>
            ))}
          </select>
        </label>
        <label>
          点検場所 <input name="place" value="ドローンポート" required />
        </label>
        <table>
          <thead>
            <tr>
              <th>点検項目</th>
              <th>正常</th>
              <th>異常</th>
            </tr>
          </thead>
          <tbody>
            {DAILY_CHECK_ITEMS.map((i) => (
              <tr>
                <td>{i.label}</td>
                <td>
                  <input type="radio" name={i.key} value="ok" aria-label={`${i.label} 正常`} checked />
                </td>
                <td>
                  <input type="radio" name={i.key} value="ng" aria-label={`${i.label} 異常`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label>
          特記事項 <textarea name="notes"></textarea>
        </label>
        <button type="submit">日常点検を記録</button>
      </form>
      <h2>点検整備の記録</h2>
      <form method="post" action="/console/drone/maintenance" aria-label="点検整備の記録">
        <label>
          機体
          <select name="droneId">
            {board.drones.map((dr) => (
              <option value={String(dr.id)} selected={dr.id === droneId}>
                {dr.name}（{dr.registrationMark}）
              </option>
            ))}
          </select>
        </label>
        <label>
          実施日 <input type="date" name="date" value={date} required />
        </label>
        <label>
          実施場所 <input name="place" required />
        </label>
        <label>
          実施者 <input name="performedBy" value={staff.name} required />
        </label>
        <label>
          点検・修理・整備の内容 <textarea name="work" required></textarea>
        </label>
        <label>
          交換部品 <input name="partsReplaced" />
        </label>
        <label>
          実施理由 <input name="reason" required />
        </label>
        <button type="submit">点検整備を記録</button>
      </form>
    </Layout>,
  );
});

droneConsole.post('/inspection', async (c) => {
  const { deps, staff } = c.var;
  const body = await c.req.parseBody();
  const date = dateOf(typeof body.date === 'string' ? body.date : undefined, deps.clock.now());
  const results = Object.fromEntries(
    DAILY_CHECK_ITEMS.map((i) => [i.key, body[i.key] === 'ng' ? 'ng' : 'ok']),
  );
  return act(c, date, () => {
    const r = recordDailyInspection(
      deps.db,
      idOf(String(body.droneId)),
      { date, place: String(body.place ?? ''), results: results as never, notes: String(body.notes ?? '') },
      actorOf(staff),
      deps.clock.now(),
    );
    return r.passed
      ? '日常点検を記録しました'
      : '日常点検を記録しました（異常あり：この機体は本日飛行できません）';
  });
});

droneConsole.post('/maintenance', async (c) => {
  const { deps, staff } = c.var;
  const body = await c.req.parseBody();
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  const date = dateOf(text('date') || undefined, deps.clock.now());
  return act(c, date, () => {
    const form = MaintenanceInput.safeParse({
      date: text('date'),
      place: text('place'),
      performedBy: text('performedBy'),
      work: text('work'),
      partsReplaced: text('partsReplaced'),
      reason: text('reason'),
    });
    if (!form.success) throw badRequest('invalid_maintenance', '点検整備の記録に未入力の項目があります');
    recordMaintenance(deps.db, idOf(text('droneId')), form.data, actorOf(staff), deps.clock.now());
    return '点検整備を記録しました';
  });
});
