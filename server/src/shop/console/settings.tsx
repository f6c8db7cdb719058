import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { requireStaffPage } from '../../auth/staff-auth';
import { redirectWithFlash, takeFlash, type Flash } from '../../console/flash';
import { consoleForm, type RefusedForm } from '../../console/form';
import { Layout } from '../../console/layout';
import { recordAudit } from '../../lib/audit';
import type { AppEnv } from '../../lib/router';
import { getShopSettings, saveShopSettings, ShopSettingsSchema } from '../shop-settings';
import { actor } from './shared';

export const settingsPages = new Hono<AppEnv>();

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const dateList = (raw: string | undefined) =>
  (raw ?? '')
    .split(/[\s,、]+/)
    .map((d) => d.trim())
    .filter(Boolean);
const toNumber = (raw: string) => (raw.trim() === '' ? NaN : Number(raw));

/** The settings form as posted, turned into the API's ShopSettingsSchema. */
const SettingsForm = z
  .object({
    cutoff: z.string().default(''),
    weekday: z.union([z.string(), z.array(z.string())]).optional(),
    observePublicHolidays: z.string().optional(),
    closedDates: z.string().optional(),
    openDates: z.string().optional(),
    maxOrderWeightG: z.string().default(''),
    maxLinesPerOrder: z.string().default(''),
  })
  .transform((f) => ({
    calendar: {
      cutoff: f.cutoff.trim(),
      deliveryWeekdays: ([] as string[]).concat(f.weekday ?? []).map(Number),
      observePublicHolidays: f.observePublicHolidays === '1',
      closedDates: dateList(f.closedDates),
      openDates: dateList(f.openDates),
    },
    maxOrderWeightG: toNumber(f.maxOrderWeightG),
    maxLinesPerOrder: toNumber(f.maxLinesPerOrder),
  }))
  .pipe(ShopSettingsSchema);

/** The form field an issue path of ShopSettingsSchema belongs to, with its Japanese message. */
const FIELD_OF: Record<string, { field: string; message: string }> = {
  'calendar.cutoff': { field: 'cutoff', message: '締め切り時刻は 11:00 のように時:分で入力してください' },
  'calendar.deliveryWeekdays': { field: 'weekday', message: 'お届けする曜日を1つ以上選んでください' },
  'calendar.closedDates': {
    field: 'closedDates',
    message: '休みにする日は 2026-12-31 のように入力してください',
  },
  'calendar.openDates': { field: 'openDates', message: '配達する日は 2026-12-31 のように入力してください' },
  maxOrderWeightG: { field: 'maxOrderWeightG', message: '重さの上限は1000〜50000（g）で入力してください' },
  maxLinesPerOrder: { field: 'maxLinesPerOrder', message: '品数の上限は1〜100で入力してください' },
};
function formErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(errors)) {
    const hit = Object.entries(FIELD_OF).find(([path]) => key === path || key.startsWith(`${path}.`));
    if (hit) out[hit[1].field] ??= hit[1].message;
    else out._form ??= errors[key]!;
  }
  return out;
}

function FieldError(props: { id: string; error?: string | undefined }) {
  return props.error ? (
    <span class="field-error" id={props.id}>
      {props.error}
    </span>
  ) : null;
}

async function settingsPage(c: Context<AppEnv>, flash: Flash | undefined, refused?: RefusedForm) {
  const s = await getShopSettings(c.var.deps.db);
  const v = refused?.values ?? {};
  const e = refused ? formErrors(refused.errors) : {};
  const str = (k: string, fallback: string) => (typeof v[k] === 'string' ? v[k] : fallback);
  const weekdays = refused
    ? ([] as unknown[]).concat(v.weekday ?? []).map(Number)
    : s.calendar.deliveryWeekdays;
  const holidays = refused ? v.observePublicHolidays === '1' : s.calendar.observePublicHolidays;
  const inv = (k: string) => (e[k] ? { 'aria-invalid': 'true', 'aria-describedby': `err-${k}` } : {});
  return (
    <Layout title="お買い物の設定" staff={c.var.staff} flash={flash}>
      {e._form ? (
        <p class="error" role="alert">
          {e._form}
        </p>
      ) : null}
      <form method="post" action="/console/shop/settings">
        <label>
          締め切り時刻（この時刻より前の注文はその日の夕方に届きます。時:分、例 11:00）
          <input
            name="cutoff"
            value={str('cutoff', s.calendar.cutoff)}
            inputmode="numeric"
            required
            {...inv('cutoff')}
          />
        </label>
        <FieldError id="err-cutoff" error={e.cutoff} />
        <fieldset {...inv('weekday')}>
          <legend>配達する曜日</legend>
          {WEEKDAYS_JA.map((w, i) => (
            <label style="display:inline-block;margin-right:1rem">
              <input type="checkbox" name="weekday" value={String(i)} checked={weekdays.includes(i)} /> {w}
            </label>
          ))}
        </fieldset>
        <FieldError id="err-weekday" error={e.weekday} />
        <label>
          <input type="checkbox" name="observePublicHolidays" value="1" checked={holidays} /> 祝日は配達しない
        </label>
        <label>
          休みにする日（年-月-日、空白区切り。例 2026-12-31 2027-01-01）
          <textarea name="closedDates" {...inv('closedDates')}>
            {str('closedDates', s.calendar.closedDates.join(' '))}
          </textarea>
        </label>
        <FieldError id="err-closedDates" error={e.closedDates} />
        <label>
          祝日・週末でも配達する日（年-月-日、空白区切り）
          <textarea name="openDates" {...inv('openDates')}>
            {str('openDates', s.calendar.openDates.join(' '))}
          </textarea>
        </label>
        <FieldError id="err-openDates" error={e.openDates} />
        <label>
          1回の注文の重さの上限（g）
          <input
            name="maxOrderWeightG"
            inputmode="numeric"
            value={str('maxOrderWeightG', String(s.maxOrderWeightG))}
            required
            {...inv('maxOrderWeightG')}
          />
        </label>
        <FieldError id="err-maxOrderWeightG" error={e.maxOrderWeightG} />
        <label>
          1回の注文の品数の上限
          <input
            name="maxLinesPerOrder"
            inputmode="numeric"
            value={str('maxLinesPerOrder', String(s.maxLinesPerOrder))}
            required
            {...inv('maxLinesPerOrder')}
          />
        </label>
        <FieldError id="err-maxLinesPerOrder" error={e.maxLinesPerOrder} />
        <button type="submit">保存</button>
      </form>
    </Layout>
  );
}

settingsPages.get('/settings', requireStaffPage('city_staff'), async (c) =>
  c.html(await settingsPage(c, takeFlash(c))),
);

settingsPages.post(
  '/settings',
  requireStaffPage('city_staff'),
  consoleForm(SettingsForm, async (c, refused) =>
    c.html(
      await settingsPage(
        c,
        { kind: 'error', text: '保存できません。赤字の項目を確かめてください。' },
        refused,
      ),
      400,
    ),
  ),
  async (c) => {
    const { deps, staff } = c.var;
    const settings = c.req.valid('form');
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await saveShopSettings(tx, settings, now);
      await recordAudit(tx, now, actor(staff), 'shop.settings', 'shop_settings', 1, settings);
    });
    return redirectWithFlash(c, '/console/shop/settings', { kind: 'notice', text: '保存しました' });
  },
);
