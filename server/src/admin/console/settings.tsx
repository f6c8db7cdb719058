import { Hono, type Context } from 'hono';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../../../../db/src/schema';
import { requireStaffPage } from '../../auth/staff-auth';
import { Layout } from '../../console/layout';
import { redirectWithFlash, takeFlash } from '../../console/flash';
import { consoleForm, fieldErrors, type RefusedForm } from '../../console/form';
import { recordAudit } from '../../lib/audit';
import type { AppEnv } from '../../lib/router';
import { getDroneSettings, saveDroneSettings, DroneSettingsSchema, type DroneSettings } from '../../drone';
import { getTaxiSettings, saveTaxiSettings, TaxiSettingsSchema, type TaxiSettings } from '../../taxi';
import { actorNamer } from './actors';
import { Checkbox, Field, FormError, jaDateTime, ScrollTable } from './ui';

const BASE = '/console/admin/settings';
const GRID =
  'display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:0 1.5rem;align-items:start';
const WEEKDAYS = ['月', '火', '水', '木', '金', '土', '日'];

/**
 * The forms carry the settings' own field paths as names ("fares.standard"), so an issue the API's
 * schema reports lands beside the field it is about. Only the fields an operator sets here are on
 * the form; the rest (per-area hours, solver budgets) are kept as stored.
 */
const num = z.coerce.number({ error: '数字で入れてください' });
const on = z.preprocess((v) => v === 'on', z.boolean());

const TaxiForm = z.object({
  'hours.start': z.string(),
  'hours.end': z.string(),
  'hours.weekdays': z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().min(1).max(7)),
  ),
  'hours.closedOnHolidays': on,
  minNoticeMinutes: num,
  pickupWindowMinutes: num,
  noShowGraceMinutes: num,
  noShowCharged: on,
  // optional so a form from before the field keeps the stored value
  serviceGraceMinutes: z.preprocess((v) => (v === '' ? undefined : v), num.optional()),
  'fares.standard': num,
  'fares.licenceReturned': num,
  'fares.disabled': num,
  'fares.channelDiscount.tv': num,
  'fares.channelDiscount.call_centre': num,
});
type TaxiForm = z.infer<typeof TaxiForm>;

const toTaxi = (cur: TaxiSettings, f: TaxiForm): TaxiSettings => ({
  ...cur,
  hours: {
    start: f['hours.start'],
    end: f['hours.end'],
    weekdays: [...new Set(f['hours.weekdays'])].sort(),
    closedOnHolidays: f['hours.closedOnHolidays'],
  },
  minNoticeMinutes: f.minNoticeMinutes,
  pickupWindowMinutes: f.pickupWindowMinutes,
  noShowGraceMinutes: f.noShowGraceMinutes,
  noShowCharged: f.noShowCharged,
  serviceGraceMinutes: f.serviceGraceMinutes ?? cur.serviceGraceMinutes,
  fares: {
    standard: f['fares.standard'],
    licenceReturned: f['fares.licenceReturned'],
    disabled: f['fares.disabled'],
    channelDiscount: {
      tv: f['fares.channelDiscount.tv'],
      call_centre: f['fares.channelDiscount.call_centre'],
    },
  },
});

const taxiValues = (s: TaxiSettings): Record<string, unknown> => ({
  'hours.start': s.hours.start,
  'hours.end': s.hours.end,
  'hours.weekdays': s.hours.weekdays.map(String),
  'hours.closedOnHolidays': s.hours.closedOnHolidays ? 'on' : undefined,
  minNoticeMinutes: String(s.minNoticeMinutes),
  pickupWindowMinutes: String(s.pickupWindowMinutes),
  noShowGraceMinutes: String(s.noShowGraceMinutes),
  noShowCharged: s.noShowCharged ? 'on' : undefined,
  serviceGraceMinutes: String(s.serviceGraceMinutes),
  'fares.standard': String(s.fares.standard),
  'fares.licenceReturned': String(s.fares.licenceReturned),
  'fares.disabled': String(s.fares.disabled),
  'fares.channelDiscount.tv': String(s.fares.channelDiscount.tv),
  'fares.channelDiscount.call_centre': String(s.fares.channelDiscount.call_centre),
});

