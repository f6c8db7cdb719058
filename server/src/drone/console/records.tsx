import type { Hono } from 'hono';
import { DateField } from '../../console/date-field';
import { idOf } from '../../console/form';
import { Layout } from '../../console/layout';
import { badRequest } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { exportFlightLog, FlightLogQuery } from '../export-flight-log';
import { exportRoutePlan } from '../export-route-plan';
import { getDayBoard } from '../get-day-board';
import { dateOf } from './shared';

/** 飛行日誌 (CSV for a period) and the routes as QGroundControl files: the base's paperwork. */
export function mountRecords(app: Hono<AppEnv>): void {
  app.get('/records', async (c) => {
    const { deps, staff } = c.var;
    const date = dateOf(c.req.query('date'), deps.clock.now());
    const board = await getDayBoard(deps.db, date);
    return c.html(
      <Layout title="飛行日誌・航路ファイル" staff={staff}>
        <p>
          <a href={`/console/drone?date=${date}`}>ドローン基地の画面へ戻る</a>
        </p>
        <section aria-labelledby="log-h">
          <h2 id="log-h">飛行日誌（CSV）</h2>
          <form method="get" action="/console/drone/flight-log.csv" aria-label="飛行日誌のダウンロード">
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
            <fieldset>
              <legend>期間</legend>
              <DateField label="から" name="from" value={`${date.slice(0, 8)}01`} required />
              <br />
              <DateField label="まで" name="to" value={date} required />
            </fieldset>
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
      </Layout>,
    );
  });

  app.get('/routes/:file{[0-9]+\\.plan}', async (c) => {
    const { fileName, plan } = await exportRoutePlan(
      c.var.deps.db,
      idOf(c.req.param('file').replace('.plan', '')),
    );
    c.header('content-type', 'application/json; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${fileName}"`);
    return c.body(JSON.stringify(plan, null, 2));
  });

  app.get('/flight-log.csv', async (c) => {
    const q = c.req.query();
    const period = FlightLogQuery.safeParse({ from: q.from, to: q.to, part: q.part || undefined });
    if (!period.success)
      throw badRequest(
        'invalid_period',
        '期間は暦にある日をYYYY-MM-DDで入れてください（種類も確認してください）',
      );
    const { fileName, csv } = await exportFlightLog(c.var.deps.db, idOf(q.droneId), period.data);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${fileName}"`);
    return c.body(csv);
  });
}
