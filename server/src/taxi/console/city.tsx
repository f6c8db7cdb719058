import { Hono } from 'hono';
import { requireStaffPage } from '../../auth/staff-auth';
import { DateField } from '../../console/date-field';
import { Layout } from '../../console/layout';
import { MapView, type MapFeature } from '../../console/map-view';
import type { AppEnv } from '../../lib/router';
import { formatJaDate } from '../../lib/tokyo';
import { LiveScript } from '../../live/script';
import { getDayPlan, type DayPlan } from '../get-day-plan';
import { CarriedBadge, dateOf, KIND_JA, stopState } from './shared';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * Each vehicle's day on the map: its route from the depot through its stops, the stops numbered as
 * in the tables below, and the vehicle where it last was (the last stop it closed, else its depot).
 */
export function dayPlanFeatures(plan: DayPlan): MapFeature[] {
  const features: MapFeature[] = [];
  for (const v of plan.vehicles) {
    const last = [...v.stops].reverse().find((s) => s.done && s.status !== 'no_show');
    features.push({
      kind: 'vehicle',
      label: v.name,
      lat: last?.lat ?? v.depot.lat,
      lon: last?.lon ?? v.depot.lon,
    });
  }
  for (const v of plan.vehicles) {
    if (v.stops.length === 0) continue;
    const mid = v.stops[Math.floor(v.stops.length / 2)]!;
    // 「3号-2」: the vehicle's number and the stop's row in its table below, short enough to fit
    const short = /\d+号/.exec(v.name)?.[0] ?? v.name;
    features.push({
      kind: 'route',
      label: '',
      lat: mid.lat,
      lon: mid.lon,
      path: [[v.depot.lat, v.depot.lon], ...v.stops.map((s): [number, number] => [s.lat, s.lon])],
    });
    v.stops.forEach((s, k) =>
      features.push({
        kind: s.place === '自宅' ? 'home' : 'stop',
        label: `${short}-${k + 1} ${s.time} ${KIND_JA[s.kind]} ${(s.names[0] ?? '').split(' ')[0]}`,
        lat: s.lat,
        lon: s.lon,
        state: stopState(s),
      }),
    );
  }
  return features;
}

export const cityPages = new Hono<AppEnv>();

cityPages.get('/city', requireStaffPage('city_staff'), async (c) => {
  const { db, clock } = c.var.deps;
  const now = clock.now();
  const plan = await getDayPlan(db, dateOf(c.req.query('date'), now), now);
  const f = plan.figures;
  return c.html(
    <Layout title={`乗合タクシー 運行状況 ${formatJaDate(plan.date)}`} staff={c.var.staff}>
      <LiveScript topics={['taxi']} />
      <form method="get" class="no-print">
        <DateField label="日付" name="date" value={plan.date} /> <button type="submit">表示</button>
      </form>
      <div class="cards" id="figures">
        <div class="card">
          乗車（完了） <strong data-figure="rides">{f.rides}</strong> 件 / {f.riders} 人
        </div>
        <div class="card">
          車両時間あたり乗客 <strong data-figure="ridersPerVehicleHour">{f.ridersPerVehicleHour}</strong> 人
        </div>
        <div class="card">
          相乗り率 <strong data-figure="sharedRideShare">{pct(f.sharedRideShare)}</strong>
        </div>
        <div class="card">
          平均迂回 <strong data-figure="meanDetour">{pct(f.meanDetour)}</strong>
        </div>
        <div class="card">
          定時率 <strong data-figure="onTimeShare">{pct(f.onTimeShare)}</strong>
        </div>
        <div class="card">
          不在 {f.noShows} 件 / 取消 {f.cancelled} 件
        </div>
      </div>
      <h2>地図</h2>
      <p class="muted">
        車＝車両（最後に乗降した場所）、停＝乗降場所、家＝自宅。線は車両ごとの経路、✓は済み、×は不在、前は前日から。
      </p>
      <MapView label="車両と今日の停車地の地図" features={dayPlanFeatures(plan)} height={560} />
      {plan.vehicles.map((v) => (
        <section>
          <h2>{v.name}</h2>
          {v.stops.length === 0 ? (
            <p class="muted">予約なし</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>時刻</th>
                  <th>乗降</th>
                  <th>場所</th>
                  <th>利用者</th>
                  <th class="num">人数</th>
                  <th>状態</th>
                </tr>
              </thead>
              <tbody>
                {v.stops.map((s, k) => (
                  <tr data-booking={String(s.bookingId)} data-kind={s.kind}>
                    <td>{k + 1}</td>
                    <td>{s.time}</td>
                    <td>{KIND_JA[s.kind]}</td>
                    <td>
                      {s.place}
                      <CarriedBadge stop={s} />
                    </td>
                    <td>{s.names.join('・')}</td>
                    <td class="num">{s.passengers}</td>
                    <td>{s.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </Layout>,
  );
});