const DroneForm = z.object({
  flightWindowStart: z.string(),
  flightWindowEnd: z.string(),
  dwellMin: num,
  weatherCheckValidMin: num,
  requireDailyInspection: on,
  'weather.maxWindMps': num,
  'weather.maxBandWindMps': z.preprocess((v) => (v === '' ? undefined : v), num.optional()),
  'weather.rainMeansCar': on,
  'weather.requireBands': on,
});
type DroneForm = z.infer<typeof DroneForm>;

const toDrone = (cur: DroneSettings, f: DroneForm): DroneSettings => ({
  ...cur,
  flightWindowStart: f.flightWindowStart,
  flightWindowEnd: f.flightWindowEnd,
  dwellMin: f.dwellMin,
  weatherCheckValidMin: f.weatherCheckValidMin,
  requireDailyInspection: f.requireDailyInspection,
  weather: {
    maxWindMps: f['weather.maxWindMps'],
    ...(f['weather.maxBandWindMps'] === undefined ? {} : { maxBandWindMps: f['weather.maxBandWindMps'] }),
    rainMeansCar: f['weather.rainMeansCar'],
    requireBands: f['weather.requireBands'],
  },
});

const droneValues = (s: DroneSettings): Record<string, unknown> => ({
  flightWindowStart: s.flightWindowStart,
  flightWindowEnd: s.flightWindowEnd,
  dwellMin: String(s.dwellMin),
  weatherCheckValidMin: String(s.weatherCheckValidMin),
  requireDailyInspection: s.requireDailyInspection ? 'on' : undefined,
  'weather.maxWindMps': String(s.weather.maxWindMps),
  'weather.maxBandWindMps': s.weather.maxBandWindMps === undefined ? '' : String(s.weather.maxBandWindMps),
  'weather.rainMeansCar': s.weather.rainMeansCar ? 'on' : undefined,
  'weather.requireBands': s.weather.requireBands ? 'on' : undefined,
});

/** The zod messages of the settings schemas are terse English ("HH:MM"); say it in Japanese. */
const ja = (errors: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(errors).map(([k, m]) => [
      k,
      m === 'HH:MM'
        ? '時刻は 09:00 のように時:分で入れてください'
        : /[ぁ-んァ-ン一-龯]/.test(m)
          ? m
          : `値を確認してください（${m}）`,
    ]),
  );

type Refused = { form: 'taxi' | 'drone' } & RefusedForm;

