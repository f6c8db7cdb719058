import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { DateField } from '../../console/date-field';
import { takeFlash } from '../../console/flash';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import { Layout } from '../../console/layout';
import type { AppEnv } from '../../lib/router';
import { getDayBoard } from '../get-day-board';
import { DAILY_CHECK_ITEMS, type DailyCheckResults } from '../log/daily-inspection';
import { DailyInspectionInput, recordDailyInspection } from '../record-daily-inspection';
import { MaintenanceInput, recordMaintenance } from '../record-maintenance';
import { BOARD_CSS_HREF } from './assets';
import { act, actorOf, boardUrl, dateOf } from './shared';

const droneIdField = z.string().regex(/^[1-9][0-9]{0,8}$/, { error: '機体を選んでください' });
const answer = z.enum(['ok', 'ng'], { error: '正常か異常を選んでください' });

/**
 * The daily inspection as the operator fills it: every item starts unanswered and must be
 * answered, so a passed inspection is never one click (the API's schema behind it is the same).
 */
export const InspectionForm = z.object({
  droneId: droneIdField,
  date: DailyInspectionInput.shape.date,
  place: DailyInspectionInput.shape.place,
  notes: DailyInspectionInput.shape.notes,
  ...(Object.fromEntries(DAILY_CHECK_ITEMS.map((i) => [i.key, answer])) as Record<
    keyof DailyCheckResults,
    typeof answer
  >),
});

export const MaintenanceForm = MaintenanceInput.extend({ droneId: droneIdField });

/** Japanese of a refused text field: the schemas' own messages are for the API's callers. */
function fieldMessage(values: Record<string, unknown>, name: string, raw: string | undefined) {
  if (raw === undefined) return undefined;
  if (name === 'date' || name === 'droneId') return raw;
  return String(values[name] ?? '').trim() === '' ? '入力してください' : '長すぎます。短くしてください';
}

async function InspectionPage(props: {
  c: Context<AppEnv>;
  date: string;
  droneId: number | null;
  inspection?: RefusedForm;
  maintenance?: RefusedForm;
}) {
  const { c, date } = props;
  const { deps, staff } = c.var;
  const board = await getDayBoard(deps.db, date);
  const ins = props.inspection;
  const mnt = props.maintenance;
  const iv = (k: string, d = '') => (ins ? String(ins.values[k] ?? '') : d);
  const mv = (k: string, d = '') => (mnt ? String(mnt.values[k] ?? '') : d);
  const chosenDrone = (form?: RefusedForm) => (form ? Number(form.values.droneId) : props.droneId);
  const err = (form: RefusedForm | undefined, name: string) =>
    form ? fieldMessage(form.values, name, form.errors[name]) : undefined;
  const text = (
    form: RefusedForm | undefined,
    name: string,
    label: string,
    value: string,
    prefix: string,
  ) => {
    const e = err(form, name);
    return (
      <label>
        {label}
        <input
          name={name}
          value={value}
          required={name !== 'partsReplaced'}
          aria-invalid={e ? 'true' : undefined}
          aria-describedby={e ? `${prefix}-${name}-err` : undefined}
        />
        {e ? (
          <span class="field-error" id={`${prefix}-${name}-err`}>
            {e}
          </span>
        ) : null}
      </label>
    );
  };
  const droneSelect = (form?: RefusedForm) => (
    <label>
      機体
      <select name="droneId">
        {board.drones.map((dr) => (
          <option value={String(dr.id)} selected={dr.id === chosenDrone(form)}>
            {dr.name}（{dr.registrationMark}）{dr.inspection ? '：本日点検済み' : ''}
          </option>
        ))}
      </select>
    </label>
  );
  const missing = ins ? DAILY_CHECK_ITEMS.filter((i) => ins.errors[i.key]).length : 0;
  return (
    <Layout title="日常点検・点検整備の記録" staff={staff} flash={takeFlash(c)}>
      <link rel="stylesheet" href={BOARD_CSS_HREF} />
      <p>
        <a href={boardUrl(date)}>ドローン基地の画面へ戻る</a>
      </p>
      <section aria-labelledby="daily-h">
        <h2 id="daily-h">日常点検</h2>
        {missing > 0 ? (
          <p class="error" role="alert">
            点検項目のうち{missing}項目が未回答です。全ての項目に「正常」か「異常」を選んでください。
          </p>
        ) : null}
        <form method="post" action="/console/drone/inspection" aria-label="日常点検の記録">
          {droneSelect(ins)}
          <DateField label="点検日" name="date" value={iv('date', date)} required />
          {err(ins, 'date') ? <span class="field-error">{err(ins, 'date')}</span> : null}
          {text(ins, 'place', '点検場所', iv('place', 'ドローンポート'), 'ins')}
          <div class="check-items">
            {DAILY_CHECK_ITEMS.map((i) => {
              const e = ins?.errors[i.key];
              const v = iv(i.key);
              return (
                <fieldset
                  class="check-item"
                  data-item={i.key}
                  aria-invalid={e ? 'true' : undefined}
                  aria-describedby={e ? `ins-${i.key}-err` : undefined}
                >
                  <legend>{i.label}</legend>
                  <label class="radio">
                    <input type="radio" name={i.key} value="ok" checked={v === 'ok'} /> 正常
                  </label>
                  <label class="radio">
                    <input type="radio" name={i.key} value="ng" checked={v === 'ng'} /> 異常
                  </label>
                  {e ? (
                    <span class="field-error" id={`ins-${i.key}-err`}>
                      未回答です
                    </span>
                  ) : null}
                </fieldset>
              );
            })}
          </div>
          <label>
            特記事項 <textarea name="notes">{iv('notes')}</textarea>
          </label>
          <button type="submit">日常点検を記録</button>
        </form>
      </section>
      <section aria-labelledby="maint-h">
        <h2 id="maint-h">点検整備の記録</h2>
        <form method="post" action="/console/drone/maintenance" aria-label="点検整備の記録">
          {droneSelect(mnt)}
          <DateField label="実施日" name="date" value={mv('date', date)} required />
          {err(mnt, 'date') ? <span class="field-error">{err(mnt, 'date')}</span> : null}
          {text(mnt, 'place', '実施場所', mv('place'), 'mnt')}
          {text(mnt, 'performedBy', '実施者', mv('performedBy', staff.name), 'mnt')}
          <label>
            点検・修理・整備の内容
            <textarea
              name="work"
              required
              aria-invalid={err(mnt, 'work') ? 'true' : undefined}
              aria-describedby={err(mnt, 'work') ? 'mnt-work-err' : undefined}
            >
              {mv('work')}
            </textarea>
            {err(mnt, 'work') ? (
              <span class="field-error" id="mnt-work-err">
                {err(mnt, 'work')}
              </span>
            ) : null}
          </label>
          {text(mnt, 'partsReplaced', '交換部品', mv('partsReplaced'), 'mnt')}
          {text(mnt, 'reason', '実施理由', mv('reason'), 'mnt')}
          <button type="submit">点検整備を記録</button>
        </form>
      </section>
    </Layout>
  );
}

