import type { Context, Hono, MiddlewareHandler } from 'hono';
import { takeFlash } from '../../console/flash';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import type { AppEnv } from '../../lib/router';
import { orderDeadline } from '../../shop/order-deadline';
import { getShopSettings } from '../../shop/shop-settings';
import { abortFlight } from '../abort-flight';
import { getBoardView } from '../get-board-view';
import { landFlight } from '../land-flight';
import { launchFlight } from '../launch-flight';
import { publishCarEvent, publishFlightEvent, publishWeatherDecision } from '../live-events';
import { moveCarParcels } from '../move-car-parcels';
import { planDeliveryDay } from '../plan-delivery-day';
import { recordWeatherCheck } from '../record-weather-check';
import { returnFlight } from '../return-flight';
import { BoardPage } from './board';
import { act, actorOf, boardUrl, dateOf } from './shared';
import { AbortForm, BoardActionForm, LaunchForm, WeatherForm, weatherInputOf } from './weather-form';

async function renderBoard(c: Context<AppEnv>, date: string, extra: { weatherRefused?: RefusedForm } = {}) {
  const { deps, staff } = c.var;
  const now = deps.clock.now();
  const view = await getBoardView(deps.db, date, now, staff.id);
  const site = c.req.query('site');
  return (
    <BoardPage
      view={view}
      staff={staff}
      flash={takeFlash(c)}
      beforeCutoff={now < orderDeadline(date, await getShopSettings(deps.db))}
      site={site && /^[1-9][0-9]{0,8}$/.test(site) ? Number(site) : undefined}
      weatherRefused={extra.weatherRefused}
    />
  );
}

/** The board and every action on it; each action comes back to the board with a flash. */
export function mountBoard(app: Hono<AppEnv>): void {
  app.get('/', async (c) =>
    c.html(await renderBoard(c, dateOf(c.req.query('date'), c.var.deps.clock.now()))),
  );

  app.post('/days/:date/plan', (c) => {
    const { deps, staff } = c.var;
    const date = dateOf(c.req.param('date'), deps.clock.now());
    return act(c, boardUrl(date), async () => {
      const r = await planDeliveryDay(deps.db, date, actorOf(staff), deps.clock.now());
      return r.created ? '配送計画を作成しました' : 'この日は計画済みです';
    });
  });

  app.post(
    '/days/:date/weather',
    consoleForm(WeatherForm, async (c, refused) => {
      const date = dateOf(c.req.param('date'), c.var.deps.clock.now());
      c.status(400);
      return c.html(await renderBoard(c, date, { weatherRefused: refused }));
    }),
    (c) => {
      const { deps, staff } = c.var;
      const date = dateOf(c.req.param('date'), deps.clock.now());
      const input = weatherInputOf(c.req.valid('form'));
      return act(c, boardUrl(date), async () => {
        const r = await recordWeatherCheck(deps.db, date, input, actorOf(staff), deps.clock.now());
        publishWeatherDecision(deps, input.hamletId ?? null, r.mode);
        for (const id of r.cancelledFlightIds) await publishFlightEvent(deps, id, 'flight.cancelled');
        const changed = r.cancelledFlightIds.length
          ? `（${r.cancelledFlightIds.length}便を車に変更）`
          : r.backToDroneOrderIds.length
            ? `（車に回した${r.backToDroneOrderIds.length}個をドローン便に戻しました）`
            : '';
        return `気象確認を記録しました（${r.mode === 'drone' ? '飛行可' : '車で配送'}）：${r.residentText}${changed}`;
      });
    },
  );

  const back = (c: Context<AppEnv>, date: string | undefined) =>
    boardUrl(dateOf(date, c.var.deps.clock.now()));
  // An odd id names no flight (404) before the form is read, so nothing else is said about it.
  const flightId: MiddlewareHandler<AppEnv> = async (c, next) => {
    idOf(c.req.param('id'));
    await next();
  };

  app.post('/flights/:id/launch', flightId, consoleForm(LaunchForm), (c) => {
    const { deps, staff } = c.var;
    const id = idOf(c.req.param('id'));
    const f = c.req.valid('form');
    return act(c, back(c, f.date), async () => {
      await launchFlight(deps.db, id, { pilotLicenceNo: f.pilotLicenceNo }, actorOf(staff), deps.clock.now());
      await publishFlightEvent(deps, id, 'flight.launched');
      return '離陸を記録しました';
    });
  });

  app.post('/flights/:id/land', flightId, consoleForm(BoardActionForm), (c) => {
    const { deps, staff } = c.var;
    const id = idOf(c.req.param('id'));
    return act(c, back(c, c.req.valid('form').date), async () => {
      await landFlight(deps.db, id, actorOf(staff), deps.clock.now());
      await publishFlightEvent(deps, id, 'flight.landed');
      return '着陸を記録しました（荷物は公民館に到着）';
    });
  });

  app.post('/flights/:id/return', flightId, consoleForm(BoardActionForm), (c) => {
    const { deps, staff } = c.var;
    const id = idOf(c.req.param('id'));
    return act(c, back(c, c.req.valid('form').date), async () => {
      await returnFlight(deps.db, id, {}, actorOf(staff), deps.clock.now());
      await publishFlightEvent(deps, id, 'flight.returned');
      return '帰還を記録しました';
    });
  });

  app.post('/flights/:id/abort', flightId, consoleForm(AbortForm), (c) => {
    const { deps, staff } = c.var;
    const id = idOf(c.req.param('id'));
    const f = c.req.valid('form');
    return act(c, back(c, f.date), async () => {
      const r = await abortFlight(deps.db, id, { reason: f.reason }, actorOf(staff), deps.clock.now());
      await publishFlightEvent(deps, id, 'flight.aborted');
      return `飛行を中止しました（荷物の再計画：ドローン便 ${r.droneOrderIds.length}件、車 ${r.carOrderIds.length}件）`;
    });
  });

  app.post('/days/:date/car/:hamletId/:step{dispatch|arrive}', (c) => {
    const { deps, staff } = c.var;
    const date = dateOf(c.req.param('date'), deps.clock.now());
    const step = c.req.param('step') as 'dispatch' | 'arrive';
    const hamletId = idOf(c.req.param('hamletId'));
    return act(c, boardUrl(date), async () => {
      const r = await moveCarParcels(deps.db, date, hamletId, step, actorOf(staff), deps.clock.now());
      publishCarEvent(deps, hamletId, step);
      return `${step === 'dispatch' ? '車の出発' : '車の到着'}を記録しました（${r.orderIds.length}件）`;
    });
  });
}
