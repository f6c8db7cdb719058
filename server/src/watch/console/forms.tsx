import { Hono } from 'hono';
import { redirectWithFlash } from '../../console/flash';
import { consoleForm, idOf, type RefusedForm } from '../../console/form';
import type { Context } from 'hono';
import { fromTokyo } from '../../lib/tokyo';
import { AppError } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { assertMayManage } from '../assert-may-manage';
import { endAwayPeriod } from '../end-away-period';
import { enrollResident } from '../enroll-resident';
import { recordWatchContact, RecordWatchContactInput } from '../record-watch-contact';
import { createReminder } from '../reminders';
import { setAwayByStaff } from '../set-away';
import { stopReminder } from '../stop-reminder';
import { stopWatching } from '../stop-watching';
import { AwayForm, EnrolForm, minuteOf, ReminderForm, type RefusedOn } from './forms-schema';
import { renderResident } from './resident';

/** Form posts of the resident page; each calls the same business function as the API. */
export const residentForms = new Hono<AppEnv>();

const residentOf = (c: Context<AppEnv>) => idOf(c.req.param('id'));
const pageOf = (c: Context<AppEnv>) => `/console/watch/residents/${residentOf(c)}`;
/** A refused form: the resident's page again, with what was typed and each field's error. */
const redraw = (form: RefusedOn) => async (c: Context<AppEnv>, refused: RefusedForm) =>
  await renderResident(c, residentOf(c), { form, ...refused });

residentForms.post('/residents/:id/enrol', consoleForm(EnrolForm, redraw('enrol')), async (c) => {
  const { db, clock } = c.var.deps;
  const staff = c.var.staff;
  const residentId = residentOf(c);
  const f = c.req.valid('form');
  await db.transaction(async (tx) => {
    await assertMayManage(tx, staff, residentId);
    await enrollResident(
      tx,
      {
        residentId,
        thresholdMinutes: f.thresholdHours * 60,
        quietStartMinute: minuteOf(f.quietStart),
        quietEndMinute: minuteOf(f.quietEnd),
        dailyMail: f.dailyMail === 'yes',
      },
      staff.id,
      clock.now(),
    );
  });
  return redirectWithFlash(c, pageOf(c), { kind: 'notice', text: '見守りの設定を保存しました' });
});

residentForms.post('/residents/:id/stop', async (c) => {
  const { db, clock } = c.var.deps;
  await db.transaction(async (tx) => await stopWatching(tx, residentOf(c), c.var.staff, clock.now()));
  return redirectWithFlash(c, pageOf(c), { kind: 'notice', text: '見守りを停止しました' });
});

residentForms.post('/residents/:id/reminders', consoleForm(ReminderForm, redraw('reminder')), async (c) => {
  const { db, clock } = c.var.deps;
  const residentId = residentOf(c);
  await assertMayManage(db, c.var.staff, residentId);
  await createReminder(db, { residentId, ...c.req.valid('form') }, { staffId: c.var.staff.id }, clock.now());
  return redirectWithFlash(c, pageOf(c), { kind: 'notice', text: 'リマインダーを追加しました' });
});

residentForms.post('/residents/:id/reminders/:rid/stop', async (c) => {
  const { db, clock } = c.var.deps;
  await db.transaction(
    async (tx) => await stopReminder(tx, idOf(c.req.param('rid')), c.var.staff, clock.now()),
  );
  return redirectWithFlash(c, pageOf(c), { kind: 'notice', text: 'リマインダーをやめました' });
});

residentForms.post('/residents/:id/away', consoleForm(AwayForm, redraw('away')), async (c) => {
  const { db, clock } = c.var.deps;
  const residentId = residentOf(c);
  const f = c.req.valid('form');
  await assertMayManage(db, c.var.staff, residentId);
  try {
    await setAwayByStaff(
      db,
      { residentId, from: fromTokyo(f.fromDate, f.fromTime), until: fromTokyo(f.untilDate, f.untilTime) },
      c.var.staff.id,
      clock.now(),
    );
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_period')
      return redraw('away')(c, {
        values: f,
        errors: { _form: '「まで」は「から」より後で、今より先の日時にしてください' },
      });
    throw e;
  }
  return redirectWithFlash(c, pageOf(c), { kind: 'notice', text: '留守を登録しました' });
});

residentForms.post('/residents/:id/away/:aid/end', async (c) => {
  const { db, clock } = c.var.deps;
  await db.transaction(
    async (tx) => await endAwayPeriod(tx, idOf(c.req.param('aid')), c.var.staff, clock.now()),
  );
  return redirectWithFlash(c, pageOf(c), { kind: 'notice', text: '留守を終えました' });
});

residentForms.post(
  '/residents/:id/contacts',
  consoleForm(RecordWatchContactInput, redraw('contact')),
  async (c) => {
    const { db, clock } = c.var.deps;
    await recordWatchContact(db, c.var.staff, residentOf(c), c.req.valid('form'), clock.now());
    return redirectWithFlash(c, pageOf(c), { kind: 'notice', text: '電話・訪問を記録しました' });
  },
);