export function mountInspection(app: Hono<AppEnv>): void {
  app.get('/inspection', (c) => {
    const date = dateOf(c.req.query('date'), c.var.deps.clock.now());
    const raw = c.req.query('droneId');
    const droneId = raw && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
    return c.html(<InspectionPage c={c} date={date} droneId={droneId} />);
  });

  const redraw = (c: Context<AppEnv>, which: 'inspection' | 'maintenance', refused: RefusedForm) => {
    const raw = typeof refused.values.date === 'string' ? refused.values.date : '';
    const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : dateOf(undefined, c.var.deps.clock.now());
    c.status(400);
    return c.html(<InspectionPage c={c} date={date} droneId={null} {...{ [which]: refused }} />);
  };

  app.post(
    '/inspection',
    consoleForm(InspectionForm, (c, r) => redraw(c, 'inspection', r)),
    (c) => {
      const { deps, staff } = c.var;
      const f = c.req.valid('form');
      const results = Object.fromEntries(
        DAILY_CHECK_ITEMS.map((i) => [i.key, f[i.key]]),
      ) as DailyCheckResults;
      return act(c, boardUrl(f.date), async () => {
        const r = await recordDailyInspection(
          deps.db,
          idOf(f.droneId),
          { date: f.date, place: f.place, results, notes: f.notes },
          actorOf(staff),
          deps.clock.now(),
        );
        return r.passed
          ? '日常点検を記録しました'
          : '日常点検を記録しました（異常あり：この機体は本日飛行できません）';
      });
    },
  );

  app.post(
    '/maintenance',
    consoleForm(MaintenanceForm, (c, r) => redraw(c, 'maintenance', r)),
    (c) => {
      const { deps, staff } = c.var;
      const { droneId, ...input } = c.req.valid('form');
      return act(c, boardUrl(input.date), async () => {
        await recordMaintenance(deps.db, idOf(droneId), input, actorOf(staff), deps.clock.now());
        return '点検整備を記録しました';
      });
    },
  );
}
