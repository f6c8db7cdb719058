import { Hono } from 'hono';
import { z } from 'zod';
import { consoleForm, idOf } from '../../console/form';
import { redirectWithFlash } from '../../console/flash';
import { AppError } from '../../lib/errors';
import type { AppEnv } from '../../lib/router';
import { publishAlertAcknowledged } from '../live-events';
import { ACK_LABELS, AckActionSchema } from '../acknowledge-alert';
import { acknowledgeAlertByStaff } from '../acknowledge-alert-by-staff';

const AckForm = z.object({
  action: AckActionSchema,
  back: z.enum(['today', 'alerts']).default('alerts'),
});
const BACK = { today: '/console/watch/today', alerts: '/console/watch' } as const;

/** An alert answered on the console: the email link's three answers, one writer, then the boards. */
export const ackScreen = new Hono<AppEnv>();

ackScreen.post('/alerts/:id/ack', consoleForm(AckForm), async (c) => {
  const deps = c.var.deps;
  const { action, back } = c.req.valid('form');
  const alertId = idOf(c.req.param('id'));
  try {
    await acknowledgeAlertByStaff(deps.db, alertId, c.var.staff, action, deps.clock.now());
    await publishAlertAcknowledged(deps, alertId, action);
  } catch (e) {
    // Someone else closed it, or this answer was already given: say so on the board, not a bare error page.
    if (e instanceof AppError && e.status === 409)
      return redirectWithFlash(c, BACK[back], { kind: 'warning', text: e.message });
    throw e;
  }
  return redirectWithFlash(c, BACK[back], {
    kind: 'notice',
    text: `「${ACK_LABELS[action]}」を記録しました`,
  });
});