async function settingsView(c: Context<AppEnv>, refused?: Refused) {
  const { db } = c.var.deps;
  const tv = refused?.form === 'taxi' ? refused.values : taxiValues(await getTaxiSettings(db));
  const te = refused?.form === 'taxi' ? refused.errors : {};
  const dv = refused?.form === 'drone' ? refused.values : droneValues(await getDroneSettings(db));
  const de = refused?.form === 'drone' ? refused.errors : {};
  const s = (v: Record<string, unknown>, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const days = Array.isArray(tv['hours.weekdays'])
    ? (tv['hours.weekdays'] as string[])
    : [s(tv, 'hours.weekdays')];
  const history = await db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.entity, 'settings'), inArray(auditLog.action, ['settings.taxi', 'settings.drone'])),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(20)
    .all();
  const name = await actorNamer(db, history);
  return (
    <Layout title="タクシーとドローンの設定" staff={c.var.staff} flash={takeFlash(c)}>
      <section aria-labelledby="taxi">
        <h2 id="taxi">乗合タクシー</h2>
        <form method="post" action={`${BASE}/taxi`} novalidate>
          <FormError errors={te} />
          <fieldset>
            <legend>運行日と時間（地区ごとの時間がない地区）</legend>
            <div style="display:flex;gap:1rem;flex-wrap:wrap" role="group" aria-label="運行する曜日">
              {WEEKDAYS.map((d, i) => (
                <label style="display:inline-flex;gap:0.25rem;align-items:center">
                  <input
                    type="checkbox"
                    name="hours.weekdays"
                    value={String(i + 1)}
                    checked={days.includes(String(i + 1))}
                  />
                  {d}
                </label>
              ))}
            </div>
            {te['hours.weekdays'] ? <span class="field-error">{te['hours.weekdays']}</span> : null}
            <div style={GRID}>
              <Field
                label="始まり"
                name="hours.start"
                value={s(tv, 'hours.start')}
                error={te['hours.start']}
                hint="時:分（例：09:00）"
              />
              <Field
                label="終わり"
                name="hours.end"
                value={s(tv, 'hours.end')}
                error={te['hours.end']}
                hint="時:分（例：15:00）"
              />
            </div>
            <Checkbox
              label="祝日は運休"
              name="hours.closedOnHolidays"
              checked={tv['hours.closedOnHolidays'] === 'on'}
            />
          </fieldset>
          <fieldset>
            <legend>予約と乗車</legend>
            <div style={GRID}>
              <Field
                label="予約の締切（分前）"
                name="minNoticeMinutes"
                value={s(tv, 'minNoticeMinutes')}
                error={te.minNoticeMinutes}
                inputmode="numeric"
              />
              <Field
                label="お迎えの時間幅（分）"
                name="pickupWindowMinutes"
                value={s(tv, 'pickupWindowMinutes')}
                error={te.pickupWindowMinutes}
                inputmode="numeric"
                hint="5〜30分"
              />
              <Field
                label="不在にできるまで（分）"
                name="noShowGraceMinutes"
                value={s(tv, 'noShowGraceMinutes')}
                error={te.noShowGraceMinutes}
                inputmode="numeric"
              />
              <Field
                label="運行時間の前後の余裕（分）"
                name="serviceGraceMinutes"
                value={s(tv, 'serviceGraceMinutes')}
                error={te.serviceGraceMinutes}
                inputmode="numeric"
                hint="0〜30分"
              />
            </div>
            <Checkbox
              label="不在のときも運賃をいただく"
              name="noShowCharged"
              checked={tv.noShowCharged === 'on'}
            />
          </fieldset>
          <fieldset>
            <legend>運賃（1人1回、円）</legend>
            <div style={GRID}>
              <Field
                label="一般"
                name="fares.standard"
                value={s(tv, 'fares.standard')}
                error={te['fares.standard']}
                inputmode="numeric"
              />
              <Field
                label="免許返納者"
                name="fares.licenceReturned"
                value={s(tv, 'fares.licenceReturned')}
                error={te['fares.licenceReturned']}
                inputmode="numeric"
              />
              <Field
                label="障がいのある方"
                name="fares.disabled"
                value={s(tv, 'fares.disabled')}
                error={te['fares.disabled']}
                inputmode="numeric"
              />
              <Field
                label="テレビ予約の割引"
                name="fares.channelDiscount.tv"
                value={s(tv, 'fares.channelDiscount.tv')}
                error={te['fares.channelDiscount.tv']}
                inputmode="numeric"
              />
              <Field
                label="電話予約の割引"
                name="fares.channelDiscount.call_centre"
                value={s(tv, 'fares.channelDiscount.call_centre')}
                error={te['fares.channelDiscount.call_centre']}
                inputmode="numeric"
              />
            </div>
          </fieldset>
          <button type="submit">タクシーの設定を保存</button>
        </form>
      </section>
      <section aria-labelledby="drone">
        <h2 id="drone">ドローン配送</h2>
        <form method="post" action={`${BASE}/drone`} novalidate>
          <FormError errors={de} />
          <fieldset>
            <legend>飛行の時間帯</legend>
            <div style={GRID}>
              <Field
                label="最初の離陸"
                name="flightWindowStart"
                value={s(dv, 'flightWindowStart')}
                error={de.flightWindowStart}
                hint="時:分（例：13:00）"
              />
              <Field
                label="最後の帰着"
                name="flightWindowEnd"
                value={s(dv, 'flightWindowEnd')}
                error={de.flightWindowEnd}
                hint="時:分（例：17:00）"
              />
              <Field
                label="公民館での滞在（分）"
                name="dwellMin"
                value={s(dv, 'dwellMin')}
                error={de.dwellMin}
                inputmode="numeric"
              />
            </div>
          </fieldset>
          <fieldset>
            <legend>気象の基準</legend>
            <div style={GRID}>
              <Field
                label="地上の風速の上限（m/秒）"
                name="weather.maxWindMps"
                value={s(dv, 'weather.maxWindMps')}
                error={de['weather.maxWindMps']}
              />
              <Field
                label="上空の風速の上限（m/秒）"
                name="weather.maxBandWindMps"
                value={s(dv, 'weather.maxBandWindMps')}
                error={de['weather.maxBandWindMps']}
                hint="空欄＝地上と同じ"
              />
              <Field
                label="気象確認の有効時間（分）"
                name="weatherCheckValidMin"
                value={s(dv, 'weatherCheckValidMin')}
                error={de.weatherCheckValidMin}
                inputmode="numeric"
              />
            </div>
            <Checkbox
              label="雨なら車で配送"
              name="weather.rainMeansCar"
              checked={dv['weather.rainMeansCar'] === 'on'}
            />
            <Checkbox
              label="上空の風の確認がなければ飛ばない"
              name="weather.requireBands"
              checked={dv['weather.requireBands'] === 'on'}
            />
            <Checkbox
              label="日常点検に合格した機体だけ離陸できる"
              name="requireDailyInspection"
              checked={dv.requireDailyInspection === 'on'}
            />
          </fieldset>
          <button type="submit">ドローンの設定を保存</button>
        </form>
      </section>
      <section aria-labelledby="history">
        <h2 id="history">変更の履歴</h2>
        {history.length === 0 ? (
          <p>まだ変更はありません。</p>
        ) : (
          <ScrollTable label="設定の変更の履歴">
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">誰が</th>
                <th scope="col">何を</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr>
                  <td>{jaDateTime(h.at)}</td>
                  <td>{name(h)}</td>
                  <td>{h.action === 'settings.taxi' ? 'タクシーの設定' : 'ドローンの設定'}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>
    </Layout>
  );
}

export const settingsPage = new Hono<AppEnv>();
settingsPage.use('*', requireStaffPage('admin'));

settingsPage.get('/', async (c) => c.html(await settingsView(c)));

settingsPage.post(
  '/taxi',
  consoleForm(TaxiForm, async (c, r) =>
    c.html(await settingsView(c, { form: 'taxi', values: r.values, errors: ja(r.errors) }), 400),
  ),
  async (c) => {
    const { db, clock } = c.var.deps;
    const before = await getTaxiSettings(db);
    // The API's schema decides, with its rules across fields (hours, discounts under the fares).
    const r = TaxiSettingsSchema.safeParse(toTaxi(before, c.req.valid('form')));
    if (!r.success)
      return c.html(
        await settingsView(c, {
          form: 'taxi',
          values: (await c.req.parseBody({ all: true })) as Record<string, unknown>,
          errors: ja(fieldErrors(r.error)),
        }),
        400,
      );
    const now = clock.now();
    await db.transaction(async (tx) => {
      await saveTaxiSettings(tx, r.data, now);
      await recordAudit(tx, now, { type: 'staff', id: c.var.staff.id }, 'settings.taxi', 'settings', 'taxi', {
        before,
      });
    });
    return redirectWithFlash(c, BASE, { kind: 'notice', text: 'タクシーの設定を保存しました' });
  },
);

settingsPage.post(
  '/drone',
  consoleForm(DroneForm, async (c, r) =>
    c.html(await settingsView(c, { form: 'drone', values: r.values, errors: ja(r.errors) }), 400),
  ),
  async (c) => {
    const { db, clock } = c.var.deps;
    const before = await getDroneSettings(db);
    const r = DroneSettingsSchema.safeParse(toDrone(before, c.req.valid('form')));
    if (!r.success)
      return c.html(
        await settingsView(c, {
          form: 'drone',
          values: (await c.req.parseBody({ all: true })) as Record<string, unknown>,
          errors: ja(fieldErrors(r.error)),
        }),
        400,
      );
    const now = clock.now();
    await db.transaction(async (tx) => {
      await saveDroneSettings(tx, r.data, now);
      await recordAudit(
        tx,
        now,
        { type: 'staff', id: c.var.staff.id },
        'settings.drone',
        'settings',
        'drone',
        {
          before,
        },
      );
    });
    return redirectWithFlash(c, BASE, { kind: 'notice', text: 'ドローンの設定を保存しました' });
  },
);
